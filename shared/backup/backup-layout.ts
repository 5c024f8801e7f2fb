import { z } from 'zod';
import { utf8 } from '../bytes/bytes';

/** Constants and JSON shapes of the backup file, version 1 (docs/backup-format.md). */

export const BACKUP_MAGIC = utf8('CBBACKUP');
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = '.cbbackup';
/** magic (8) ‖ version (u16) ‖ prologue length (u32). */
export const BACKUP_FIXED_PROLOGUE_BYTES = 14;
export const MAX_PROLOGUE_JSON_BYTES = 1024 * 1024;
/** Largest frame plaintext a reader accepts; checked before anything is allocated. */
export const MAX_FRAME_PLAINTEXT_BYTES = 16 * 1024 * 1024;
/** What the writer aims for per frame (a few attachment chunks, or a few hundred records). */
export const TARGET_FRAME_BYTES = 1024 * 1024;
export const MAX_ROWS_PER_FRAME = 512;
export const PROLOGUE_DIGEST_DOMAIN = 'casebridge/v1/backup-prologue';

export const FRAME_ROWS = 1;
export const FRAME_MANIFEST = 2;

export const tableNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/);

export const backupPrologueSchema = z.strictObject({
  format: z.literal('casebridge.backup'),
  version: z.literal(BACKUP_VERSION),
  vaultId: z.string().uuid(),
  createdAt: z.number().int().nonnegative(),
  /** The vault header as stored (key slots, recovery wrap): checked by shared/vault when a secret is tried. */
  vaultHeader: z.record(z.string(), z.unknown()),
});
export type BackupPrologue = z.infer<typeof backupPrologueSchema>;

const hashHex = z.string().regex(/^[0-9a-f]{64}$/);

export const backupTableSummarySchema = z.strictObject({
  name: tableNameSchema,
  rows: z.number().int().nonnegative(),
  /** BLAKE2b-256 over every row's digest input in order (§6). */
  hash: hashHex,
});
export type BackupTableSummary = z.infer<typeof backupTableSummarySchema>;

export const backupManifestSchema = z.strictObject({
  format: z.literal('casebridge.backup-manifest'),
  version: z.literal(BACKUP_VERSION),
  vaultId: z.string().uuid(),
  createdAt: z.number().int().nonnegative(),
  appVersion: z.string().max(64),
  /** The IndexedDB structure version the rows were read from. */
  schemaVersion: z.number().int().positive(),
  officeName: z.string().max(200).nullable(),
  tables: z.array(backupTableSummarySchema).max(64),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const rowsFrameSchema = z.strictObject({
  table: tableNameSchema,
  rows: z.array(z.unknown()).min(1).max(MAX_ROWS_PER_FRAME),
});
