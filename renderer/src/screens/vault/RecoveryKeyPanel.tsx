import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { VaultService } from '../../vault/vault-service';
import { vaultErrorMessage } from './vault-error-message';

type Props = {
  readonly vault: VaultService;
  /** Called once the user confirmed they stored the key (or skipped, when `onSkip` is offered). */
  readonly onDone: () => void;
  readonly onSkip?: () => void;
  readonly createLabel?: string;
};

/** Creates a recovery key, shows it once for printing, and asks the user to confirm it is stored. */
export function RecoveryKeyPanel({ vault, onDone, onSkip, createLabel }: Props) {
  const { t } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [stored, setStored] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    const created = await vault.createRecoveryKey();
    if (created.ok) setRecoveryKey(created.value);
    else setError(vaultErrorMessage(t, created.error));
  };

  if (recoveryKey === null) {
    return (
      <div className="vault-actions">
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <Button className="button" onPress={() => void create()}>
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
