import { z } from 'zod';
import { signedKeyCardSchema } from '../offices/key-card';
import { signedRevocationSchema } from '../offices/revocation';
import { BUNDLE_KINDS, type BundleKind } from './bundle-kinds';
import { BUNDLE_LIMITS } from './bundle-limits';
import { hexBytes, jsonValueSchema, safeUint, timestampMs } from './json-schemas';

/**
 * The body of each kind. Case data stays a generic JSON object here: the importer validates it against the
 * case model (shared/domain) after the bundle itself has been verified, so the format does not change when
 * the case model does.
 */
const caseRef = z.string().min(1).max(100);
const caseData = z.record(z.string().max(200), jsonValueSchema);
const message = z.string().max(20_000);

export const payloadBodySchemas = {
  'key-card': z.strictObject({ card: signedKeyCardSchema }),
  revocation: z.strictObject({ revocation: signedRevocationSchema }),
  request: z.strictObject({ caseRef, case: caseData, message: message.optional() }),
  response: z.strictObject({ caseRef, inReplyTo: hexBytes(16), case: caseData, message: message.optional() }),
  challenge: z.strictObject({
    caseRef,
    grounds: z.array(z.string().min(1).max(100)).max(50),
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
    refusalCode: z.string().max(64).optional(),
  }),
} as const satisfies Record<BundleKind, z.ZodType>;

export type PayloadBody<K extends BundleKind> = z.infer<(typeof payloadBodySchemas)[K]>;
export type AnyPayloadBody = { [K in BundleKind]: PayloadBody<K> }[BundleKind];

/** What the payload says about attachment i (header item i + 1). Names are display text only, never paths. */
export const attachmentDescriptorSchema = z.strictObject({
  name: z.string().min(1).max(BUNDLE_LIMITS.maxAttachmentNameChars),
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
