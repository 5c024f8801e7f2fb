import { z } from 'zod';
import { signedKeyCardSchema } from '../offices/key-card';
import { signedRevocationSchema } from '../offices/revocation';
import { BUNDLE_KINDS, type BundleKind } from './bundle-kinds';
import { BUNDLE_LIMITS } from './bundle-limits';
import { REPORT_TABLES } from '../reports/transparency-report';
import { FINDING_TYPES } from '../oversight/findings/compliance-finding';
import { hexBytes, jsonValueSchema, safeUint, textChars, timestampMs } from './json-schemas';

/**
 * The body of each kind. Case data stays a generic JSON object here: the importer validates it against the
 * case model (shared/domain) after the bundle itself has been verified, so the format does not change when
 * the case model does.
 */
const caseRef = textChars(1, BUNDLE_LIMITS.maxCaseRefChars);
const caseData = z.record(textChars(0, BUNDLE_LIMITS.maxCaseKeyChars), jsonValueSchema);
const message = textChars(0, BUNDLE_LIMITS.maxMessageChars);
const instant = z.iso.datetime();

/** One table's true counts, cell by cell (unsuppressed: the oversight body is entitled to them). */
const countCells = z
  .array(z.strictObject({ key: textChars(1, BUNDLE_LIMITS.maxReportCellKeyChars), count: safeUint }))
  .max(BUNDLE_LIMITS.maxReportCells);

/** A finding as a recommendation cites it: what, which case (pseudonymous), and the event that shows it. */
const citedFinding = z.strictObject({
  type: z.enum(FINDING_TYPES),
  caseRef: z.string().regex(/^case-[0-9a-f]{16}$/),
  eventHash: hexBytes(32),
  dueAt: instant.nullable(),
});

export const payloadBodySchemas = {
  'key-card': z.strictObject({ card: signedKeyCardSchema }),
  revocation: z.strictObject({ revocation: signedRevocationSchema }),
  request: z.strictObject({ caseRef, case: caseData, message: message.optional() }),
  response: z.strictObject({ caseRef, inReplyTo: hexBytes(16), case: caseData, message: message.optional() }),
  challenge: z.strictObject({
    caseRef,
    grounds: z.array(textChars(1, BUNDLE_LIMITS.maxGroundChars)).max(BUNDLE_LIMITS.maxGrounds),
    case: caseData,
    message: message.optional(),
  }),
  decision: z.strictObject({
    caseRef,
    outcome: z.enum(['upheld', 'partially-upheld', 'rejected', 'withdrawn']),
    case: caseData,
    reasons: message.optional(),
  }),
  receipt: z.strictObject({
    receivedBundleId: hexBytes(16),
    receivedKind: z.enum(BUNDLE_KINDS),
    receivedAt: timestampMs,
    /** The received bundle's header-signature digest, so the sender can match the receipt to what it sent. */
    headerDigest: hexBytes(64),
    status: z.enum(['imported', 'already-imported', 'refused']),
    refusalCode: textChars(0, BUNDLE_LIMITS.maxRefusalCodeChars).optional(),
  }),
  /**
   * An office's true counts for one half-open period [from, to), for its oversight body. Exactly one attachment goes
   * with it: the office's signed oversight audit export (`application/json`), so the body can check the counts
   * against the trail they came from.
   */
  'period-report': z.strictObject({
    period: z.strictObject({ from: instant, to: instant }),
    tables: z.partialRecord(z.enum(REPORT_TABLES), countCells),
  }),
  /** From the oversight body to one office: what it found, what the office must do, and by when it must answer. */
  recommendation: z.strictObject({
    findings: z.array(citedFinding).max(BUNDLE_LIMITS.maxRecommendationFindings),
    action: textChars(1, BUNDLE_LIMITS.maxMessageChars),
    answerBy: instant,
  }),
  /** The office's answer to a recommendation (`inReplyTo`: the recommendation's bundle id). */
  'recommendation-response': z.strictObject({
    inReplyTo: hexBytes(16),
    answer: textChars(1, BUNDLE_LIMITS.maxMessageChars),
  }),
} as const satisfies Record<BundleKind, z.ZodType>;

export type PayloadBody<K extends BundleKind> = z.infer<(typeof payloadBodySchemas)[K]>;
export type AnyPayloadBody = { [K in BundleKind]: PayloadBody<K> }[BundleKind];

/**
 * A plain file name, never a path (docs/bundle-format.md §7.1): no "/" or "\\", no control character
 * (U+0000–U+001F, U+007F–U+009F), and not "." or "..". So "a/../b", "/" and "..\\x" are refused.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a plain name must not contain
export const PLAIN_NAME_PATTERN = /^(?!\.{1,2}$)[^/\\\u0000-\u001f\u007f-\u009f]+$/;

/** What the payload says about attachment i (header item i + 1). Names are display text only, never paths. */
export const attachmentDescriptorSchema = z.strictObject({
  name: textChars(1, BUNDLE_LIMITS.maxAttachmentNameChars, z.string().regex(PLAIN_NAME_PATTERN)),
  mediaType: z
    .string()
    .regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/)
    .max(BUNDLE_LIMITS.maxMediaTypeChars),
  size: safeUint.max(BUNDLE_LIMITS.maxAttachmentBytes),
  /** BLAKE2b-256 of the attachment plaintext. */
  blake2b256: hexBytes(32),
});
export type AttachmentDescriptor = z.infer<typeof attachmentDescriptorSchema>;

/** The signed content inside the encrypted payload: binds bundle id, sender, kind and recipients to the body. */
export const payloadContentSchema = z.strictObject({
  bundleId: hexBytes(16),
  kind: z.enum(BUNDLE_KINDS),
  sender: hexBytes(32),
  recipients: z.array(hexBytes(32)).max(BUNDLE_LIMITS.maxRecipients),
  createdAt: timestampMs,
  body: z.record(z.string(), jsonValueSchema),
  attachments: z.array(attachmentDescriptorSchema).max(BUNDLE_LIMITS.maxAttachments),
});
export type PayloadContent = z.infer<typeof payloadContentSchema>;

export const payloadEnvelopeSchema = z.strictObject({
  content: payloadContentSchema,
  /** Ed25519 by the sender over the bundle-payload domain digest of canonical(content). */
  signature: hexBytes(64),
});
