import type { AuditEvent } from '../../audit/audit-event';
import type { CaseSide } from '../../domain/case-side';
import { DEFAULT_PROCEDURE, findProcedureTemplate } from '../../procedures/procedure-registry';
import type { ProcedureRef, ProcedureTemplate } from '../../procedures/procedure-template';

/** A detail the event recorded as text, or null (absent, or another type: an older trail). */
export function detailString(event: AuditEvent, key: string): string | null {
  const value = event.details[key];
  return typeof value === 'string' ? value : null;
}

/** A detail the event recorded as a list of texts (empty when absent). */
export function detailStrings(event: AuditEvent, key: string): string[] {
  const value = event.details[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `a` strictly after `b` (both ISO instants). */
export const isAfter = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

/** The case's kind, from its first event. */
export const caseKindOf = (events: readonly AuditEvent[]): string | null =>
  events[0] ? detailString(events[0], 'kind') : null;

/** Which side the office is on, from how the case came to exist. */
export function caseSideOf(events: readonly AuditEvent[]): CaseSide {
  const action = events[0]?.action;
  if (action === 'receive-request') return 'executing';
  if (action === 'receive-challenge') return 'redress-body';
  return 'issuing';
}

/** The procedure in force when event `index` was recorded: the one opened with, or the one authorised under. */
export function procedureAt(events: readonly AuditEvent[], index: number): ProcedureRef {
  let procedure: ProcedureRef = DEFAULT_PROCEDURE;
  events.slice(0, index + 1).forEach((event) => {
    const id = detailString(event, 'procedure');
    const version = event.details['procedureVersion'];
    if (id !== null && typeof version === 'number') procedure = { id, version };
  });
  return procedure;
}

export const templateAt = (events: readonly AuditEvent[], index: number): ProcedureTemplate | undefined =>
  findProcedureTemplate(procedureAt(events, index));

/** The case is over once it is closed (withdrawn, unchallenged, after remedies) or purged. */
export const endsCase = (event: AuditEvent): boolean => event.toStage === 'closed' || event.toStage === 'purged';

/** The earlier of two instants. */
export const earlier = (a: string, b: string): string => (Date.parse(a) <= Date.parse(b) ? a : b);
