import type { ByteSink } from '@shared/bytes/byte-io';
import type { Result } from '@shared/result';
import type { AttachmentRecord } from '../vault/attachments/attachment-record';
import { storeAttachment, type AttachmentErrorCode } from '../vault/attachments/attachment-store';
import type { VaultDb } from '../vault/vault-db';

/** One attachment being verified: its plaintext goes straight into vault chunks, its record is held back. */
export type StagedAttachment = {
  readonly sink: ByteSink;
  /** No more bytes: the verifier accepted this attachment's hash. */
  finish(): void;
  /** The verification failed: the chunks are removed. */
  fail(reason: Error): void;
  readonly stored: Promise<Result<AttachmentRecord, AttachmentErrorCode>>;
};

/**
 * Stages a verified attachment into the vault without making it visible: chunks are written (encrypted with
 * the vault's attachment key) as the verifier decrypts them, the record is returned instead of stored, and the
 * importer adds it in the same transaction as the case. Without the record the chunks are an orphan that the
 * vault sweeps at unlock, so a crash mid-import leaves nothing behind.
 */
export function stageAttachment(
  db: VaultDb,
  input: { id: string; caseId: string; fileName: string; mediaType: string; now: Date },
): StagedAttachment {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let resume: (() => void) | null = null;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        resume?.();
        resume = null;
      },
    },
    { highWaterMark: 2 },
  );
  const stored = storeAttachment(db, { ...input, source: stream, deferRecord: true });
  return {
    sink: {
      async write(bytes) {
        controller.enqueue(bytes.slice());
        // Backpressure: wait until the vault writer has taken what is queued.
        // If the writer gave up (a full disk), stop waiting and fail the verification with its message.
        if ((controller.desiredSize ?? 0) <= 0)
          await Promise.race([new Promise<void>((resolve) => (resume = resolve)), stored.then(writerFailed)]);
      },
    },
    finish: () => controller.close(),
    fail: (reason) => controller.error(reason),
    stored,
  };
}

function writerFailed(result: Result<AttachmentRecord, AttachmentErrorCode>): Promise<never> {
  return Promise.reject(new Error(result.ok ? 'The attachment ended early.' : result.error.message));
}

export async function discardStaged(db: VaultDb, attachmentIds: readonly string[]): Promise<void> {
  if (attachmentIds.length === 0) return;
  await db.transaction('rw', db.attachmentChunks, () =>
    db.attachmentChunks
      .where('attachmentId')
      .anyOf([...attachmentIds])
      .delete(),
  );
}
