import type { ByteSource } from '../bytes/byte-io';
import { bytesEqual, toHex } from '../bytes/bytes';
import { DecryptionError, STREAM_ABYTES, STREAM_HEADER_BYTES, type CryptoKit, type Hasher } from '../crypto/crypto-kit';
import { err, ok, type Result } from '../result';
import { BackupFormatError, backupError, type BackupErrorCode } from './backup-error';
import { prologueDigest } from './backup-keys';
import {
  BACKUP_FIXED_PROLOGUE_BYTES,
  BACKUP_MAGIC,
  BACKUP_VERSION,
  FRAME_MANIFEST,
  FRAME_ROWS,
  MAX_FRAME_PLAINTEXT_BYTES,
  MAX_PROLOGUE_JSON_BYTES,
  backupManifestSchema,
  backupPrologueSchema,
  rowsFrameSchema,
  type BackupManifest,
  type BackupPrologue,
} from './backup-layout';
import { decodeRow, encodeRow, hashRow } from './backup-rows';

export type OpenedPrologue = {
  readonly prologue: BackupPrologue;
  /** BLAKE2b-256 of the prologue bytes: every frame's associated data. */
  readonly digest: Uint8Array;
  readonly streamHeader: Uint8Array;
  /** Where the first frame starts. */
  readonly bodyOffset: number;
};

const fail = (code: BackupErrorCode, detail?: string): never => {
  throw new BackupFormatError(code, detail);
};

async function readAt(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  try {
    return await source.read(offset, length);
  } catch (error) {
    return fail('BACKUP_IO_FAILED', error instanceof Error ? error.message : String(error));
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('BACKUP_MALFORMED', 'not JSON');
  }
}

/** Steps 1–3 of §7: the plaintext prologue, which needs no secret. */
export async function readBackupPrologue(
  kit: CryptoKit,
  source: ByteSource,
): Promise<Result<OpenedPrologue, BackupErrorCode>> {
  return guard(async () => {
    if (source.size < BACKUP_FIXED_PROLOGUE_BYTES) fail('BACKUP_TRUNCATED');
    const fixed = await readAt(source, 0, BACKUP_FIXED_PROLOGUE_BYTES);
    if (!bytesEqual(fixed.subarray(0, 8), BACKUP_MAGIC)) fail('BACKUP_MALFORMED', 'not a backup file');
    const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
    if (view.getUint16(8, false) !== BACKUP_VERSION) fail('BACKUP_VERSION_UNSUPPORTED');
    const length = view.getUint32(10, false);
    if (length === 0) fail('BACKUP_MALFORMED', 'empty prologue');
    if (length > MAX_PROLOGUE_JSON_BYTES) fail('BACKUP_LIMIT_EXCEEDED', 'prologue');
    const bodyOffset = BACKUP_FIXED_PROLOGUE_BYTES + length + STREAM_HEADER_BYTES;
    if (source.size < bodyOffset) fail('BACKUP_TRUNCATED');
    const rest = await readAt(source, BACKUP_FIXED_PROLOGUE_BYTES, length + STREAM_HEADER_BYTES);
    const parsed = backupPrologueSchema.safeParse(parseJson(rest.subarray(0, length)));
    if (!parsed.success) return fail('BACKUP_MALFORMED', 'prologue');
    if (parsed.data.vaultHeader.vaultId !== parsed.data.vaultId) fail('BACKUP_MALFORMED', 'vault id');
    const all = new Uint8Array(bodyOffset);
    all.set(fixed, 0);
    all.set(rest, BACKUP_FIXED_PROLOGUE_BYTES);
    return ok({
      prologue: parsed.data,
      digest: prologueDigest(kit, all),
      streamHeader: rest.slice(length),
      bodyOffset,
    });
  });
}

export type ReadBackupOptions = {
  readonly kit: CryptoKit;
  readonly source: ByteSource;
  readonly opened: OpenedPrologue;
  readonly backupKey: Uint8Array;
  /** Receives each frame's rows, decoded (still the vault's ciphertexts); provisional until the result is ok. */
  readonly onRows?: (table: string, rows: readonly unknown[]) => Promise<void>;
  readonly onProgress?: (doneBytes: number, totalBytes: number) => void;
  readonly signal?: AbortSignal;
};

/**
 * Steps 4–6 of §7: decrypts every frame in order, hashes every row, and checks the FINAL manifest against what was
 * read. Nothing is trusted (and the caller must keep nothing) until this returns ok.
 */
