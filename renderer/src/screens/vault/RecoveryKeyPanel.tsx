import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { VaultService } from '../../vault/vault-service';
import { vaultErrorMessage } from './vault-error-message';
import { KdfProgress } from './KdfProgress';

type Props = {
  readonly vault: VaultService;
  /** Called once the user confirmed they stored the key (or skipped, when `onSkip` is offered). */
  readonly onDone: () => void;
  readonly onSkip?: () => void;
  readonly createLabel?: string;
  /** A recovery key exists: making a new one replaces it, which the person confirms first. */
  readonly replacing?: boolean;
};

/** Creates a recovery key, shows it once for printing, and asks the user to confirm it is stored. */
export function RecoveryKeyPanel({ vault, onDone, onSkip, createLabel, replacing = false }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [stored, setStored] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    if (passphrase === '') return setError(t('vault.recovery.passphraseNeeded'));
    if (replacing && !confirmed) return setError(t('vault.recovery.confirmNeeded'));
    setBusy(true);
    setError(null);
    const created = await vault.createRecoveryKey(passphrase);
    setBusy(false);
    setPassphrase('');
    if (created.ok) setRecoveryKey(created.value);
    else setError(vaultErrorMessage(t, created.error));
  };

  if (recoveryKey === null) {
    return (
      <div className="vault-actions vault-actions--column">
        <div className="field">
          <label htmlFor={`${id}-pass`}>{t('vault.recovery.yourPassphrase')}</label>
          <input
            id={`${id}-pass`}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            disabled={busy}
            aria-describedby={`${id}-help`}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          <span id={`${id}-help`} className="field__help">
            {t('vault.recovery.passphraseHelp')}
          </span>
        </div>
        {replacing ? (
          <label className="choice">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {t('vault.recovery.confirmReplace')}
          </label>
        ) : null}
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {busy ? <KdfProgress label={t('vault.recovery.checking')} /> : null}
        <Button className="button" onPress={() => void create()} isDisabled={busy}>
          {createLabel ?? t('vault.firstRun.createRecovery')}
        </Button>
        {onSkip ? (
          <Button className="button button--quiet" onPress={onSkip}>
            {t('vault.firstRun.skipRecovery')}
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <div className="recovery-key">
      <h3>{t('vault.recovery.heading')}</h3>
      <p className="recovery-key__value" data-testid="recovery-key">
        {recoveryKey}
      </p>
      <div className="vault-actions">
        <Button className="button button--quiet" onPress={() => window.print()}>
          {t('vault.recovery.print')}
        </Button>
      </div>
      <label className="choice">
        <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
        {t('vault.recovery.stored')}
      </label>
      <Button
        className="button"
        isDisabled={!stored}
        onPress={() => {
          setRecoveryKey(null);
          onDone();
        }}
      >
        {t('vault.recovery.done')}
      </Button>
    </div>
  );
}
