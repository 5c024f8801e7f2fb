import type { CaseRoute } from '../screens/cases/case-route';
import type { ScreenId } from './screens';

/** Where someone is in the app: a screen and, within Cases, the list, the new-case form, or a case at a step. */
export type Place = { readonly screen: ScreenId; readonly caseRoute: CaseRoute };

export const START_PLACE: Place = { screen: 'dashboard', caseRoute: { view: 'list' } };

/**
 * Where each person last was, in this window's memory only: after an idle or OS lock, whoever unlocks returns to
 * their own screen and form (where the draft kept at the lock is offered back), never to someone else's. A restart
 * begins at the dashboard. A place names a screen and at most a case id: nothing of a case's content.
 */
const places = new Map<string, Place>();

export function rememberPlace(personId: string, place: Place): void {
  places.set(personId, place);
}

export function recallPlace(personId: string): Place {
  return places.get(personId) ?? START_PLACE;
}
