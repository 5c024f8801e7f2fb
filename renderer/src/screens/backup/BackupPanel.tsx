import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CasebridgeApi, GrantedFolder } from '@shared/ipc/contract';
import type { VaultSession } from '../../vault/vault-session';
import { useFormatBytes } from '../../format/useFormatBytes';
import { DestinationPicker } from '../exchange/DestinationPicker';
import { writeBackupFile, type BackupFileProgress } from './backup-files';
import { backupErrorText } from './backup-error-text';
import { VerifyBackupForm } from './VerifyBackupForm';
import { OutcomeMessage, type Outcome } from './OutcomeMessage';
import { BackupReminderSetting } from './BackupReminderSetting';
import { recordVerifiedBackup, type BackupStatus } from '../../vault/backup/backup-status';

type Props = { readonly session: VaultSession; readonly shell: CasebridgeApi };

/** Settings → Backup: the whole installation, encrypted, to a folder or a drive; and "Verify a backup". */
export function BackupPanel({ session, shell }: Props) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes();
  const [progress, setProgress] = useState<BackupFileProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async (folder: GrantedFolder) => {
    const controller = new AbortController();
    abort.current = controller;
    setOutcome(null);
    setProgress({ phase: 'reading', done: 0, total: 1 });
    try {
      const info = await shell.app.info();
      const written = await writeBackupFile({
        vault: session.vault,
        shell,
        folderToken: folder.folderToken,
        appVersion: info.ok ? info.value.version : 'unknown',
        now: new Date(),
        onProgress: setProgress,
        signal: controller.signal,
      });
      if (!written.ok) setOutcome({ ok: false, text: backupErrorText(t, written.error) });
      else {
        const recorded = await recordVerifiedBackup(session.vault.db, new Date(written.value.built.createdAt));
        if (recorded.ok) setStatus(recorded.value);
        const rows = written.value.built.tables.reduce((sum, table) => sum + table.rows, 0);
        setOutcome({
          ok: true,
          text: t('backup.safeToUnplug', {
            path: written.value.written.path,
            size: formatBytes(written.value.written.bytes),
            rows,
          }),
        });
      }
    } catch (failure) {
      setOutcome({ ok: false, text: t('backup.unexpected', { message: String(failure) }) });
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  return (
    <section aria-labelledby="backup-title" className="backup-settings">
      <h2 id="backup-title">{t('backup.heading')}</h2>
      <p>{t('backup.intro')}</p>
      {progress ? (
        <div className="export-progress">
          <label htmlFor="backup-progress">{t(`backup.phase.${progress.phase}`)}</label>
          <progress id="backup-progress" max={Math.max(progress.total, 1)} value={progress.done} />
          <Button className="button button--quiet" onPress={() => abort.current?.abort()}>
            {t('backup.cancel')}
          </Button>
        </div>
      ) : (
        <DestinationPicker shell={shell} label={t('backup.destination')} onPicked={(folder) => void run(folder)} />
      )}
      <OutcomeMessage outcome={outcome} testId="backup-outcome" />
      <BackupReminderSetting vault={session.vault} status={status} onStatus={setStatus} />
      <VerifyBackupForm vault={session.vault} shell={shell} onVerified={setStatus} />
    </section>
  );
}
