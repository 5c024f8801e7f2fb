import type { CryptoKit } from '../crypto/crypto-kit';
import { canonicalJsonBytes } from '../json/canonical-json';
import { toHex } from '../bytes/bytes';
import {
  auditEventSchema,
  GENESIS_PREV_HASH,
  type AuditEvent,
  type AuditHead,
  type HashedAuditContent,
  type HashFn,
  type SignedAuditEvent,
  type UnsealedAuditEvent,
} from './audit-event';
import {
  checkEventSignature,
  forgedEventMessage,
  type AuditSigner,
  type EventSignatureVerdict,
  type ForgedReason,
  type PersonKey,
} from './event-signature';

/** The hash an event commits to: everything in it except its own `hash` and signature, canonically encoded. */
export function eventDigest(content: HashedAuditContent, hash: HashFn): Uint8Array {
  const digest = hash(canonicalJsonBytes(content, 'audit'));
  if (digest.length !== 32) throw new RangeError('The audit hash must be 32 bytes (BLAKE2b-256).');
  return digest;
}

export const eventHash = (content: HashedAuditContent, hash: HashFn): string => toHex(eventDigest(content, hash));

/** What sealing needs: the chain's hash function and the signer of the person recording the act. */
export type AuditSealing = { readonly hash: HashFn; readonly signer: AuditSigner };

/** Links an event after `head` in the chain of `caseId`, signs it, and returns it with the new head. */
export function sealAuditEvent(
  caseId: string,
  head: AuditHead,
  unsealed: UnsealedAuditEvent,
  sealing: AuditSealing,
): { event: AuditEvent; head: AuditHead } {
  const signer = sealing.signer.signerFor(unsealed.actor.id);
  // Fields are picked one by one so that nothing but the event's content (e.g. a stale hash) is committed to.
  const content: Omit<SignedAuditEvent, 'hash' | 'signature'> = {
    formatVersion: 2,
    caseId,
    seq: head.count,
    id: `${caseId}#${head.count}`,
    at: unsealed.at,
    actor: { id: unsealed.actor.id, role: unsealed.actor.role },
    type: unsealed.type,
    action: unsealed.action,
    fromStage: unsealed.fromStage,
    toStage: unsealed.toStage,
    details: unsealed.details,
    prevHash: head.headHash,
    signedBy: signer.personId,
  };
  const digest = eventDigest(content, sealing.hash);
  const event: AuditEvent = { ...content, hash: toHex(digest), signature: toHex(signer.sign(digest)) };
  return { event, head: { count: head.count + 1, headHash: event.hash } };
}

export type ChainBreakReason =
  | 'malformed'
  | 'wrong-case'
  | 'sequence-gap'
  | 'prev-hash-mismatch'
  | 'hash-mismatch'
  | 'unsigned-after-signed'
  | 'signature'
  | 'truncated'
  | 'head-mismatch';

export type ChainVerification =
  | {
      readonly ok: true;
      readonly head: AuditHead;
      /** Who signed each event, in order (empty when signatures were not checked). */
      readonly signatures: readonly EventSignatureVerdict[];
    }
  | {
      readonly ok: false;
      readonly index: number;
      readonly eventId: string | null;
      readonly reason: ChainBreakReason;
      readonly message: string;
      /** For a forged signature: who the event claims signed it, and what is wrong with it. */
      readonly claimed?: { readonly personId: string; readonly name: string | null; readonly reason: ForgedReason };
    };

/** What checking signatures needs: the person keys the verifier trusts, and when personal signing began. */
export type SignatureCheck = {
  readonly kit: CryptoKit;
  readonly keys: readonly PersonKey[];
  readonly since: string | null;
};

/**
 * Walks a chain from its first event and reports the first broken link. `expected` (the head the case record
 * holds) also catches a trail whose newest events were cut off, which the links alone cannot show.
 */
export function verifyAuditChain(
  untrustedEvents: readonly unknown[],
  hash: HashFn,
  expected?: { caseId?: string; head?: AuditHead },
  signatures?: SignatureCheck,
): ChainVerification {
  let prevHash = GENESIS_PREV_HASH;
  let caseId = expected?.caseId;
  let signedSeen = false;
  const verdicts: EventSignatureVerdict[] = [];
  for (let index = 0; index < untrustedEvents.length; index++) {
    const parsed = auditEventSchema.safeParse(untrustedEvents[index]);
    const rawId = idOf(untrustedEvents[index]);
    const broken = (reason: ChainBreakReason, message: string): ChainVerification => ({
      ok: false,
      index,
      eventId: rawId,
      reason,
      message: `Audit event ${index + 1}${rawId ? ` (${rawId})` : ''}: ${message}`,
    });
    if (!parsed.success)
      return broken('malformed', `is not a well-formed audit event (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
    const event = parsed.data;
    caseId ??= event.caseId;
    if (event.caseId !== caseId) return broken('wrong-case', `belongs to case ${event.caseId}, not ${caseId}.`);
    if (event.seq !== index || event.id !== `${caseId}#${index}`)
      return broken(
        'sequence-gap',
        `has sequence number ${event.seq}; expected ${index}. An event is missing or out of order.`,
      );
    if (event.prevHash !== prevHash)
      return broken(
        'prev-hash-mismatch',
        'does not link to the event before it. The trail was edited, reordered or spliced.',
      );
    if (eventHash(hashedContent(event), hash) !== event.hash)
      return broken('hash-mismatch', 'content does not match its hash. The event was edited after it was recorded.');
    if (event.formatVersion === 1 && signedSeen)
      return broken('unsigned-after-signed', 'is unsigned but follows a signed event. It was added by hand.');
    signedSeen ||= event.formatVersion === 2;
    if (signatures) {
      const verdict = checkEventSignature(signatures.kit, event, signatures.keys, signatures.since);
      if (verdict.status === 'forged') {
        return {
          ok: false,
          index,
          eventId: event.id,
          reason: 'signature',
          message: forgedEventMessage(index, event.id, verdict),
          claimed: { personId: verdict.personId, name: verdict.name, reason: verdict.reason },
        };
      }
      verdicts.push(verdict);
    }
    prevHash = event.hash;
  }
  const head: AuditHead = { count: untrustedEvents.length, headHash: prevHash };
  const want = expected?.head;
  if (want && (want.count !== head.count || want.headHash !== head.headHash)) {
    const index = Math.min(head.count, want.count);
    const reason: ChainBreakReason = head.count < want.count ? 'truncated' : 'head-mismatch';
    return {
      ok: false,
      index,
      eventId: null,
      reason,
      message:
        reason === 'truncated'
          ? `The trail has ${head.count} events but the case record expects ${want.count}: the newest events are missing.`
          : 'The trail does not end where the case record says it ends.',
    };
  }
  return { ok: true, head, signatures: verdicts };
}

/** The part of an event its hash covers. */
function hashedContent(event: AuditEvent): HashedAuditContent {
  if (event.formatVersion === 1) {
    const { hash: _hash, ...content } = event;
    return content;
  }
  const { hash: _hash, signature: _signature, ...content } = event;
  return content;
}

function idOf(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') return value.id;
  return null;
}
