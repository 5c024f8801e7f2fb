import { useCallback, useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PERSON_ROLES, type PersonRole } from '@shared/people/person-roles';
import type { PersonRecord } from '../../vault/records/person-record';
import type { VaultSession } from '../../vault/vault-session';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { useCases } from '../../cases/CasesProvider';
import { KdfProgress } from './KdfProgress';
import { NewPassphraseFields, useNewPassphraseReady } from './NewPassphraseFields';
import { personNameProblem } from './person-name';
import { PersonNameField } from './PersonNameField';
import { vaultErrorMessage } from './vault-error-message';
import { PeopleHistory } from './PeopleHistory';

type Outcome = { readonly ok: boolean; readonly message: string };

/**
 * Who can open this installation, each with their own passphrase and key slot. A new person types their own
 * passphrase at this laptop; removing a person deletes their slot, so their passphrase opens nothing.
 */
export function PeoplePanel({ session }: { readonly session: VaultSession }) {
  const { t } = useTranslation();
  const [persons, setPersons] = useState<readonly PersonRecord[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState<PersonRecord | null>(null);
  const [resetting, setResetting] = useState<PersonRecord | null>(null);
  const me = session.vault.person;
  const iAmAdministrator = persons.some((p) => p.id === me?.personId && p.roles.includes('administrator'));
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const listed = await session.vault.people.personRecords();
        if (alive()) setPersons(listed.filter((p) => p.removedAt === null));
      },
      [session.vault],
    ),
  );
  const { reloadPeople } = useCases();
  const changed = async (next: Outcome) => {
    setOutcome(next);
    setPersons((await session.vault.people.personRecords()).filter((p) => p.removedAt === null));
    await reloadPeople();
  };
  const toggle = async (person: PersonRecord, role: PersonRole, granted: boolean) => {
    const outcome_ = await session.vault.people.changeRole(person.id, role, granted ? 'granted' : 'revoked');
    await changed(
      outcome_.ok
        ? {
            ok: true,
            message: t(granted ? 'vault.people.granted' : 'vault.people.revoked', {
              name: person.name,
              role: t(`people.roles.${role}`),
            }),
          }
        : { ok: false, message: vaultErrorMessage(t, outcome_.error) },
    );
  };
  const remove = async (person: PersonRecord) => {
    setConfirming(null);
    const removed = await session.vault.people.removePerson(person.id);
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
        {persons.map((person) => {
          const self = person.id === me?.personId;
          return (
            <li key={person.id}>
              <span className="people-list__name">
                {self ? t('vault.people.you', { name: person.name }) : person.name}
              </span>
              <span
                role="group"
                aria-label={t('vault.people.rolesOf', { name: person.name })}
                className="people-list__roles"
              >
                {PERSON_ROLES.map((role) => (
                  <label key={role} className="choice">
                    <input
                      type="checkbox"
                      checked={person.roles.includes(role)}
                      // Nobody changes their own roles; only an administrator changes anyone's.
                      disabled={self || !iAmAdministrator}
                      onChange={(e) => void toggle(person, role, e.target.checked)}
                    />
                    {t(`people.roles.${role}`)}
                  </label>
                ))}
              </span>
              {!self && iAmAdministrator && confirming?.id !== person.id ? (
                <>
                  <Button className="button button--quiet" onPress={() => setResetting(person)}>
                    {t('vault.people.reset', { name: person.name })}
                  </Button>
                  <Button className="button button--quiet" onPress={() => setConfirming(person)}>
                    {t('vault.people.remove', { name: person.name })}
                  </Button>
                </>
              ) : null}
              {resetting?.id === person.id ? (
                <ResetAccess
                  session={session}
                  person={person}
                  onDone={async (outcome) => {
                    setResetting(null);
                    if (outcome) await changed(outcome);
                  }}
                />
              ) : null}
              {confirming?.id === person.id ? (
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
          );
        })}
      </ul>
      <PeopleHistory key={outcome?.message ?? ''} session={session} />
      {iAmAdministrator ? (
        <AddPerson session={session} onAdded={changed} />
      ) : (
        <p className="field__help">{t('vault.people.askAdministrator')}</p>
      )}
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
    const added = await session.vault.people.addPerson(name.trim(), passphrase);
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
      <PersonNameField
        label={t('vault.people.name')}
        value={name}
        onChange={setName}
        disabled={busy}
        autoComplete="off"
      />
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

/** The person whose access is reset types their new passphrase here, with the administrator beside them. */
function ResetAccess({
  session,
  person,
  onDone,
}: {
  readonly session: VaultSession;
  readonly person: PersonRecord;
  readonly onDone: (outcome: Outcome | null) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ready = useNewPassphraseReady(passphrase, repeat);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return setProblem(t('vault.people.passphraseNotReady'));
    setBusy(true);
    const reset = await session.vault.people.resetPersonAccess(person.id, passphrase);
    setBusy(false);
    if (!reset.ok) return setProblem(vaultErrorMessage(t, reset.error));
    await onDone({ ok: true, message: t('vault.people.resetDone', { name: person.name }) });
  };
  return (
    <form className="cosign" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h4 id={`${id}-title`}>{t('vault.people.resetHeading', { name: person.name })}</h4>
      <p className="field__help">{t('vault.people.resetIntro', { name: person.name })}</p>
      <NewPassphraseFields
        passphrase={passphrase}
        repeat={repeat}
        onPassphrase={setPassphrase}
        onRepeat={setRepeat}
        labels={{ passphrase: t('vault.people.theirNewPassphrase'), repeat: t('vault.people.theirNewRepeat') }}
        disabled={busy}
      />
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {busy ? <KdfProgress label={t('vault.people.adding')} /> : null}
      <div className="form-actions">
        <Button type="submit" className="button" isDisabled={busy}>
          {t('vault.people.resetSubmit')}
        </Button>
        <Button className="button button--quiet" onPress={() => void onDone(null)} isDisabled={busy}>
          {t('vault.people.cancel')}
        </Button>
      </div>
    </form>
  );
}
