import { z } from 'zod';
import { auditEventSchema, type AuditEvent } from '@shared/audit/audit-event';
import type { Case } from '@shared/domain/case';
import { parseStoredCaseRecord } from '@shared/domain/stored-case-schema';

/**
 * A case row IS the case record (the Reports screen parses rows with the same stored-case schema). Its `id`,
 * `createdAt`, `updatedAt` and `stage` are the table's plain indexes; everything else is sealed.
 */
export function parseStoredCase(untrusted: unknown): Case | null {
  const parsed = parseStoredCaseRecord(untrusted);
  return parsed.success ? parsed.data : null;
}

/** Whether the vault may store `c`: a case it would refuse to read back (a partner's person id) is never written. */
export const isStorableCase = (c: Case): boolean => parseStoredCaseRecord(c).success;

export const NOT_STORABLE =
  'This change names a person by an id from outside this office; it was not stored. Report this as a fault.';

/** An audit event row: `[caseId+seq]` orders a case's trail; the event itself is sealed. */
export const storedEventSchema = z.strictObject({
  id: z.string().min(1),
  caseId: z.string().min(1),
  seq: z.number().int().nonnegative(),
  at: z.string(),
  event: z.unknown(),
});
export type StoredEvent = z.infer<typeof storedEventSchema>;

export const toStoredEvent = (event: AuditEvent): StoredEvent => ({
  id: event.id,
  caseId: event.caseId,
  seq: event.seq,
  at: event.at,
  event,
});

/** The event inside a row, still untrusted (the chain verifier parses it). */
export function untrustedEventOf(row: unknown): unknown {
  const parsed = storedEventSchema.safeParse(row);
  return parsed.success ? parsed.data.event : row;
}

export function parseStoredEvent(untrusted: unknown): AuditEvent | null {
  const event = auditEventSchema.safeParse(untrustedEventOf(untrusted));
  return event.success ? event.data : null;
}
