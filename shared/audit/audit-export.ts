import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { verifyAuditChain } from './audit-chain';
import { auditEventSchema, type AuditEvent, type HashFn } from './audit-event';

export const AUDIT_EXPORT_FORMAT = 'casebridge.audit-chain';

const exportEnvelopeSchema = z.strictObject({
  format: z.literal(AUDIT_EXPORT_FORMAT),
  version: z.literal(1),
  caseId: z.string().min(1),
  events: z.array(z.unknown()),
});

/** A case's chain as one JSON document, for an auditor or another office. */
export function exportAuditChain(caseId: string, events: readonly AuditEvent[]): string {
  return JSON.stringify({ format: AUDIT_EXPORT_FORMAT, version: 1, caseId, events }, null, 2);
}

export type AuditImportError = 'audit-import-not-json' | 'audit-import-wrong-format' | 'audit-import-broken-chain';

/** Parses an exported chain and accepts it only if every link verifies. */
export function importAuditChain(
  untrustedText: string,
  hash: HashFn,
): Result<{ caseId: string; events: AuditEvent[] }, AuditImportError> {
  let untrusted: unknown;
  try {
    untrusted = JSON.parse(untrustedText);
  } catch {
    return err('audit-import-not-json', 'The file is not JSON. Choose an audit-trail file exported by Casebridge.');
  }
  const envelope = exportEnvelopeSchema.safeParse(untrusted);
  if (!envelope.success) {
    return err('audit-import-wrong-format', 'The file is not a Casebridge audit-trail export (version 1).');
  }
  const { caseId, events } = envelope.data;
  const verdict = verifyAuditChain(events, hash, { caseId });
  if (!verdict.ok) {
    return err(
      'audit-import-broken-chain',
      `${verdict.message} The trail was not imported; ask the sender for a fresh export.`,
    );
  }
  // Verification parsed every event already; parse again only to give them their type.
  return ok({ caseId, events: events.map((e) => auditEventSchema.parse(e)) });
}
