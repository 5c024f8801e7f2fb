import { canActAsCaseworker, canActAsRedressOfficer, type Actor } from '../domain/actor';
import { type Case } from '../domain/case';
import { type Capacity } from './workflow-types';

export function actorMayActAs(actor: Actor, capacity: Capacity): boolean {
  if (capacity === 'caseworker') return canActAsCaseworker(actor);
  if (capacity === 'redress') return canActAsRedressOfficer(actor);
  return true;
}

/** Independence: nobody reviews or decides a challenge on a case they worked on as caseworker. */
export const workedAsCaseworker = (c: Case, actorId: string): boolean => c.caseworkerIds.includes(actorId);

export const ROLE_WORDS: Record<Capacity, string> = {
  caseworker: 'a caseworker',
  redress: 'a redress officer',
  anyone: 'anyone',
};
