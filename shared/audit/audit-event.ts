import { z } from 'zod';

/** 32-byte BLAKE2b digest, lower-case hex. */
export const hashHexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-character lower-case hex digest');

/** 64-byte Ed25519 signature, lower-case hex. */
export const signatureHexSchema = z
  .string()
  .regex(/^[0-9a-f]{128}$/, 'expected a 128-character lower-case hex signature');

/** The previous-hash of a case's first event: nothing came before it. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

/** A hash function over bytes (BLAKE2b-256 from shared/crypto in the app; shared/ never imports libsodium). */
export type HashFn = (bytes: Uint8Array) => Uint8Array;

export const AUDIT_EVENT_TYPES = [
  'case-created',
  'stage-changed',
  'record-changed',
  'sensitive-data-viewed',
  'case-purged',
] as const;

/** Events are recorded in this format now: each one signed by the person who recorded it. */
export const AUDIT_EVENT_FORMAT_VERSION = 2;

const eventFields = {
  caseId: z.string().min(1),
  seq: z.number().int().nonnegative(),
  id: z.string().min(1),
  at: z.iso.datetime(),
  actor: z.strictObject({ id: z.string().min(1), role: z.string().min(1) }),
  type: z.enum(AUDIT_EVENT_TYPES),
  action: z.string().min(1),
  fromStage: z.string().min(1),
  toStage: z.string().min(1),
  details: z.record(z.string(), z.json()),
  prevHash: hashHexSchema,
  hash: hashHexSchema,
};

/**
 * One entry of a case's audit trail. Events carry ids, codes, counts and dates — never names, contact details,
 * statements or reasons text: those live in the case record and leave with the purge, while the audit trail
 * (which cannot be edited without breaking the chain) stays.
 *
 * Version 2 (personal signing): `signedBy` is the person who recorded the event — the actor themself, or for an
 * act of a partner office, the person who imported it — and `signature` is theirs, over the event's hash
 * (`shared/audit/event-signature.ts`). The hash covers `signedBy` but not the signature.
 * Version 1 events were recorded before personal signing; they are kept and still verified as a chain.
 */
export const signedAuditEventSchema = z.strictObject({
  formatVersion: z.literal(2),
  ...eventFields,
  signedBy: z.string().min(1),
  signature: signatureHexSchema,
});
export const unsignedAuditEventSchema = z.strictObject({ formatVersion: z.literal(1), ...eventFields });
export const auditEventSchema = z.discriminatedUnion('formatVersion', [
  signedAuditEventSchema,
  unsignedAuditEventSchema,
]);

export type AuditEvent = z.infer<typeof auditEventSchema>;
export type SignedAuditEvent = z.infer<typeof signedAuditEventSchema>;
export type AuditEventType = AuditEvent['type'];
/** An event before it is linked into the chain. */
export type UnsealedAuditEvent = Pick<
  AuditEvent,
  'at' | 'actor' | 'type' | 'action' | 'fromStage' | 'toStage' | 'details'
>;
/** What the hash commits to: the whole event except its hash and (for version 2) its signature. */
export type HashedAuditContent =
  Omit<SignedAuditEvent, 'hash' | 'signature'> | Omit<z.infer<typeof unsignedAuditEventSchema>, 'hash'>;

/** What a case remembers about its own chain, so the next event can be linked without reading the trail. */
export const auditHeadSchema = z.strictObject({
  count: z.number().int().nonnegative(),
  headHash: hashHexSchema,
});
export type AuditHead = z.infer<typeof auditHeadSchema>;

export const EMPTY_AUDIT_HEAD: AuditHead = { count: 0, headHash: GENESIS_PREV_HASH };
