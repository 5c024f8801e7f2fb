import { canonicalJsonBytes } from '../json/canonical-json';
import { toHex } from '../bytes/bytes';
import {
  auditEventSchema,
  GENESIS_PREV_HASH,
  type AuditEvent,
  type AuditHead,
  type HashFn,
  type UnsealedAuditEvent,
} from './audit-event';

/** The hash an event commits to: everything in it except its own `hash`, canonically encoded. */
export function eventHash(event: Omit<AuditEvent, 'hash'>, hash: HashFn): string {
  const digest = hash(canonicalJsonBytes(event, 'audit'));
  if (digest.length !== 32) throw new RangeError('The audit hash must be 32 bytes (BLAKE2b-256).');
  return toHex(digest);
}

/** Links an event after `head` in the chain of `caseId`, and returns it with the new head. */
export function sealAuditEvent(
  caseId: string,
  head: AuditHead,
  unsealed: UnsealedAuditEvent,
  hash: HashFn,
): { event: AuditEvent; head: AuditHead } {
  // Fields are picked one by one so that nothing but the event's content (e.g. a stale hash) is committed to.
  const withoutHash: Omit<AuditEvent, 'hash'> = {
    formatVersion: 1,
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
  };
  const event: AuditEvent = { ...withoutHash, hash: eventHash(withoutHash, hash) };
  return { event, head: { count: head.count + 1, headHash: event.hash } };
}

export type ChainBreakReason =
  'malformed' | 'wrong-case' | 'sequence-gap' | 'prev-hash-mismatch' | 'hash-mismatch' | 'truncated' | 'head-mismatch';

export type ChainVerification =
  | { readonly ok: true; readonly head: AuditHead }
  | {
      readonly ok: false;
      readonly index: number;
      readonly eventId: string | null;
      readonly reason: ChainBreakReason;
      readonly message: string;
    };

/**
 * Walks a chain from its first event and reports the first broken link. `expected` (the head the case record
 * holds) also catches a trail whose newest events were cut off, which the links alone cannot show.
 */
export function verifyAuditChain(
  untrustedEvents: readonly unknown[],
  hash: HashFn,
  expected?: { caseId?: string; head?: AuditHead },
): ChainVerification {
  let prevHash = GENESIS_PREV_HASH;
  let caseId = expected?.caseId;
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
    const { hash: claimed, ...rest } = event;
    if (eventHash(rest, hash) !== claimed)
      return broken('hash-mismatch', 'content does not match its hash. The event was edited after it was recorded.');
    prevHash = claimed;
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
  return { ok: true, head };
}

function idOf(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') return value.id;
  return null;
}
