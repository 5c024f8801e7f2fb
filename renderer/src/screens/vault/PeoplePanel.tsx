import { useCallback, useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PersonEntry } from '../../vault/vault-service';
import type { VaultSession } from '../../vault/vault-session';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { KdfProgress } from './KdfProgress';
import { NewPassphraseFields, useNewPassphraseReady } from './NewPassphraseFields';
import { PERSON_NAME_MAX, personNameProblem } from './person-name';
import { vaultErrorMessage } from './vault-error-message';

type Outcome = { readonly ok: boolean; readonly message: string };

/**
 * Who can open this installation, each with their own passphrase and key slot. A new person types their own
 * passphrase at this laptop; removing a person deletes their slot, so their passphrase opens nothing.
 */
export function PeoplePanel({ session }: { readonly session: VaultSession }) {
  const { t } = useTranslation();
  const [persons, setPersons] = useState<readonly PersonEntry[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState<PersonEntry | null>(null);
  const me = session.vault.person;
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const listed = await session.vault.persons();
        if (alive()) setPersons(listed);
      },
      [session.vault],
    ),
  );
  const changed = async (next: Outcome) => {
    setOutcome(next);
    setPersons(await session.vault.persons());
  };
  const remove = async (person: PersonEntry) => {
    setConfirming(null);
    const removed = await session.vault.removePerson(person.personId);
    await changed(
      removed.ok
        ? { ok: true, message: t('vault.people.removed', { name: person.name }) }
        : { ok: false, message: vaultErrorMessage(t, removed.error) },
    );
  };
  return (
    <section aria-labelledby="people-title" className="vault-settings">
      <h2 id="people-title">{t('vault.people.heading')}</h2>
      <p className="field__help">{t('vault.people.intro')}</p>
      <ul className="people-list">
        {persons.map((person) => (
          <li key={person.personId}>
            <span>{person.personId === me?.personId ? t('vault.people.you', { name: person.name }) : person.name}</span>
            {person.personId !== me?.personId && confirming?.personId !== person.personId ? (
              <Button className="button button--quiet" onPress={() => setConfirming(person)}>
                {t('vault.people.remove', { name: person.name })}
              </Button>
            ) : null}
            {confirming?.personId === person.personId ? (
              <span role="group" aria-label={t('vault.people.confirmLabel', { name: person.name })}>
                <span>{t('vault.people.confirm', { name: person.name })}</span>
                <Button className="button" onPress={() => void remove(person)}>
                  {t('vault.people.confirmRemove')}
                </Button>
                <Button className="button button--quiet" onPress={() => setConfirming(null)}>
                  {t('vault.people.cancel')}
                </Button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <AddPerson session={session} onAdded={changed} />
      {outcome ? (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'field__help' : 'error'}>
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}

function AddPerson({
  session,
  onAdded,
}: {
  readonly session: VaultSession;
  readonly onAdded: (o: Outcome) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ready = useNewPassphraseReady(passphrase, repeat);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const nameProblem = personNameProblem(name);
    if (nameProblem) return setProblem(t(nameProblem));
    if (!ready) return setProblem(t('vault.people.passphraseNotReady'));
    setProblem(null);
    setBusy(true);
    const added = await session.vault.addPerson(name.trim(), passphrase);
    setBusy(false);
    if (!added.ok) return setProblem(vaultErrorMessage(t, added.error));
    setName('');
    setPassphrase('');
    setRepeat('');
    await onAdded({ ok: true, message: t('vault.people.added', { name: added.value.name }) });
  };
  return (
    <form className="vault-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('vault.people.addHeading')}</h3>
      <p className="field__help">{t('vault.people.addIntro')}</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('vault.people.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={PERSON_NAME_MAX}
          disabled={busy}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <NewPassphraseFields
        passphrase={passphrase}
        repeat={repeat}
        onPassphrase={setPassphrase}
        onRepeat={setRepeat}
        labels={{ passphrase: t('vault.people.theirPassphrase'), repeat: t('vault.people.theirRepeat') }}
        disabled={busy}
      />
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {busy ? <KdfProgress label={t('vault.people.adding')} /> : null}
      <Button type="submit" className="button" isDisabled={busy}>
        {t('vault.people.add')}
      </Button>
    </form>
  );
}
