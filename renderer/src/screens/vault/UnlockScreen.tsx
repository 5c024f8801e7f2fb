import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Result } from '@shared/result';
import type { PersonEntry, VaultService } from '../../vault/vault-service';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { personNameProblem } from './person-name';
import { PersonNameField } from './PersonNameField';
import { KdfProgress } from './KdfProgress';
import { vaultErrorMessage } from './vault-error-message';

type Props = {
  readonly vault: VaultService;
  readonly onUnlocked: (via: 'passphrase' | 'recovery-key') => void;
};

/** Seconds until the throttle allows another attempt, ticking down once a second. */
function useThrottleWait(vault: VaultService, generation: number): number {
  const [seconds, setSeconds] = useState(() => Math.ceil(vault.throttle.waitMs() / 1000));
  useEffect(() => {
    const update = () => setSeconds(Math.ceil(vault.throttle.waitMs() / 1000));
    update();
    const timer = window.setInterval(update, 1000);
    return () => window.clearInterval(timer);
  }, [vault, generation]);
  return seconds;
}

export function UnlockScreen({ vault, onUnlocked }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<'passphrase' | 'recovery-key'>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(0);
  const wait = useThrottleWait(vault, attempts);
  // Who may sign in here; an empty list means a vault from before persons, which asks for a name once.
  const [persons, setPersons] = useState<readonly PersonEntry[] | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [name, setName] = useState('');
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const status = await vault.status();
        if (!alive()) return;
        const listed = status.kind === 'locked' ? status.persons : [];
        setPersons(listed);
        setPersonId((current) => current ?? listed[0]?.personId ?? null);
      },
      [vault],
    ),
  );
  const legacy = persons !== null && persons.length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || secret === '' || wait > 0) return;
    const problem = legacy ? personNameProblem(name) : null;
    if (problem) {
      setError(t(problem));
      return;
    }
    setBusy(true);
    setError(null);
    const who = legacy ? { name: name.trim() } : personId ? { personId } : {};
    let result: Result<void>;
    try {
      result = mode === 'passphrase' ? await vault.unlock(secret, who) : await vault.unlockWithRecoveryKey(secret, who);
    } catch (failure) {
      result = {
        ok: false,
        error: { code: 'unexpected', message: failure instanceof Error ? failure.message : String(failure) },
      };
    }
    setBusy(false);
    setAttempts((n) => n + 1);
    if (result.ok) {
      setSecret('');
      onUnlocked(mode);
    } else {
      setError(
        result.error.code === 'unexpected'
          ? t('vault.errors.unexpected', { message: result.error.message })
          : vaultErrorMessage(t, result.error),
      );
    }
  };

  const switchMode = () => {
    setMode(mode === 'passphrase' ? 'recovery-key' : 'passphrase');
    setSecret('');
    setError(null);
  };

  return (
    <main className="vault-screen" aria-labelledby="vault-title">
      <h1 id="vault-title">{t('vault.unlock.title')}</h1>
      <p className="lead">{t('vault.unlock.intro')}</p>
      <form className="vault-form" onSubmit={(e) => void submit(e)} noValidate>
        {persons && persons.length > 1 ? (
          <fieldset className="field field--choices">
            <legend>{t('vault.person.who')}</legend>
            {persons.map((person) => (
              <label key={person.personId} className="choice">
                <input
                  type="radio"
                  name={`${id}-person`}
                  value={person.personId}
                  checked={personId === person.personId}
                  disabled={busy}
                  onChange={() => setPersonId(person.personId)}
                />
                {person.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        {persons?.length === 1 ? (
          <p className="vault-person">{t('vault.person.signingInAs', { name: persons[0]?.name })}</p>
        ) : null}
        {legacy ? (
          <PersonNameField
            label={t('vault.person.yourName')}
            help={t('vault.person.upgradeHelp')}
            value={name}
            onChange={setName}
            disabled={busy}
          />
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-secret`}>
            {mode === 'passphrase' ? t('vault.passphrase') : t('vault.unlock.recoveryKey')}
          </label>
          <input
            id={`${id}-secret`}
            // The only thing to do on this screen; Bitwarden and Signal focus it too.
            autoFocus
            type={mode === 'passphrase' ? 'password' : 'text'}
            autoComplete={mode === 'passphrase' ? 'current-password' : 'off'}
            spellCheck={false}
            className={mode === 'recovery-key' ? 'mono' : undefined}
            value={secret}
            disabled={busy}
            aria-describedby={mode === 'recovery-key' ? `${id}-help` : undefined}
            onChange={(e) => setSecret(e.target.value)}
          />
          {mode === 'recovery-key' ? (
            <span id={`${id}-help`} className="field__help">
              {t('vault.unlock.recoveryHelp')}
            </span>
          ) : null}
        </div>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {wait > 0 ? (
          <p className="warning" role="status">
            {t('vault.unlock.wait', { seconds: wait })}
          </p>
        ) : null}
        {busy ? <KdfProgress label={mode === 'passphrase' ? undefined : t('vault.unlock.unlocking')} /> : null}
        <Button type="submit" className="button" isDisabled={busy || wait > 0}>
          {mode === 'passphrase' ? t('vault.unlock.submit') : t('vault.unlock.submitRecovery')}
        </Button>
      </form>
      <Button className="link-button" onPress={switchMode}>
        {mode === 'passphrase' ? t('vault.unlock.useRecovery') : t('vault.unlock.usePassphrase')}
      </Button>
    </main>
  );
}
