import { toHex } from '@shared/bytes/bytes';
import type { Actor } from '@shared/domain/actor';
import type { EvidenceItem } from '@shared/domain/evidence';
import { evidenceFileName } from '@shared/domain/evidence-file-name';
import type { CasebridgeApi, SavedDocument } from '@shared/ipc/contract';
import { transition } from '@shared/workflow/transition';
import type { WorkflowMessage } from '@shared/workflow/workflow-message';
import { AttachmentError, attachmentStream } from '../vault/attachments/attachment-store';
import { findCaseAttachment } from '../vault/attachments/find-case-attachment';
import type { CaseRepository } from './case-repository';

/** The part of the shell's document API that saves a large file in chunks where the user chooses. */
export type StreamedFileSaver = Pick<
  CasebridgeApi['document'],
  'beginSave' | 'writeChunk' | 'finishSave' | 'cancelSave'
>;

export type ExportEvidenceInput = {
  readonly repository: CaseRepository;
  readonly saver: StreamedFileSaver;
  readonly caseId: string;
  readonly item: EvidenceItem;
  readonly actor: Actor;
  /** The custody entry's note (kept in the case record, never in the audit event). */
  readonly note: string;
  readonly onProgress?: (bytesDone: number, bytesTotal: number) => void;
  readonly signal?: AbortSignal;
};

/**
 * Why an export did not happen (or, for `custody-not-recorded`, why the saved copy is not in the custody log yet):
 * workflow outcomes carry their messages; file and vault failures a code (shown from the catalog) and a detail.
 */
export type ExportEvidenceError =
  | {
      readonly kind: 'workflow';
      readonly code: 'refused' | 'custody-not-recorded';
      readonly messages: readonly (WorkflowMessage | string)[];
    }
  | { readonly kind: 'file'; readonly code: string; readonly detail: string };

/** A value of null: the user cancelled the save dialog. */
export type ExportEvidenceResult =
  | { readonly ok: true; readonly value: SavedDocument | null }
  | { readonly ok: false; readonly refusal: ExportEvidenceError };

const fail = (code: string, detail: string): ExportEvidenceResult => ({
  ok: false,
  refusal: { kind: 'file', code, detail },
});

/**
 * Decrypts an evidence item's stored file into a file the user chooses, a chunk at a time (memory stays at a few
 * chunks however large the file). Two checks as it streams: the vault's reader verifies every chunk and the
 * BLAKE2b-256 fingerprint, and the shell's writer compares its BLAKE2b-512 of the written file with the one computed
 * here. Any failure cancels the save, which removes the temporary file: nothing partial is left under any name.
 * Only a complete, verified copy is recorded, as the custody step "exported" (the audit event holds the item id and
 * its content hash, never the file's name or where it went).
 */
export async function exportEvidenceFile(input: ExportEvidenceInput): Promise<ExportEvidenceResult> {
  const { repository, saver, caseId, item, actor } = input;
  const custody = { type: 'record-custody', evidenceId: item.id, action: 'exported', note: input.note } as const;
  // Asked before any byte moves, so a step the workflow would refuse (destroyed evidence, a role) writes nothing.
  const current = await repository.load(caseId);
  if (!current.ok) return fail(current.error.code, current.error.message);
  const dryRun = transition(current.value, actor, custody, repository.context);
  if (!dryRun.ok)
    return { ok: false, refusal: { kind: 'workflow', code: 'refused', messages: dryRun.refusal.missing } };

  const found = await findCaseAttachment(repository.db, caseId, item.contentHash);
  if (!found.ok) return fail(found.error.code, found.error.message);
  const record = found.value;

  const begun = await saver.beginSave({
    suggestedName: evidenceFileName(item.title, item.mediaType),
    bytes: record.size,
  });
  if (!begun.ok) return fail(begun.error.code, begun.error.message);
  if (begun.value === null) return { ok: true, value: null };
  const { saveId } = begun.value;

  const hasher = repository.db.keyring.kit.createHasher(64);
  const reader = attachmentStream(repository.db, record).getReader();
  let done = 0;
  try {
    for (;;) {
      if (input.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      const next = await reader.read();
      if (next.done) break;
      hasher.update(next.value);
      const step = await saver.writeChunk({ saveId, chunk: next.value });
      if (!step.ok) {
        await saver.cancelSave({ saveId });
        return fail(step.error.code, step.error.message);
      }
      done += next.value.byteLength;
      input.onProgress?.(done, record.size);
    }
  } catch (error) {
    await saver.cancelSave({ saveId });
    await reader.cancel().catch(() => undefined);
    if (error instanceof AttachmentError) return fail(error.code, error.message);
    if (error instanceof DOMException && error.name === 'AbortError') return fail('cancelled', 'Cancelled.');
    throw error;
  }
  const finished = await saver.finishSave({ saveId, hashHex: toHex(hasher.digest()) });
  if (!finished.ok) return fail(finished.error.code, finished.error.message);

  const recorded = await repository.apply(caseId, custody, actor);
  if (!recorded.ok)
    return { ok: false, refusal: { kind: 'workflow', code: 'custody-not-recorded', messages: recorded.messages } };
  return { ok: true, value: finished.value };
}
