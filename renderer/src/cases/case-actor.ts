import type { Actor } from '@shared/domain/actor';
import type { OfficeProfile } from '../vault/records/office-profile';

/**
 * Who acts on this installation. The profile names a role but no person, so the actor id is per role: a laptop
 * shared by a caseworker and a redress officer of one office keeps the two apart, and the workflow's
 * independence rule (nobody decides a challenge on a case they worked) holds between them.
 */
export function actorFromProfile(profile: OfficeProfile | null): Actor {
  const role = profile?.role ?? 'caseworker';
  return { id: `local-${role}`, role };
}