export async function readBackupBody(options: ReadBackupOptions): Promise<Result<BackupManifest, BackupErrorCode>> {
  const { kit, source, opened, backupKey, onRows, onProgress, signal } = options;
  return guard(async () => {
    const stream = kit.streamDecryptor(opened.streamHeader, backupKey);
    try {
      const seen: { name: string; rows: number; hasher: Hasher }[] = [];
      let offset = opened.bodyOffset;
      for (;;) {
        if (signal?.aborted) fail('BACKUP_CANCELLED');
        if (offset + 4 > source.size) fail('BACKUP_TRUNCATED');
        const lengthBytes = await readAt(source, offset, 4);
        const length = new DataView(lengthBytes.buffer, lengthBytes.byteOffset, 4).getUint32(0, false);
        if (length < STREAM_ABYTES + 5) fail('BACKUP_MALFORMED', 'frame too short');
        if (length > MAX_FRAME_PLAINTEXT_BYTES + STREAM_ABYTES) fail('BACKUP_LIMIT_EXCEEDED', 'frame');
        if (offset + 4 + length > source.size) fail('BACKUP_TRUNCATED');
        const sealed = await readAt(source, offset + 4, length);
        offset += 4 + length;
        let frame: { plaintext: Uint8Array; tag: 'message' | 'final' };
        try {
          frame = stream.pull(sealed, opened.digest);
        } catch (error) {
          if (error instanceof DecryptionError) return fail('BACKUP_CHUNK_INVALID');
          throw error;
        }
        onProgress?.(offset, source.size);
        const { type, json, tail } = splitFrame(frame.plaintext);
        if (frame.tag === 'final') {
          if (type !== FRAME_MANIFEST) fail('BACKUP_MALFORMED', 'final frame is not the manifest');
          if (offset !== source.size) fail('BACKUP_TRAILING_DATA');
          return ok(checkManifest(json, tail, opened.prologue, seen));
        }
        if (type !== FRAME_ROWS) fail('BACKUP_MALFORMED', 'unexpected frame type');
        const parsed = rowsFrameSchema.safeParse(json);
        if (!parsed.success) return fail('BACKUP_MALFORMED', 'rows frame');
        const { table } = parsed.data;
        let entry = seen.at(-1);
        if (entry?.name !== table) {
          if (seen.some((other) => other.name === table)) fail('BACKUP_MALFORMED', `table ${table} twice`);
          entry = { name: table, rows: 0, hasher: kit.createHasher(32) };
          seen.push(entry);
        }
        const rows: unknown[] = [];
        let base = 0;
        for (const rowJson of parsed.data.rows) {
          const decoded = decodeRow(rowJson, tail, base);
          base += decoded.used;
          hashRow(entry.hasher, encodeRow(decoded.row));
          rows.push(decoded.row);
        }
        if (base !== tail.length) fail('BACKUP_MALFORMED', 'unused bytes in a frame');
        entry.rows += rows.length;
        await onRows?.(table, rows);
      }
    } finally {
      stream.dispose();
    }
  });
}

function splitFrame(plaintext: Uint8Array): { type: number; json: unknown; tail: Uint8Array } {
  if (plaintext.length < 5) fail('BACKUP_MALFORMED', 'frame too short');
  const view = new DataView(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  const jsonLength = view.getUint32(1, false);
  if (5 + jsonLength > plaintext.length) fail('BACKUP_MALFORMED', 'frame JSON length');
  return {
    type: plaintext[0] ?? 0,
    json: parseJson(plaintext.subarray(5, 5 + jsonLength)),
    tail: plaintext.subarray(5 + jsonLength),
  };
}

function checkManifest(
  json: unknown,
  tail: Uint8Array,
  prologue: BackupPrologue,
  seen: readonly { name: string; rows: number; hasher: Hasher }[],
): BackupManifest {
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success || tail.length !== 0) return fail('BACKUP_MALFORMED', 'manifest');
  const manifest = parsed.data;
  if (manifest.vaultId !== prologue.vaultId || manifest.createdAt !== prologue.createdAt)
    fail('BACKUP_MANIFEST_MISMATCH', 'vault id or date');
  const actual = seen.map((entry) => ({ name: entry.name, rows: entry.rows, hash: toHex(entry.hasher.digest()) }));
  if (JSON.stringify(actual) !== JSON.stringify(manifest.tables)) fail('BACKUP_MANIFEST_MISMATCH', 'tables');
  return manifest;
}

async function guard<T>(work: () => Promise<Result<T, BackupErrorCode>>): Promise<Result<T, BackupErrorCode>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupFormatError) return err(error.code, error.message);
    throw error;
  }
}

/** Refuses a backup of another installation where that matters (verify against the live vault). */
export function checkBackupVault(
  prologue: BackupPrologue,
  liveVaultId: string,
): Result<BackupPrologue, BackupErrorCode> {
  if (prologue.vaultId === liveVaultId) return ok(prologue);
  return backupError('BACKUP_OTHER_VAULT', `backup of vault ${prologue.vaultId}, this one is ${liveVaultId}`);
}
