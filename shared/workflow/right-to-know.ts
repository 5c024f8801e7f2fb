import { type Case } from '../domain/case';
import { type AffectedPerson } from '../domain/parties';
import { addMonths } from '../deadlines/civil-date';
import { findProcedureTemplate } from '../procedures/procedure-registry';
import { workflowMessage, type WorkflowMessage } from './workflow-message';

/** How long one deferral of notice may run when the template sets no limit of its own. */
export const DEFAULT_MAX_DEFERRAL_MONTHS = 6;

/**
 * True once the case has reached the person: data came back for a request, or an enforcement measure was
 * authorised. From then on the person has a right to be told, and the case cannot end without it.
 */
export function hasReachedPeople(c: Case): boolean {
  if (c.kind === 'data-access-request') return c.response !== null;
  if (c.kind === 'enforcement-action') return c.authorisation !== null;
  return false;
}

/** People still owed notice: neither told, nor deferred with reasons and a review date still ahead. */
export function peopleOwedNotice(c: Case, nowMs: number): AffectedPerson[] {
  if (!hasReachedPeople(c)) return [];
  return c.affectedPeople.filter(
    (p) => p.notice.state === 'pending' || (p.notice.state === 'deferred' && Date.parse(p.notice.reviewAt) <= nowMs),
  );
}

/** Why the case cannot close or be withdrawn yet (empty when every affected person's right to know is met). */
export function rightToKnowGaps(c: Case, nowMs: number): WorkflowMessage[] {
  return peopleOwedNotice(c, nowMs).map((p) =>
    workflowMessage(p.notice.state === 'deferred' ? 'deferral-review-reached' : 'person-not-told', { name: p.name }),
  );
}

/** The latest review date one deferral may set: the template's limit (or six months) after `fromMs`, same time. */
export function latestDeferralReview(c: Pick<Case, 'procedure'>, fromMs: number): { months: number; latestMs: number } {
  const months = findProcedureTemplate(c.procedure)?.notice?.maxDeferralMonths ?? DEFAULT_MAX_DEFERRAL_MONTHS;
  const from = new Date(fromMs);
  const day = addMonths({ year: from.getUTCFullYear(), month: from.getUTCMonth() + 1, day: from.getUTCDate() }, months);
  return { months, latestMs: Date.UTC(day.year, day.month - 1, day.day) + (fromMs % 86_400_000) };
}
