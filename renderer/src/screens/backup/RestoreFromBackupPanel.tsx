import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { deriveInWorker } from '../../vault/kdf/derive-in-worker';
import { restoreVault, type RestoreProgress } from '../../vault/backup/restore-vault';
import { clearInterruptedRestoreOf, restoreStateOf } from '../../vault/backup/restore-state';
import type { VaultService } from '../../vault/vault-service';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { backupSource } from './backup-files';
import { backupErrorText } from './backup-error-text';
import { BackupSecretFields, toSecret, type SecretDraft } from './BackupSecretFields';
import { BackupFilePicker, type PickedBackup } from './BackupFilePicker';

type Props = { readonly vault: VaultService; readonly shell: CasebridgeApi; readonly onRestored: () => void };

/**
 * First run → "Restore from a backup": pick the file, give a passphrase or the recovery key; the whole backup is
 * verified before anything is written, then restored in one step. Afterwards the vault is locked: sign in as usual.
 */
export function RestoreFromBackupPanel({ vault, shell, onRestored }: Props) {
  const { t } = useTranslation();
  const [interrupted, setInterrupted] = useState(false);
  const [picked, setPicked] = useState<PickedBackup | null>(null);
  const [secret, setSecret] = useState<SecretDraft>({ kind: 'passphrase', text: '' });
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [abort, setAbort] = useState<AbortController | null>(null);
  // Once a vault was created on this screen (its later steps), restoring is no longer offered.
  const [created, setCreated] = useState(vault.keyring.unlocked);
  useEffect(() => vault.onChange(() => setCreated(vault.keyring.unlocked)), [vault]);

  // A restore that died midway left rows nobody can open (the header is written last): clear them, and say so.
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        if ((await restoreStateOf(vault.db.name)) !== 'interrupted') return;
        await clearInterruptedRestoreOf(vault.db.name);
        if (alive()) setInterrupted(true);
      },
      [vault],
    ),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked || abort || secret.text === '') return;
    const controller = new AbortController();
    setAbort(controller);
    setError(null);
    try {
      const restored = await restoreVault({
        kit: vault.kit,
        dbName: vault.db.name,
        open: backupSource(shell, picked.file.fileToken),
        derive: deriveInWorker,
        secret: toSecret(secret),
        floor: vault.kdfFloor,
        onProgress: setProgress,
        signal: controller.signal,
      });
      if (restored.ok) onRestored();
      else setError(backupErrorText(t, restored.error));
    } catch (failure) {
      setError(t('backup.unexpected', { message: String(failure) }));
    } finally {
      setAbort(null);
      setProgress(null);
    }
  };

  if (created) return null;
  return (
    <section className="vault-screen" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('backup.restore.heading')}</h2>
      <p>{t('backup.restore.intro')}</p>
      {interrupted ? (
        <p role="status" className="warning">
          {t('backup.restore.interrupted')}
        </p>
      ) : null}
      <form className="vault-form" onSubmit={(e) => void submit(e)} noValidate>
        <BackupFilePicker
          kit={vault.kit}
          shell={shell}
          picked={picked}
          onPicked={(next) => {
            setError(null);
            setPicked(next);
          }}
          onError={setError}
          disabled={abort !== null}
          testId="restore-backup-file"
        />
        {picked ? (
          <>
            <BackupSecretFields value={secret} onChange={setSecret} disabled={abort !== null} />
            {progress ? (
              <div className="export-progress">
                <label htmlFor="restore-progress">{t(`backup.phase.${progress.phase}`)}</label>
                <progress id="restore-progress" max={Math.max(progress.total, 1)} value={progress.done} />
                <Button className="button button--quiet" onPress={() => abort?.abort()}>
                  {t('backup.cancel')}
                </Button>
              </div>
            ) : null}
            <Button type="submit" className="button" isDisabled={abort !== null || secret.text === ''}>
              {t('backup.restore.submit')}
            </Button>
          </>
        ) : null}
        {error ? (
          <p role="alert" className="error" data-testid="restore-error">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
