import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupReminder, readBackupStatus, type BackupReminder } from '../../vault/backup/backup-status';
import type { VaultService } from '../../vault/vault-service';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { useLocaleFormat } from '../../components/useLocaleFormat';

/** Dashboard: says so when the last verified backup is older than the office's setting (Settings → Backup). */
export function BackupReminderNotice({ vault }: { readonly vault: VaultService }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const [reminder, setReminder] = useState<BackupReminder>({ due: false });
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const status = await readBackupStatus(vault.db);
        if (alive()) setReminder(backupReminder(status, new Date()));
      },
      [vault],
    ),
  );
  if (!reminder.due) return null;
  return (
    <p role="note" className="warning" data-testid="backup-reminder">
      {reminder.lastAt
        ? t('backup.reminder.old', { date: dateTime(reminder.lastAt.toISOString()) })
        : t('backup.reminder.none')}
    </p>
  );
}
