import { DecryptionError } from '@shared/crypto/crypto-kit';
import { toHex, utf8 } from '@shared/bytes/bytes';
import { err, ok, type Result } from '@shared/result';
import type { AttachmentChunkRow, VaultDb } from '../vault-db';
import { describeWriteError, isQuotaError, type VaultWriteErrorCode } from '../vault-write';
import { measureSpace, storageFullText } from '../storage-space';
import { attachmentRecordSchema, type AttachmentRecord } from './attachment-record';

/**
 * Attachments (evidence of any size) as secretstream chunks. Bytes are read, hashed, encrypted and written
 * a batch at a time, so memory stays at a few MiB however large the file; wasm memory never grows past one
 * chunk either (it never shrinks, so one big call would pin RAM for the session).
 */

export const MIN_CHUNK_BYTES = 64 * 1024;
export const MAX_CHUNK_BYTES = 1024 * 1024;
export const DEFAULT_CHUNK_BYTES = 256 * 1024;
/** Chunks written per transaction: few commits (each is fsynced), bounded memory. */
const BATCH_BYTES = 4 * 1024 * 1024;

export type AttachmentErrorCode = VaultWriteErrorCode | 'attachment-missing' | 'attachment-corrupt';

export type StoreAttachmentInput = {
  readonly id: string;
  readonly caseId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly source: Blob | ReadableStream<Uint8Array>;
  readonly now: Date;
  readonly chunkBytes?: number;
  /**
   * Write the chunks but return the record without storing it: the caller adds it in its own transaction
   * (the bundle importer, so verified files land with their case or not at all). Until then the chunks are an
   * orphan that sweepOrphanChunks removes.
   */
  readonly deferRecord?: boolean;
  /** Bytes read, hashed and encrypted so far, after each stored batch: long files show real progress. */
  readonly onProgress?: (bytesDone: number) => void;
};

