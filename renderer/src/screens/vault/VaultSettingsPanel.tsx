import { useCallback, useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { idleLockMinuteChoices, PREFERENCES_ID } from '../../vault/records/vault-preferences';
import { KdfProgress } from './KdfProgress';
import { NewPassphraseFields, useNewPassphraseReady } from './NewPassphraseFields';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { IntegrityDecisions } from './IntegrityDecisions';
import { vaultErrorMessage } from './vault-error-message';
import type { VaultSession } from '../../vault/vault-session';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { useFormatBytes } from '../../format/useFormatBytes';
import { estimateStorage, freeBytesOf } from '../../vault/storage-space';

/** Security settings: idle lock, change passphrase, recovery key, and whether the browser keeps our storage. */
export function VaultSettingsPanel({ session }: { readonly session: VaultSession }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="vault-settings-title" className="vault-settings">
      <h2 id="vault-settings-title">{t('vault.settings.heading')}</h2>
      <IdleLockSetting session={session} />
      <ChangePassphrase session={session} />
      <RecoverySetting session={session} />
      <StorageStatus />
      <IntegrityDecisions session={session} />
    </section>
  );
}

function IdleLockSetting({ session }: { readonly session: VaultSession }) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<string | null>(null);
  const change = async (minutes: number) => {
    const choice = idleLockMinuteChoices.find((m) => m === minutes);
    if (choice === undefined) return;
    const saved = await session.vault.savePreferences({ id: PREFERENCES_ID, idleLockMinutes: choice });
    if (saved.ok) session.setIdleLockMinutes(choice);
    setStatus(saved.ok ? t('vault.settings.idleSaved') : vaultErrorMessage(t, saved.error));
  };
  return (
    <div className="field">
      <label htmlFor={`${id}-idle`}>{t('vault.settings.idleLock')}</label>
      <select id={`${id}-idle`} value={session.idleLockMinutes} onChange={(e) => void change(Number(e.target.value))}>
        {idleLockMinuteChoices.map((m) => (
          <option key={m} value={m}>
            {t('vault.settings.minutes', { count: m })}
          </option>
        ))}
      </select>
      <span role="status" className="field__help">
        {status}
      </span>
    </div>
  );
}

function ChangePassphrase({ session }: { readonly session: VaultSession }) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const ready = useNewPassphraseReady(next, repeat) && current !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setOutcome(null);
    const changed = await session.vault.changePassphrase(current, next);
    setBusy(false);
    if (changed.ok) {
      setCurrent('');
      setNext('');
      setRepeat('');
      setOutcome({ ok: true, message: t('vault.settings.changed') });
    } else {
      setOutcome({ ok: false, message: vaultErrorMessage(t, changed.error) });
    }
  };

  return (
    <form className="vault-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('vault.settings.changeHeading')}</h3>
      <p className="field__help">{t('vault.settings.changeIntro')}</p>
      <div className="field">
        <label htmlFor={`${id}-current`}>{t('vault.currentPassphrase')}</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          value={current}
          disabled={busy}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </div>
      <NewPassphraseFields
        passphrase={next}
        repeat={repeat}
        onPassphrase={setNext}
        onRepeat={setRepeat}
        labels={{ passphrase: t('vault.newPassphrase'), repeat: t('vault.repeatNewPassphrase') }}
        disabled={busy}
      />
      {outcome ? (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'success' : 'error'}>
          {outcome.message}
        </p>
      ) : null}
      {busy ? <KdfProgress label={t('vault.settings.changing')} /> : null}
      <Button type="submit" className="button" isDisabled={!ready || busy}>
        {t('vault.settings.changeSubmit')}
      </Button>
    </form>
  );
}

function RecoverySetting({ session }: { readonly session: VaultSession }) {
  // A new or replaced key remounts the body, which then reads the vault again.
  const [generation, setGeneration] = useState(0);
  return <RecoverySettingBody key={generation} session={session} onChanged={() => setGeneration((g) => g + 1)} />;
}

function RecoverySettingBody({
  session,
  onChanged,
}: {
  readonly session: VaultSession;
  readonly onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [present, setPresent] = useState<boolean | null>(null);
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const has = await session.vault.hasRecoveryKey();
        if (alive()) setPresent(has);
      },
      [session.vault],
    ),
  );
  return (
    <div>
      <h3>{t('vault.settings.recoveryHeading')}</h3>
      {present === null ? null : (
        <p className="field__help">{present ? t('vault.recovery.present') : t('vault.recovery.absent')}</p>
      )}
      <RecoveryKeyPanel
        vault={session.vault}
        createLabel={present ? t('vault.recovery.replace') : t('vault.recovery.create')}
        replacing={present === true}
        onDone={onChanged}
      />
    </div>
  );
}

/**
 * Whether the browser granted persistent storage (asked for at every create/unlock): without it, the browser may evict
 * the whole vault when the disk runs low. Also what the vault uses and what is still free, from the browser's estimate.
 */
function StorageStatus() {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes();
  const [status, setStatus] = useState<{ persisted: boolean | null; used: number | null; free: number | null } | null>(
    null,
  );
  useAsyncEffect(
    useCallback(async ({ alive }) => {
      const persisted = await (globalThis.navigator?.storage?.persisted?.() ?? Promise.resolve(null)).catch(() => null);
      const estimate = await estimateStorage();
      if (alive()) setStatus({ persisted, used: estimate?.usage ?? null, free: freeBytesOf(estimate) });
    }, []),
  );
  if (status === null) return null;
  const persistence =
    status.persisted === null
      ? 'storageSpace.persistenceUnknown'
      : status.persisted
        ? 'storageSpace.persisted'
        : 'storageSpace.notPersisted';
  return (
    <div data-testid="storage-status">
      <h3>{t('storageSpace.heading')}</h3>
      <p className="field__help">{t(persistence)}</p>
      {status.used !== null && status.free !== null ? (
        <p className="field__help">
          {t('storageSpace.usage', { used: formatBytes(status.used), free: formatBytes(status.free) })}
        </p>
      ) : null}
    </div>
  );
}
