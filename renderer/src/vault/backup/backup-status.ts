import { z } from 'zod';
import type { Result } from '@shared/result';
import type { VaultDb } from '../vault-db';
import { vaultWrite, type VaultWriteErrorCode } from '../vault-write';

/** Encrypted in `settings`: how old the last verified backup may get before the dashboard reminds, and its date. */
export const BACKUP_STATUS_ID = 'backup-status';
export const backupReminderDayChoices = [1, 3, 7, 14, 30] as const;
export const DEFAULT_BACKUP_REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;

export const backupStatusSchema = z.strictObject({
  id: z.literal(BACKUP_STATUS_ID),
  reminderDays: z.union(backupReminderDayChoices.map((days) => z.literal(days))),
  /** When the newest backup that was read back or verified completely was made; null: none yet. */
  lastVerifiedBackupAt: z.date().nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

const defaultStatus: BackupStatus = {
  id: BACKUP_STATUS_ID,
  reminderDays: DEFAULT_BACKUP_REMINDER_DAYS,
  lastVerifiedBackupAt: null,
};

export async function readBackupStatus(db: VaultDb): Promise<BackupStatus> {
  const parsed = backupStatusSchema.safeParse(await db.settings.get(BACKUP_STATUS_ID));
  return parsed.success ? parsed.data : defaultStatus;
}

function updateStatus(
  db: VaultDb,
  change: (status: BackupStatus) => BackupStatus,
): Promise<Result<BackupStatus, VaultWriteErrorCode>> {
  return vaultWrite(db, [db.settings], async () => {
    const next = backupStatusSchema.parse(change(await readBackupStatus(db)));
    await db.settings.put(next);
    return next;
  });
}

/** A backup of this vault was read back after writing, or verified completely: keep the newest date. */
export function recordVerifiedBackup(db: VaultDb, createdAt: Date): Promise<Result<BackupStatus, VaultWriteErrorCode>> {
  return updateStatus(db, (status) => ({
    ...status,
    lastVerifiedBackupAt:
      status.lastVerifiedBackupAt && status.lastVerifiedBackupAt > createdAt ? status.lastVerifiedBackupAt : createdAt,
  }));
}

export function saveBackupReminderDays(
  db: VaultDb,
  reminderDays: BackupStatus['reminderDays'],
): Promise<Result<BackupStatus, VaultWriteErrorCode>> {
  return updateStatus(db, (status) => ({ ...status, reminderDays }));
}

export type BackupReminder = { readonly due: false } | { readonly due: true; readonly lastAt: Date | null };

/** Due when there is no verified backup, or the newest is older than the office's setting. */
export function backupReminder(status: BackupStatus, now: Date): BackupReminder {
  const last = status.lastVerifiedBackupAt;
  if (last !== null && now.getTime() - last.getTime() <= status.reminderDays * DAY_MS) return { due: false };
  return { due: true, lastAt: last };
}
