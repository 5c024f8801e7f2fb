import { err, type Err } from '../result';

/**
 * Every way a backup can be refused, with a stable code (docs/backup-format.md §8). The screens word each code from
 * the catalogs; the message here is the English fallback and says what to do next.
 */
export const BACKUP_ERROR_CODES = [
  'BACKUP_MALFORMED',
  'BACKUP_VERSION_UNSUPPORTED',
  'BACKUP_LIMIT_EXCEEDED',
  'BACKUP_TRUNCATED',
  'BACKUP_TRAILING_DATA',
  'BACKUP_HEADER_INVALID',
  'BACKUP_WRONG_PASSPHRASE',
  'BACKUP_WRONG_RECOVERY_KEY',
  'BACKUP_RECOVERY_KEY_FORMAT',
  'BACKUP_NO_RECOVERY_KEY',
  'BACKUP_CHUNK_INVALID',
  'BACKUP_MANIFEST_MISMATCH',
  'BACKUP_OTHER_VAULT',
  'BACKUP_IO_FAILED',
  'BACKUP_CANCELLED',
] as const;

export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

const messages: Record<BackupErrorCode, string> = {
  BACKUP_MALFORMED: 'This file is not a Casebridge backup, or its structure is damaged. Choose the .cbbackup file.',
  BACKUP_VERSION_UNSUPPORTED:
    'This backup was made by a newer version of Casebridge. Update Casebridge, then try again.',
  BACKUP_LIMIT_EXCEEDED: 'This backup declares a size Casebridge does not accept. It was damaged or altered.',
  BACKUP_TRUNCATED: 'This backup ends too early: it was not copied completely. Copy it again from the drive.',
  BACKUP_TRAILING_DATA: 'This backup has extra bytes after its end: it was altered. Use another copy.',
  BACKUP_HEADER_INVALID:
    'The key header in this backup is damaged or asks for weaker key protection than Casebridge allows. Use another copy.',
  BACKUP_WRONG_PASSPHRASE:
    'That passphrase does not open this backup. Use a passphrase that opened the office vault when the backup was made.',
  BACKUP_WRONG_RECOVERY_KEY:
    'That recovery key does not open this backup: it belongs to another vault, or was replaced after the backup.',
  BACKUP_RECOVERY_KEY_FORMAT: 'A recovery key has 36 letters and digits in groups of four. Check what you typed.',
  BACKUP_NO_RECOVERY_KEY: 'This backup was made before the office had a recovery key. Use a passphrase instead.',
  BACKUP_CHUNK_INVALID: 'Part of this backup was altered or damaged, so none of it can be trusted. Use another copy.',
  BACKUP_MANIFEST_MISMATCH:
    'The contents of this backup do not match its own list of contents: it is damaged. Use another copy.',
  BACKUP_OTHER_VAULT: 'This backup belongs to another Casebridge installation.',
  BACKUP_IO_FAILED: 'The backup file could not be read or written. Check the drive, then try again.',
  BACKUP_CANCELLED: 'Cancelled. Nothing was kept.',
};

export function backupError(code: BackupErrorCode, detail?: string): Err<BackupErrorCode> {
  return err(code, detail ? `${messages[code]} (${detail})` : messages[code]);
}

/** Thrown inside the reader and writer; turned into a Result at their edges. */
export class BackupFormatError extends Error {
  override readonly name = 'BackupFormatError';
  constructor(
    readonly code: BackupErrorCode,
    detail?: string,
  ) {
    super(detail ? `${messages[code]} (${detail})` : messages[code]);
  }
}
