import type { AuditEvent } from './audit-event';
import { AFFECTED_PERSON_ID } from '../domain/primitives';

/** Where event details name a person a case is about: `personId`, and the `id` of each of `affectedPeople`. */
function personIdsIn(value: unknown, key: string | null, found: string[]): void {
  if (typeof value === 'string') {
    if (key === 'personId') found.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if (key === 'affectedPeople' && typeof item === 'object' && item !== null && 'id' in item) {
        const id: unknown = item.id;
        if (typeof id === 'string') found.push(id);
      }
      personIdsIn(item, null, found);
    }
    return;
  }
  if (typeof value === 'object' && value !== null)
    for (const [child, nested] of Object.entries(value)) personIdsIn(nested, child, found);
}

/**
 * Whether `event` names a person by an id this office did not make — a partner office's id, recorded before imports
 * replaced them with local pseudonyms (R14). The event is signed and chained, so it is kept as signed; the case view
 * and the oversight export say so instead of showing or hiding it silently.
 */
export function carriesPartnerPersonId(event: AuditEvent): boolean {
  const found: string[] = [];
  personIdsIn(event.details, null, found);
  return found.some((id) => !AFFECTED_PERSON_ID.test(id));
}

/** The sequence numbers of the events in `events` that carry a partner's person id. */
export function partnerPersonIdEvents(events: readonly AuditEvent[]): number[] {
  return events.filter(carriesPartnerPersonId).map((event) => event.seq);
}