export class AttachmentError extends Error {
  override readonly name = 'AttachmentError';
  constructor(
    readonly code: AttachmentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function chunkAd(attachmentId: string, index: number): Uint8Array {
  return utf8(JSON.stringify(['casebridge.attachment-chunk', attachmentId, index]));
}

/** Re-cuts a byte stream into fixed-size chunks, keeping one chunk of look-ahead to know which is last. */
async function* fixedChunks(
  source: ReadableStream<Uint8Array>,
  size: number,
): AsyncGenerator<{ bytes: Uint8Array; last: boolean }> {
  const reader = source.getReader();
  let buffer = new Uint8Array(size);
  let filled = 0;
  let pending: Uint8Array | null = null;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      let offset = 0;
      while (offset < value.length) {
        const take = Math.min(size - filled, value.length - offset);
        buffer.set(value.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === size) {
          if (pending) yield { bytes: pending, last: false };
          pending = buffer;
          buffer = new Uint8Array(size);
          filled = 0;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
  if (filled > 0) {
    if (pending) yield { bytes: pending, last: false };
    yield { bytes: buffer.subarray(0, filled), last: true };
  } else {
    yield { bytes: pending ?? new Uint8Array(0), last: true };
  }
}

export async function storeAttachment(
  db: VaultDb,
  input: StoreAttachmentInput,
): Promise<Result<AttachmentRecord, AttachmentErrorCode>> {
  const chunkBytes = input.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES)
    throw new RangeError('Chunk size must be 64 KiB to 1 MiB.');
  // A file of known size is checked against the browser's estimate first: refused before a single chunk is written.
  const knownBytes = input.source instanceof Blob ? input.source.size : null;
  if (knownBytes !== null) {
    const space = await measureSpace(knownBytes);
    if (!space.enough) return err('storage-full', storageFullText(space));
  }
  const { kit } = db.keyring;
  let encryptor;
  try {
    encryptor = kit.streamEncryptor(db.keyring.subkeys().attachments);
  } catch (error) {
    return describeWriteError(error);
  }
  const hasher = kit.createHasher(32);
  const source = input.source instanceof Blob ? input.source.stream() : input.source;
  let index = 0;
  let size = 0;
  let batch: AttachmentChunkRow[] = [];
  let batchBytes = 0;
  const flush = async () => {
    const rows = batch;
    batch = [];
    batchBytes = 0;
    if (rows.length === 0) return;
    await db.transaction('rw', db.attachmentChunks, () => db.attachmentChunks.bulkAdd(rows));
    input.onProgress?.(size);
  };
  try {
    for await (const chunk of fixedChunks(source, chunkBytes)) {
      hasher.update(chunk.bytes);
      size += chunk.bytes.length;
      const c = encryptor.push(chunk.bytes, chunkAd(input.id, index), chunk.last ? 'final' : 'message');
      batch.push({ attachmentId: input.id, index, c });
      batchBytes += c.length;
      index++;
      if (batchBytes >= BATCH_BYTES) await flush();
    }
    await flush();
    const record = attachmentRecordSchema.parse({
      id: input.id,
      caseId: input.caseId,
      fileName: input.fileName,
      mediaType: input.mediaType,
      size,
      contentHash: toHex(hasher.digest()),
      chunkCount: index,
      chunkBytes,
      streamHeader: encryptor.header,
      createdAt: input.now,
    });
    // The record goes in last: until it exists, the chunks are an orphan that sweepOrphanChunks removes.
    if (!input.deferRecord) await db.transaction('rw', db.attachments, () => db.attachments.add(record));
    return ok(record);
  } catch (error) {
    await deleteChunks(db, input.id).catch(() => undefined);
    // Estimates are approximate, so the real refusal is handled too; a stream's size is known only up to here.
    if (isQuotaError(error)) return err('storage-full', storageFullText(await measureSpace(knownBytes ?? size)));
    return describeWriteError(error);
  } finally {
    encryptor.dispose();
  }
}

function deleteChunks(db: VaultDb, attachmentId: string): Promise<number> {
  return db.transaction('rw', db.attachmentChunks, () =>
    db.attachmentChunks.where('attachmentId').equals(attachmentId).delete(),
  );
}

export async function readAttachmentRecord(
  db: VaultDb,
  id: string,
): Promise<Result<AttachmentRecord, AttachmentErrorCode>> {
  const untrusted: unknown = await db.attachments.get(id);
  if (untrusted === undefined) {
    return err(
      'attachment-missing',
      'This attachment is not in the vault (or could not be opened). Ask the sender for the file again.',
    );
  }
  const parsed = attachmentRecordSchema.safeParse(untrusted);
  return parsed.success
    ? ok(parsed.data)
    : err(
        'attachment-corrupt',
        'The attachment record is damaged. Restore it from a backup or ask for the file again.',
      );
}

const CHUNKS_PER_READ = 8;

/**
 * Streams an attachment out, a few chunks per pull, verifying order, completeness and the content hash;
 * the stream errors with AttachmentError('attachment-corrupt') if any of them fail.
 */
export function attachmentStream(db: VaultDb, record: AttachmentRecord): ReadableStream<Uint8Array> {
  const { kit } = db.keyring;
  let decryptor: ReturnType<typeof kit.streamDecryptor> | null = null;
  const hasher = kit.createHasher(32);
  let next = 0;
  const corrupt = (detail: string) =>
    new AttachmentError(
      'attachment-corrupt',
      `Attachment "${record.fileName}" is damaged (${detail}). Restore it from a backup or ask the sender again.`,
    );
  // The stream state holds the attachment's sub-key: disposed at the end, on any error, and when the reader cancels.
  const dispose = () => decryptor?.dispose();
  const pullChunks = async (controller: ReadableStreamDefaultController<Uint8Array>) => {
    decryptor ??= kit.streamDecryptor(record.streamHeader, db.keyring.subkeys().attachments);
    const last = Math.min(next + CHUNKS_PER_READ, record.chunkCount) - 1;
    const rows = await db.attachmentChunks
      .where('[attachmentId+index]')
      .between([record.id, next], [record.id, last], true, true)
      .toArray();
    for (const row of rows) {
      if (row.index !== next) throw corrupt(`chunk ${next} is missing`);
      let opened;
      try {
        opened = decryptor.pull(row.c, chunkAd(record.id, row.index));
      } catch (error) {
        if (error instanceof DecryptionError) throw corrupt(`chunk ${next} failed authentication`);
        throw error;
      }
      const isLast = next === record.chunkCount - 1;
      if ((opened.tag === 'final') !== isLast) throw corrupt('it ends in the wrong place');
      hasher.update(opened.plaintext);
      controller.enqueue(opened.plaintext);
      next++;
    }
    if (rows.length === 0) throw corrupt(`chunk ${next} is missing`);
    if (next === record.chunkCount) {
      dispose();
      if (toHex(hasher.digest()) !== record.contentHash) throw corrupt('its content hash does not match');
      controller.close();
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          await pullChunks(controller);
        } catch (error) {
          dispose();
          throw error;
        }
      },
      cancel: dispose,
    },
    { highWaterMark: 1 },
  );
}

/** Removes chunks whose attachment record was never written (an interrupted import). Run right after unlock. */
export async function sweepOrphanChunks(db: VaultDb): Promise<number> {
  const ids = (await db.attachmentChunks.orderBy('attachmentId').uniqueKeys()).filter(
    (key): key is string => typeof key === 'string',
  );
  if (ids.length === 0) return 0;
  // Keys only: a record that exists but fails to decrypt still protects its chunks (never delete on damage).
  const present = new Set(await db.attachments.where('id').anyOf(ids).primaryKeys());
  const orphans = ids.filter((id) => !present.has(id));
  let removed = 0;
  for (const id of orphans) removed += await deleteChunks(db, id);
  return removed;
}
