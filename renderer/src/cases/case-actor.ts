import type { Actor } from '@shared/domain/actor';
import { actorRoleFor } from '@shared/people/person-roles';
import type { PersonRecord } from '../vault/records/person-record';

/**
 * Who acts on cases: the signed-in person, under their own id, in the role their granted roles give. The
 * workflow's second-person and independence rules compare these ids, so they hold between people. Nobody signed in
 * (or no record yet) acts as nobody: every case step refuses the role "none".
 */
export function actorFromPerson(person: PersonRecord | null): Actor {
  if (!person || person.removedAt !== null) return { id: 'nobody', role: 'none' };
  return { id: person.id, role: actorRoleFor(person.roles) };
}
