import type { Actor } from '@shared/domain/actor';
import type { EvidenceItem } from '@shared/domain/evidence';
import type { WorkflowMessage } from '@shared/workflow/workflow-message';
import { AttachmentError, attachmentStream } from '../vault/attachments/attachment-store';
import { findCaseAttachment } from '../vault/attachments/find-case-attachment';
import type { CaseRepository } from './case-repository';

export type PreviewKind = 'image' | 'text';

/**
 * The media types shown inside the app, each with the bytes its files start with (checked before showing). PDFs are
 * not among them: Chromium's PDF viewer loads its own chrome-extension:// resources, which the app's request policy
 * cancels like any other non-app request (docs/vault.md, Attachments). PDFs are exported instead.
 */
const PREVIEWABLE: Readonly<
  Record<string, { readonly kind: PreviewKind; readonly magic: (b: Uint8Array) => boolean }>
> = {
  'image/png': { kind: 'image', magic: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  'image/jpeg': { kind: 'image', magic: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  'image/gif': { kind: 'image', magic: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  'image/webp': {
    kind: 'image',
    magic: (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  },
  'text/plain': { kind: 'text', magic: () => true },
};

/** Images larger than this are not previewed (a preview is held whole, as a Blob): export them instead. */
export const MAX_PREVIEW_BYTES = 64 * 1024 * 1024;
/** Text shows its first 256 KiB. */
export const MAX_TEXT_PREVIEW_BYTES = 256 * 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}

function canonicalType(mediaType: string): string {
  return mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** What the viewer can show for a media type; null: no preview, export only. */
export function previewKindOf(mediaType: string): PreviewKind | null {
  return PREVIEWABLE[canonicalType(mediaType)]?.kind ?? null;
}

export type EvidencePreview =
  | { readonly kind: 'image'; readonly blob: Blob }
  | { readonly kind: 'text'; readonly text: string; readonly truncated: boolean };

export type EvidencePreviewError =
  | { readonly kind: 'workflow'; readonly messages: readonly (WorkflowMessage | string)[] }
  | {
      readonly kind: 'file';
      readonly code: 'no-preview' | 'too-large' | 'not-this-type' | 'attachment-missing' | string;
      readonly detail: string;
    };

export type EvidencePreviewResult =
  | { readonly ok: true; readonly preview: EvidencePreview }
  | { readonly ok: false; readonly refusal: EvidencePreviewError };

const fail = (code: string, detail: string): EvidencePreviewResult => ({
  ok: false,
  refusal: { kind: 'file', code, detail },
});

/**
 * Decrypts an evidence file for viewing inside the app. The view is recorded first, as "sensitive data viewed"
 * (the audit event holds the item id, never the title): no record, no view. The Blob is typed by the app, never by
 * the file, and only after the file's first bytes match that type.
 */
export async function loadEvidencePreview(
  repository: CaseRepository,
  caseId: string,
  item: EvidenceItem,
  actor: Actor,
): Promise<EvidencePreviewResult> {
  const type = canonicalType(item.mediaType);
  const kind = previewKindOf(type);
  if (kind === null) return fail('no-preview', `No preview for ${type}.`);
  if (kind !== 'text' && item.sizeBytes > MAX_PREVIEW_BYTES) return fail('too-large', 'Too large to preview.');
  const found = await findCaseAttachment(repository.db, caseId, item.contentHash);
  if (!found.ok) return fail(found.error.code, found.error.message);

  const viewed = await repository.apply(caseId, { type: 'view-sensitive', what: 'evidence', itemId: item.id }, actor);
  if (!viewed.ok) return { ok: false, refusal: { kind: 'workflow', messages: viewed.messages } };

  const limit = kind === 'text' ? MAX_TEXT_PREVIEW_BYTES : MAX_PREVIEW_BYTES;
  const reader = attachmentStream(repository.db, found.value).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      parts.push(next.value);
      size += next.value.byteLength;
      if (size >= limit) {
        truncated = found.value.size > limit;
        break;
      }
    }
  } catch (error) {
    if (error instanceof AttachmentError) return fail(error.code, error.message);
    throw error;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const blob = new Blob(parts as BlobPart[], { type });
  const head = new Uint8Array(await blob.slice(0, 16).arrayBuffer());
  if (!(PREVIEWABLE[type]?.magic(head) ?? false)) return fail('not-this-type', `The file is not a ${type} file.`);
  if (kind === 'image') return { ok: true, preview: { kind, blob } };
  // Shown as text, never as markup; a cut in the middle of a character shows as one replacement sign.
  const text = new TextDecoder('utf-8').decode(await blob.slice(0, limit).arrayBuffer());
  return { ok: true, preview: { kind: 'text', text, truncated } };
}
