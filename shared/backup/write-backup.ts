import type { ByteSink } from '../bytes/byte-io';
import { concatBytes, toHex, u32be } from '../bytes/bytes';
import type { CryptoKit, Hasher, StreamEncryptor } from '../crypto/crypto-kit';
import { canonicalJsonBytes } from '../json/canonical-json';
import { BackupFormatError } from './backup-error';
import { prologueDigest } from './backup-keys';
import {
  BACKUP_MAGIC,
  BACKUP_VERSION,
  FRAME_MANIFEST,
  FRAME_ROWS,
  MAX_ROWS_PER_FRAME,
  TARGET_FRAME_BYTES,
  backupManifestSchema,
  type BackupManifest,
  type BackupPrologue,
  type BackupTableSummary,
} from './backup-layout';
import { encodeRow, hashRow, type EncodedRow } from './backup-rows';

export type BackupWriterOptions = {
  readonly kit: CryptoKit;
  /** From `deriveBackupKey`; the caller wipes it. */
  readonly backupKey: Uint8Array;
  readonly vaultHeader: { readonly vaultId: string } & Readonly<Record<string, unknown>>;
  readonly createdAt: number;
  /** Written in order; an atomic file writer behind it. */
  readonly sink: ByteSink;
  /** Tests and vectors only: the secretstream header from a seeded RNG. */
  readonly streamHeader?: Uint8Array;
};

export type ManifestFacts = Pick<BackupManifest, 'appVersion' | 'schemaVersion' | 'officeName'>;

export type BackupWriter = {
  /** Adds rows of `table`; a table's rows are contiguous (a table cannot start again after another). */
  addRows(table: string, rows: readonly unknown[]): Promise<void>;
  /** Writes the manifest as the FINAL frame; nothing may follow. */
  finish(facts: ManifestFacts): Promise<BackupManifest>;
  /** Zeroes the stream state; `finish` does it too. Call it in `finally`: an abandoned backup must not keep it. */
  dispose(): void;
  readonly bytesWritten: () => number;
};

export function frameBytes(type: number, json: unknown, tail: readonly Uint8Array[]): Uint8Array {
  const body = canonicalJsonBytes(json, 'audit');
  return concatBytes(new Uint8Array([type]), u32be(body.length), body, ...tail);
}

/** Starts a backup: writes the plaintext prologue, then frames rows as they come (docs/backup-format.md §3–5). */
export async function createBackupWriter(options: BackupWriterOptions): Promise<BackupWriter> {
  const { kit, backupKey, vaultHeader, createdAt, sink } = options;
  const prologue: BackupPrologue = {
    format: 'casebridge.backup',
    version: BACKUP_VERSION,
    vaultId: vaultHeader.vaultId,
    createdAt,
    vaultHeader,
  };
  const json = canonicalJsonBytes(prologue, 'audit');
  const versionBytes = new Uint8Array([0, BACKUP_VERSION]);
  const stream: StreamEncryptor = kit.streamEncryptor(backupKey, options.streamHeader);
  const prologueBytes = concatBytes(BACKUP_MAGIC, versionBytes, u32be(json.length), json, stream.header);
  const ad = prologueDigest(kit, prologueBytes);
  let written = 0;
  const write = async (bytes: Uint8Array) => {
    await sink.write(bytes);
    written += bytes.length;
  };
  try {
    await write(prologueBytes);
  } catch (error) {
    stream.dispose();
    throw error;
  }

  const tables: BackupTableSummary[] = [];
  let current: { name: string; rows: number; hasher: Hasher } | null = null;
  let batch: EncodedRow[] = [];
  let batchBytes = 0;

  const pushFrame = async (plaintext: Uint8Array, tag: 'message' | 'final') => {
    const sealed = stream.push(plaintext, ad, tag);
    await write(concatBytes(u32be(sealed.length), sealed));
  };
  const flush = async () => {
    if (!current || batch.length === 0) return;
    const frame = frameBytes(
      FRAME_ROWS,
      { table: current.name, rows: batch.map((row) => row.json) },
      batch.flatMap((row) => row.parts),
    );
    batch = [];
    batchBytes = 0;
    await pushFrame(frame, 'message');
  };
  const closeTable = async () => {
    await flush();
    if (current) tables.push({ name: current.name, rows: current.rows, hash: toHex(current.hasher.digest()) });
    current = null;
  };

  return {
    async addRows(table, rows) {
      if (current?.name !== table) {
        await closeTable();
        if (tables.some((summary) => summary.name === table))
          throw new BackupFormatError('BACKUP_MALFORMED', `table ${table} started twice`);
        current = { name: table, rows: 0, hasher: kit.createHasher(32) };
      }
      for (const row of rows) {
        const encoded = encodeRow(row);
        hashRow(current.hasher, encoded);
        current.rows++;
        batch.push(encoded);
        batchBytes += encoded.bytes + 256;
        if (batch.length >= MAX_ROWS_PER_FRAME || batchBytes >= TARGET_FRAME_BYTES) await flush();
      }
    },
    async finish(facts) {
      try {
        await closeTable();
        const manifest = backupManifestSchema.parse({
          format: 'casebridge.backup-manifest',
          version: BACKUP_VERSION,
          vaultId: vaultHeader.vaultId,
          createdAt,
          ...facts,
          tables,
        });
        await pushFrame(frameBytes(FRAME_MANIFEST, manifest, []), 'final');
        return manifest;
      } finally {
        stream.dispose();
      }
    },
    dispose: () => stream.dispose(),
    bytesWritten: () => written,
  };
}
