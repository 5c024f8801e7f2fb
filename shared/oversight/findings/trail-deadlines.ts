import type { AuditEvent } from '../../audit/audit-event';
import { findProcedureTemplate } from '../../procedures/procedure-registry';
import type { ProcedurePeriod } from '../../procedures/procedure-template';
import { DEADLINE_DETAIL_KEYS, parseDeadlineMark, type DeadlineMark } from '../../workflow/deadline-marks';
import { detailStrings } from './trail-reading';

/** One period as the trail shows it: the rule it ran under, its latest due instant, and what met it. */
export type TrailDeadline = {
  readonly mark: DeadlineMark;
  /** The procedure's own definition of the period (its source, purpose, lapse), when the template is known. */
  readonly period: ProcedurePeriod | undefined;
  /** The event that last set its due instant (started it, extended it, restarted its clock). */
  readonly setBy: AuditEvent;
  /** The event that met it, or null while it runs. */
  readonly metBy: AuditEvent | null;
};

/** Every period the trail started and did not drop, in the order they started, as the workflow recorded them. */
export function trailDeadlines(events: readonly AuditEvent[]): TrailDeadline[] {
  const running = new Map<string, TrailDeadline>();
  for (const event of events) {
    for (const text of detailStrings(event, DEADLINE_DETAIL_KEYS.due)) {
      const mark = parseDeadlineMark(text);
      if (!mark) continue;
      const template = findProcedureTemplate({ id: mark.templateId, version: mark.templateVersion });
      const period = template?.periods.find((p) => p.id === mark.periodId);
      running.set(mark.id, { mark, period, setBy: event, metBy: running.get(mark.id)?.metBy ?? null });
    }
    for (const id of detailStrings(event, DEADLINE_DETAIL_KEYS.met)) {
      const deadline = running.get(id);
      if (deadline && deadline.metBy === null) running.set(id, { ...deadline, metBy: event });
    }
    for (const id of detailStrings(event, DEADLINE_DETAIL_KEYS.dropped)) running.delete(id);
  }
  return [...running.values()];
}
