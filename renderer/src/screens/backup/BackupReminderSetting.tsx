import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  backupReminderDayChoices,
  readBackupStatus,
  saveBackupReminderDays,
  type BackupStatus,
} from '../../vault/backup/backup-status';
import type { VaultService } from '../../vault/vault-service';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { useLocaleFormat } from '../../components/useLocaleFormat';

type Props = {
  readonly vault: VaultService;
  readonly status: BackupStatus | null;
  readonly onStatus: (s: BackupStatus) => void;
};

/** The office's reminder setting, and when the last verified backup was made. */
export function BackupReminderSetting({ vault, status, onStatus }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const read = await readBackupStatus(vault.db);
        if (alive()) onStatus(read);
      },
      [vault, onStatus],
    ),
  );
  const change = async (days: number) => {
    const choice = backupReminderDayChoices.find((d) => d === days);
    if (choice === undefined) return;
    const saved = await saveBackupReminderDays(vault.db, choice);
    if (saved.ok) onStatus(saved.value);
    setMessage(saved.ok ? t('backup.reminder.saved') : saved.error.message);
  };
  return (
    <div className="field">
      <p data-testid="backup-last">
        {status?.lastVerifiedBackupAt
          ? t('backup.reminder.last', { date: dateTime(status.lastVerifiedBackupAt.toISOString()) })
          : t('backup.reminder.none')}
      </p>
      <label htmlFor={`${id}-days`}>{t('backup.reminder.setting')}</label>
      <select
        id={`${id}-days`}
        value={status?.reminderDays ?? ''}
        disabled={status === null}
        onChange={(e) => void change(Number(e.target.value))}
      >
        {backupReminderDayChoices.map((days) => (
          <option key={days} value={days}>
            {t('backup.reminder.days', { count: days })}
          </option>
        ))}
      </select>
      <span role="status" className="field__help">
        {message}
      </span>
    </div>
  );
}
