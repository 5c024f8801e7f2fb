import { latestDeferralReview, DEFAULT_MAX_DEFERRAL_MONTHS } from '../../workflow/right-to-know';
import type { FindingRule } from './compliance-finding';
import { detailString, isAfter, procedureAt, templateAt } from './trail-reading';

/**
 * A deferral of notice whose review date lies beyond the longest one deferral may run from the day it was decided:
 * the procedure's `notice.maxDeferralMonths`, or the workflow's default, computed by the workflow's own
 * `latestDeferralReview`. The workflow refuses such a deferral, so a trail shows one only when the office's software
 * did not (an older or altered installation): the desk does not take the office's software on trust.
 */
export const deferralBeyondCap: FindingRule = ({ events }) =>
  events.flatMap((event, index) => {
    const reviewAt = detailString(event, 'reviewAt');
    if (event.action !== 'defer-notice' || reviewAt === null) return [];
    const { months, latestMs } = latestDeferralReview({ procedure: procedureAt(events, index) }, Date.parse(event.at));
    const latest = new Date(latestMs).toISOString();
    if (!isAfter(reviewAt, latest)) return [];
    const notice = templateAt(events, index)?.notice ?? null;
    const source =
      notice?.maxDeferralMonths !== undefined
        ? `${notice.source}: one deferral runs at most ${months} months`
        : `${notice?.source ?? 'No notice rule in the procedure template'}; at most ${DEFAULT_MAX_DEFERRAL_MONTHS} months per deferral is the Casebridge default (docs/workflow.md §2, Notice) — unverified`;
    return [{ type: 'deferral-beyond-cap' as const, eventHash: event.hash, asOf: null, dueAt: latest, source }];
  });
