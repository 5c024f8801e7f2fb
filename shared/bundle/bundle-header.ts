import { z } from 'zod';
import { BUNDLE_KINDS, PUBLIC_KINDS } from './bundle-kinds';
import { BUNDLE_LIMITS } from './bundle-limits';
import { bundleError } from './bundle-error';
import { BUNDLE_FORMAT_VERSION, BUNDLE_SUITE, itemCiphertextBytes } from './bundle-layout';
import {
  CanonicalJsonError,
  canonicalJsonBytes,
  isJsonObject,
  parseCanonicalJson,
  type JsonObject,
  type JsonValue,
} from '../json/canonical-json';
import { hexBytes, jsonValueSchema, safeUint, timestampMs } from './json-schemas';

export const recipientEntrySchema = z.strictObject({
  /** The recipient office's Ed25519 public key (its identity). */
  signingKey: hexBytes(32),
  /** Per sender→recipient counter, starting at 1; the recipient refuses anything not above the last it saw. */
  sequence: safeUint.min(1),
  /** box nonce (24) ‖ crypto_box(bundleId ‖ contentKey) from the sender's X25519 key to the recipient's. */
  wrap: hexBytes(88),
});

export const headerItemSchema = z.strictObject({
  /** Plaintext bytes of the item. */
  size: safeUint,
  /** BLAKE2b-512 of the item's ciphertext (stream header ‖ chunks). */
  hash: hexBytes(64),
});

export const extensionNameSchema = z.string().regex(/^!?[a-z][a-z0-9-]{0,62}$/);

export const bundleHeaderSchema = z.strictObject({
  version: z.literal(BUNDLE_FORMAT_VERSION),
  suite: z.literal(BUNDLE_SUITE),
  kind: z.enum(BUNDLE_KINDS),
  bundleId: hexBytes(16),
  /** The sending office's Ed25519 public key. */
  sender: hexBytes(32),
  createdAt: timestampMs,
  notAfter: timestampMs,
  chunkSize: z.number().int().min(BUNDLE_LIMITS.minChunkBytes).max(BUNDLE_LIMITS.maxChunkBytes),
  /** Item 0 is the payload; items 1… are attachments, in the order of the payload's descriptors. */
  items: z
    .array(headerItemSchema)
    .min(1)
    .max(BUNDLE_LIMITS.maxAttachments + 1),
  recipients: z.array(recipientEntrySchema).max(BUNDLE_LIMITS.maxRecipients),
  /** Present exactly when there are no recipients: a public bundle (key card, revocation). */
  publicContentKey: hexBytes(32).optional(),
  /** Non-critical extensions are ignored; a name starting with "!" is critical and v1 knows none. */
  extensions: z.record(extensionNameSchema, jsonValueSchema).optional(),
});

export type BundleHeader = z.infer<typeof bundleHeaderSchema>;
export type RecipientEntry = z.infer<typeof recipientEntrySchema>;

export function encodeHeader(header: BundleHeader): Uint8Array {
  return canonicalJsonBytes(header);
}

/**
 * Parses and checks a header, in the order the specification gives: canonical JSON, version, suite,
 * critical extensions, limits, schema, then the rules that tie fields together.
 */
