import { useTranslation } from 'react-i18next';

/** Where a real office sends or keeps copies (bundles, key cards, backups): off in the training office, and why. */
export function TrainingOffNotice() {
  const { t } = useTranslation();
  return (
    <section className="warning training-off" aria-labelledby="training-off-title">
      <h2 id="training-off-title">{t('training.off.title')}</h2>
      <p>{t('training.off.body')}</p>
    </section>
  );
}
