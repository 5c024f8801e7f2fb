import { attachmentRecordSchema, type AttachmentRecord } from '../vault/attachments/attachment-record';
import type { VaultDb } from '../vault/vault-db';

/**
 * The stored files of a case (the evidence that can travel as bundle attachments). The vault already drops a row
 * whose plaintext `caseId` disagrees with its record; the decrypted `caseId` is checked again here because these
 * files leave the office.
 */
export async function caseAttachments(db: VaultDb, caseId: string): Promise<AttachmentRecord[]> {
  const rows: unknown[] = await db.attachments.where('caseId').equals(caseId).toArray();
  return rows.flatMap((row) => {
    const parsed = attachmentRecordSchema.safeParse(row);
    return parsed.success && parsed.data.caseId === caseId ? [parsed.data] : [];
  });
}

/** A ReadableStream as the builder's async iterable (released even when the builder stops early). */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