export function decodeHeader(untrustedHeaderBytes: Uint8Array): BundleHeader {
  let raw: JsonValue;
  try {
    raw = parseCanonicalJson(untrustedHeaderBytes);
  } catch (caught) {
    if (caught instanceof CanonicalJsonError && caught.kind !== 'syntax' && caught.kind !== 'limit') {
      throw bundleError(
        'BUNDLE_NONCANONICAL',
        `The bundle header is not in canonical form (${caught.message}). A bundle is never re-encoded in transit, so this one was altered: do not import it.`,
      );
    }
    const detail = caught instanceof Error ? caught.message : 'unreadable';
    throw bundleError(
      'BUNDLE_MALFORMED',
      `The bundle header is not valid JSON (${detail}). The file is damaged: copy it again or ask for a new export.`,
    );
  }
  if (!isJsonObject(raw)) {
    throw bundleError(
      'BUNDLE_MALFORMED',
      'The bundle header is not a JSON object. The file is damaged: ask for a new export.',
    );
  }
  const fields: JsonObject = raw;
  if (fields.version !== BUNDLE_FORMAT_VERSION) {
    throw bundleError(
      'BUNDLE_VERSION_UNSUPPORTED',
      `The header declares format version ${JSON.stringify(fields.version ?? null)}; this app reads version ${BUNDLE_FORMAT_VERSION}. Update Casebridge or ask the sender for a version ${BUNDLE_FORMAT_VERSION} bundle.`,
    );
  }
  if (fields.suite !== BUNDLE_SUITE) {
    throw bundleError(
      'BUNDLE_ALGORITHM_UNSUPPORTED',
      `The bundle uses algorithm suite ${JSON.stringify(fields.suite ?? null)}, which this app does not support. Ask the sender to export with Casebridge format v1.`,
    );
  }
  checkCriticalExtensions(fields.extensions);
  checkCountLimits(fields);
  const parsed = bundleHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'header'}: ${issue.message}` : 'unknown field';
    throw bundleError(
      'BUNDLE_MALFORMED',
      `The bundle header is invalid (${where}). Ask the sender to export the bundle again.`,
    );
  }
  checkHeaderRules(parsed.data);
  return parsed.data;
}

function checkCriticalExtensions(extensions: JsonValue | undefined): void {
  if (!isJsonObject(extensions)) return;
  const critical = Object.keys(extensions).filter((name) => name.startsWith('!'));
  if (critical.length > 0) {
    throw bundleError(
      'BUNDLE_CRITICAL_EXTENSION_UNKNOWN',
      `The bundle needs features this app does not know (${critical.join(', ')}). Update Casebridge, or ask the sender for a plain v1 bundle.`,
    );
  }
}

/** Counts and sizes get their own code (and are checked before the schema) so a hostile header is named as such. */
function checkCountLimits(fields: JsonObject): void {
  const limit = (what: string) =>
    bundleError(
      'BUNDLE_LIMIT_EXCEEDED',
      `The bundle header declares ${what}. The file is damaged or hostile: do not import it.`,
    );
  const { recipients, items, chunkSize } = fields;
  if (Array.isArray(recipients) && recipients.length > BUNDLE_LIMITS.maxRecipients)
    throw limit(`${recipients.length} recipients (limit ${BUNDLE_LIMITS.maxRecipients})`);
  if (Array.isArray(items) && items.length > BUNDLE_LIMITS.maxAttachments + 1)
    throw limit(`${items.length - 1} attachments (limit ${BUNDLE_LIMITS.maxAttachments})`);
  if (
    typeof chunkSize === 'number' &&
    (chunkSize < BUNDLE_LIMITS.minChunkBytes || chunkSize > BUNDLE_LIMITS.maxChunkBytes)
  ) {
    throw limit(
      `a chunk size of ${chunkSize} bytes (allowed ${BUNDLE_LIMITS.minChunkBytes}–${BUNDLE_LIMITS.maxChunkBytes})`,
    );
  }
  if (!Array.isArray(items)) return;
  items.forEach((item, index) => {
    const size = isJsonObject(item) ? item.size : undefined;
    if (typeof size !== 'number') return;
    const max = index === 0 ? BUNDLE_LIMITS.maxPayloadBytes : BUNDLE_LIMITS.maxAttachmentBytes;
    if (size > max) throw limit(`an item ${index} of ${size} bytes (limit ${max})`);
  });
}

function checkHeaderRules(header: BundleHeader): void {
  const malformed = (what: string) =>
    bundleError(
      'BUNDLE_MALFORMED',
      `The bundle header is inconsistent: ${what}. Ask the sender to export the bundle again.`,
    );
  const isPublic = header.recipients.length === 0;
  if (isPublic && !PUBLIC_KINDS.includes(header.kind))
    throw malformed(`a ${header.kind} bundle must name at least one recipient`);
  // A key card introduces a key nobody trusts yet, so nobody could open its key wrap: it is always public.
  if (!isPublic && header.kind === 'key-card') throw malformed('a key-card bundle must be public (no recipients)');
  if (isPublic !== (header.publicContentKey !== undefined))
    throw malformed('a public content key must appear exactly when there are no recipients');
  // Identity statements carry no files. Refused here, before any trust decision, because a key card from an unknown
  // office or a revocation from an unverified one is opened without a trusted signer: nothing of it may be staged.
  if (PUBLIC_KINDS.includes(header.kind) && header.items.length > 1)
    throw malformed(`a ${header.kind} bundle carries no attachments`);
  for (let i = 1; i < header.recipients.length; i++) {
    const previous = header.recipients[i - 1]?.signingKey ?? '';
    const current = header.recipients[i]?.signingKey ?? '';
    if (previous === current) throw malformed('a recipient appears twice');
    if (previous > current) {
      throw bundleError(
        'BUNDLE_NONCANONICAL',
        'The bundle header lists recipients out of order (they must be sorted by key). The bundle was altered: do not import it.',
      );
    }
  }
  if (header.notAfter <= header.createdAt) throw malformed('it expires before it was created');
  if (header.notAfter - header.createdAt > BUNDLE_LIMITS.maxValidityMs) {
    throw bundleError(
      'BUNDLE_LIMIT_EXCEEDED',
      'The bundle claims a validity longer than the format allows (366 days). Do not import it; ask for a new export.',
    );
  }
  const total = header.items.reduce((sum, item) => sum + itemCiphertextBytes(item.size, header.chunkSize), 0);
  if (total > BUNDLE_LIMITS.maxTotalBytes)
    throw bundleError(
      'BUNDLE_LIMIT_EXCEEDED',
      'The bundle declares more data than the format allows. Do not import it.',
    );
  // A period report travels with exactly one file, the office's signed audit export its counts are checked against.
  // Visible in the header, so a tool without a secret (a courier, the CLI) refuses it too.
  if (header.kind === 'period-report' && header.items.length !== 2)
    throw bundleError(
      'BUNDLE_MALFORMED',
      `The bundle header is inconsistent: a period report carries exactly one attachment (the oversight audit export), this one ${header.items.length - 1}. Ask the office to send its report again.`,
      { rule: '3.9.10' },
    );
}
