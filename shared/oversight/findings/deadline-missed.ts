import type { CaseSide } from '../../domain/case-side';
import type { ProcedurePeriod } from '../../procedures/procedure-template';
import type { FindingRule } from './compliance-finding';
import { trailDeadlines } from './trail-deadlines';
import { caseSideOf, isAfter } from './trail-reading';

/**
 * Whether a period is the office's own to meet, and its lapse a failure: the redress decision, or a period the
 * procedure gives the office that received a request (`atReceivingOffice`), whose lapse the procedure calls
 * "overdue". A partner's reply, a challenge window or a provider's period lapsing is not this office's failing.
 */
export function isOwnDeadline(period: ProcedurePeriod | undefined, side: CaseSide): period is ProcedurePeriod {
  if (period?.lapse.outcome !== 'overdue') return false;
  return period.purpose === 'decision' || (period.atReceivingOffice !== undefined && side === 'executing');
}

/**
 * The office's own periods met after their due instant (shown by the event that met them), or still unmet when
 * judged (shown by the event that last set the due instant). Due instants are the ones the workflow computed with
 * the deadline rules (shared/deadlines) and recorded in the trail; a stopped clock has none and is not judged.
 */
export const deadlineMissed: FindingRule = ({ events, asOf }) => {
  const side = caseSideOf(events);
  return trailDeadlines(events).flatMap(({ mark, period, setBy, metBy }) => {
    if (!isOwnDeadline(period, side) || mark.dueAt === null) return [];
    const late = metBy !== null && isAfter(metBy.at, mark.dueAt);
    const lapsed = metBy === null && isAfter(asOf, mark.dueAt);
    if (!late && !lapsed) return [];
    return [
      {
        type: 'deadline-missed' as const,
        eventHash: (late ? metBy : null)?.hash ?? setBy.hash,
        asOf: lapsed ? asOf : null,
        dueAt: mark.dueAt,
        source: period.source,
      },
    ];
  });
};
