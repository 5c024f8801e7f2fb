import { describe, expect, it } from 'vitest';
import {
  backupReminder,
  readBackupStatus,
  recordVerifiedBackup,
  saveBackupReminderDays,
} from '../../../renderer/src/vault/backup/backup-status';
import { createdVault, PASSPHRASE } from '../vault/vault-test-kit';
import { dumpRaw, findPlaintext } from '../vault/raw-idb';

const DAY = 86_400_000;

describe('the backup reminder', () => {
  it('is due with no verified backup, then after the office setting (default 7 days) has passed', async () => {
    const vault = await createdVault('backup-status');
    const now = new Date(Date.UTC(2026, 5, 10));
    expect(backupReminder(await readBackupStatus(vault.db), now)).toEqual({ due: true, lastAt: null });

    const made = new Date(now.getTime() - 6 * DAY);
    expect((await recordVerifiedBackup(vault.db, made)).ok).toBe(true);
    // An older backup verified later does not move the date back.
    expect((await recordVerifiedBackup(vault.db, new Date(made.getTime() - 30 * DAY))).ok).toBe(true);
    expect(backupReminder(await readBackupStatus(vault.db), now)).toEqual({ due: false });
    expect(backupReminder(await readBackupStatus(vault.db), new Date(now.getTime() + 2 * DAY))).toEqual({
      due: true,
      lastAt: made,
    });

    expect((await saveBackupReminderDays(vault.db, 3)).ok).toBe(true);
    expect(backupReminder(await readBackupStatus(vault.db), now)).toEqual({ due: true, lastAt: made });

    // Kept encrypted (only the row id is plain, as for every record), and across a lock.
    expect(findPlaintext(await dumpRaw(vault.db.name), ['reminderDays', 'lastVerifiedBackupAt'])).toEqual([]);
    vault.lock();
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await readBackupStatus(vault.db)).toMatchObject({ reminderDays: 3, lastVerifiedBackupAt: made });
  });
});
