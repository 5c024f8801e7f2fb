import type { AuditEvent } from '../../audit/audit-event';
import { isOfficeActor } from '../../audit/event-signature';
import { worksOnTheCase } from '../../workflow/roles';
import { STEPS } from '../../workflow/step-registry';
import type { ActionType } from '../../workflow/workflow-action';
import type { Capacity } from '../../workflow/workflow-types';
import type { FindingRule } from './compliance-finding';
import { trailDeadlines } from './trail-deadlines';
import { detailString } from './trail-reading';

const SOURCE =
  'Independence of redress review: nobody decides a challenge on a case they worked on (docs/workflow.md §3, Independence; shared/workflow/roles.ts) — a Casebridge rule, no article; unverified';

const isActionType = (action: string): action is ActionType => Object.hasOwn(STEPS, action);

/** The capacity an event was recorded in, as the workflow counts it (work on a decision deadline is redress work). */
function capacityOf(event: AuditEvent, decisionDeadlines: ReadonlySet<string>): Capacity | null {
  if (event.type === 'case-created') return 'caseworker';
  if (!isActionType(event.action)) return null;
  const step = STEPS[event.action];
  if (step.capacityFor === undefined) return step.capacity;
  const deadlineId = detailString(event, 'deadlineId');
  return deadlineId !== null && decisionDeadlines.has(deadlineId) ? 'redress' : 'caseworker';
}

/**
 * A challenge decided by a person who had worked on the case (opened it, did caseworker work, authorised it), read
 * from who recorded each event and in which capacity, with the workflow's own step definitions. The workflow refuses
 * this; a trail shows it only when the office's software did not.
 */
export const decisionByCaseworker: FindingRule = ({ events }) => {
  const decisionDeadlines = new Set(
    trailDeadlines(events)
      .filter((d) => d.period?.purpose === 'decision')
      .map((d) => d.mark.id),
  );
  const worked = new Set<string>();
  return events.flatMap((event) => {
    const found =
      event.action === 'decide' && worked.has(event.actor.id)
        ? [{ type: 'decision-by-caseworker' as const, eventHash: event.hash, asOf: null, dueAt: null, source: SOURCE }]
        : [];
    const capacity = capacityOf(event, decisionDeadlines);
    // A partner office's act (replayed from its bundle) is not work by a person here.
    if (capacity !== null && worksOnTheCase(capacity) && !isOfficeActor(event.actor.id)) worked.add(event.actor.id);
    return found;
  });
};
