import { z } from 'zod';
import { auditEventSchema, type AuditEvent } from '@shared/audit/audit-event';
import { caseSchema, type Case } from '@shared/domain/case';
import { caseStageSchema } from '@shared/domain/case-stage';

/**
 * A case as the vault stores it. Only `id`, `createdAt`, `updatedAt` and `stage` are copied out in plaintext
 * (the table's plain indexes); `reference` becomes a blind-index token; everything else is sealed.
 */
export const storedCaseSchema = z.strictObject({
  id: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  stage: caseStageSchema,
  reference: z.string().min(1),
  case: caseSchema,
});
export type StoredCase = z.infer<typeof storedCaseSchema>;

export const toStoredCase = (c: Case): StoredCase => ({
  id: c.id,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  stage: c.stage,
  reference: c.references.local,
  case: c,
});

/** An audit event row: `[caseId+seq]` orders a case's trail. */
export const storedEventSchema = z.strictObject({
  id: z.string().min(1),
  caseId: z.string().min(1),
  seq: z.number().int().nonnegative(),
  at: z.string(),
  event: z.unknown(),
});
export type StoredEvent = z.infer<typeof storedEventSchema>;

export const toStoredEvent = (event: AuditEvent): StoredEvent => ({ id: event.id, caseId: event.caseId, seq: event.seq, at: event.at, event });

/** Parse, don't trust: a row read back is `unknown` until this accepted it. */
export function parseStoredCase(untrusted: unknown): Case | null {
  const parsed = storedCaseSchema.safeParse(untrusted);
  return parsed.success ? parsed.data.case : null;
}

export function parseStoredEvent(untrusted: unknown): AuditEvent | null {
  const row = storedEventSchema.safeParse(untrusted);
  if (!row.success) return null;
  const event = auditEventSchema.safeParse(row.data.event);
  return event.success ? event.data : null;
}
