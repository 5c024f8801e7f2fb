import type { Actor } from '@shared/domain/actor';
import { storeAttachment } from '../vault/attachments/attachment-store';
import type { CaseChange, CaseRepository } from './case-repository';

/**
 * Evidence from a file: the bytes are encrypted and hashed (BLAKE2b-256) into the vault a chunk at a time, then the
 * case records the item with that content hash and its first chain-of-custody entry. The hash links the evidence
 * item to its stored attachment (same case, same hash), so a later copy can be checked against it.
 */
export async function addEvidenceFile(
  repository: CaseRepository,
  caseId: string,
  file: File,
  note: string,
  actor: Actor,
  onProgress?: (bytesDone: number) => void,
): Promise<CaseChange> {
  const stored = await storeAttachment(repository.db, {
    id: crypto.randomUUID(),
    caseId,
    fileName: file.name,
    mediaType: file.type || 'application/octet-stream',
    source: file,
    now: repository.context.clock.now(),
    ...(onProgress ? { onProgress } : {}),
  });
  if (!stored.ok) return { ok: false, code: stored.error.code, messages: [stored.error.message] };
  return repository.apply(
    caseId,
    {
      type: 'add-evidence',
      title: file.name,
      mediaType: stored.value.mediaType,
      sizeBytes: stored.value.size,
      contentHash: stored.value.contentHash,
      note,
    },
    actor,
  );
}
