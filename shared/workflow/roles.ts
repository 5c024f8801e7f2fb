import { canActAsCaseworker, canActAsRedressOfficer, canAuthorise, type Actor } from '../domain/actor';
import { type Case } from '../domain/case';
import { workflowMessage, type WorkflowMessageCode } from './workflow-message';
import { type Capacity, type Refusal } from './workflow-types';

export function actorMayActAs(actor: Actor, capacity: Capacity): boolean {
  if (capacity === 'caseworker') return canActAsCaseworker(actor);
  if (capacity === 'authorise') return canAuthorise(actor);
  if (capacity === 'redress') return canActAsRedressOfficer(actor);
  return true;
}

/** Independence: nobody reviews or decides a challenge on a case they worked on as caseworker. */
export const workedAsCaseworker = (c: Case, actorId: string): boolean => c.caseworkerIds.includes(actorId);

/** The person who took the review or decided the challenge: from then on they are the case's independent reviewer. */
export const isReviewerOf = (c: Case, actorId: string): boolean =>
  c.review?.officerId === actorId || c.decision?.decidedBy === actorId;

/**
 * Independence holds both ways, whatever roles a person holds: caseworker work bars redress work on the same case,
 * and the reviewing officer may not do caseworker work on the case they review (it would make them a caseworker on
 * it after the fact). `capacity` is the capacity of this particular use (a decision deadline is redress work).
 */
export function independenceRefusal(c: Case, actorId: string, capacity: Capacity): Refusal | null {
  if (capacity === 'redress' && workedAsCaseworker(c, actorId)) {
    return { code: 'conflict-of-interest', missing: [workflowMessage('conflict-worked-as-caseworker')] };
  }
  if (worksOnTheCase(capacity) && isReviewerOf(c, actorId)) {
    return { code: 'conflict-of-interest', missing: [workflowMessage('conflict-reviewer-does-casework')] };
  }
  return null;
}

/** Authorising is work on the case: the authoriser may not later review a challenge on it, as for a caseworker. */
export const worksOnTheCase = (capacity: Capacity): boolean => capacity === 'caseworker' || capacity === 'authorise';

/** The refusal for someone who may not act in a capacity ("anyone" never refuses). */
export const ONLY_ROLE = {
  caseworker: 'only-caseworker',
  authorise: 'only-authoriser',
  redress: 'only-redress-officer',
} as const satisfies Record<Exclude<Capacity, 'anyone'>, WorkflowMessageCode>;
