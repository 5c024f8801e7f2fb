import { err, ok, type Result } from '@shared/result';
import type { VaultDb } from '../vault-db';
import { attachmentRecordSchema, type AttachmentRecord } from './attachment-record';
import type { AttachmentErrorCode } from './attachment-store';

/**
 * The stored file of an evidence item: the attachment of the same case with the same content hash (BLAKE2b-256),
 * which is how an evidence item names its file. Records that fail their schema are skipped, never trusted.
 */
export async function findCaseAttachment(
  db: VaultDb,
  caseId: string,
  contentHash: string,
): Promise<Result<AttachmentRecord, AttachmentErrorCode>> {
  const rows: unknown[] = await db.attachments.where('caseId').equals(caseId).toArray();
  for (const row of rows) {
    const parsed = attachmentRecordSchema.safeParse(row);
    // The decrypted caseId, not the index that found the row, says which case the file belongs to.
    if (parsed.success && parsed.data.caseId === caseId && parsed.data.contentHash === contentHash)
      return ok(parsed.data);
  }
  return err(
    'attachment-missing',
    'The file of this evidence item is not in the vault (it may have been recorded without its file). Ask the sender for it again.',
  );
}
