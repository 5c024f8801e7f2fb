import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { verifyBackup } from '@shared/backup/verify-backup';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { openBundleFile } from '../../bundle-io/ipc-byte-source';
import { deriveInWorker } from '../../vault/kdf/derive-in-worker';
import { liveVaultId } from '../../vault/backup/restore-state';
import { recordVerifiedBackup, type BackupStatus } from '../../vault/backup/backup-status';
import type { VaultService } from '../../vault/vault-service';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { backupErrorText } from './backup-error-text';
import { BackupFilePicker, type PickedBackup } from './BackupFilePicker';
import { BackupSecretFields, toSecret, type SecretDraft } from './BackupSecretFields';
import { OutcomeMessage, type Outcome } from './OutcomeMessage';

type Props = {
  readonly vault: VaultService;
  readonly shell: CasebridgeApi;
  /** A backup of this vault verified completely counts as the last verified backup. */
  readonly onVerified: (status: BackupStatus) => void;
};

/** Reads a backup completely — every frame decrypted, the manifest compared — and restores nothing. */
export function VerifyBackupForm({ vault, shell, onVerified }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const [picked, setPicked] = useState<PickedBackup | null>(null);
  const [live, setLive] = useState<string | null>(null);
  const [secret, setSecret] = useState<SecretDraft>({ kind: 'passphrase', text: '' });
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<Outcome>(null);

  const pick = async (next: PickedBackup | null) => {
    setMessage(null);
    setPicked(next);
    if (next) setLive(await liveVaultId(vault.db.name));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked || busy || secret.text === '') return;
    setBusy(true);
    setMessage(null);
    const file = await openBundleFile(shell.exchange, picked.file.fileToken);
    if (!file.ok) {
      setBusy(false);
      return setMessage({ ok: false, text: backupErrorText(t, file.error) });
    }
    try {
      const verified = await verifyBackup({
        kit: vault.kit,
        source: file.value.source,
        derive: deriveInWorker,
        secret: toSecret(secret),
        floor: vault.kdfFloor,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      if (!verified.ok) setMessage({ ok: false, text: backupErrorText(t, verified.error) });
      else {
        const { manifest } = verified.value;
        if (manifest.vaultId === live) {
          const recorded = await recordVerifiedBackup(vault.db, new Date(manifest.createdAt));
          if (recorded.ok) onVerified(recorded.value);
        }
        setMessage({
          ok: true,
          text: t('backup.verify.ok', {
            office: manifest.officeName ?? '—',
            date: dateTime(new Date(manifest.createdAt).toISOString()),
            rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
            tables: manifest.tables.length,
          }),
        });
      }
    } finally {
      await file.value.close();
      setBusy(false);
      setProgress(null);
    }
  };

  const otherVault = picked && live !== null && picked.opened.prologue.vaultId !== live;
  return (
    <form className="vault-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="verify-backup-title">
      <h3 id="verify-backup-title">{t('backup.verify.heading')}</h3>
      <p>{t('backup.verify.intro')}</p>
      <BackupFilePicker
        kit={vault.kit}
        shell={shell}
        picked={picked}
        onPicked={(next) => void pick(next)}
        onError={(text) => setMessage({ ok: false, text })}
        disabled={busy}
        testId="verify-backup-file"
      />
      {otherVault ? (
        <p role="alert" className="warning">
          {t('backup.verify.otherVault', { vaultId: picked.opened.prologue.vaultId, live })}
        </p>
      ) : null}
      {picked ? (
        <>
          <BackupSecretFields value={secret} onChange={setSecret} disabled={busy} />
          {progress ? (
            <progress
              aria-label={t('backup.phase.verifying')}
              max={Math.max(progress.total, 1)}
              value={progress.done}
            />
          ) : null}
          <Button type="submit" className="button" isDisabled={busy || secret.text === ''}>
            {t('backup.verify.submit')}
          </Button>
        </>
      ) : null}
      <OutcomeMessage outcome={message} testId="verify-outcome" />
    </form>
  );
}
