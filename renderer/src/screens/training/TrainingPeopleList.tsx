import { useTranslation } from 'react-i18next';
import { TRAINING_PEOPLE } from '../../training/training-office';

/** The sample people and their passphrases, shown openly: the training office holds invented data only. */
export function TrainingPeopleList() {
  const { t } = useTranslation();
  return (
    // A named region: on the lock screen it stands outside the main landmark.
    <section className="training-people" aria-labelledby="training-people-title">
      <h2 id="training-people-title">{t('training.people.title')}</h2>
      <p>{t('training.people.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('vault.people.name')}</th>
            <th scope="col">{t('training.people.role')}</th>
            <th scope="col">{t('vault.passphrase')}</th>
          </tr>
        </thead>
        <tbody>
          {TRAINING_PEOPLE.map((person) => (
            <tr key={person.key}>
              <td>{person.name}</td>
              <td>{t(`training.people.roles.${person.key}`)}</td>
              <td>
                <code>{person.passphrase}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
