import type { Actor } from '../domain/actor';

/**
 * The partner office as it appears in our audit trail when an imported bundle drives the workflow (opened a
 * case, recorded a response, decided a challenge). Named by its key, never by a person.
 */
const OFFICE_ACTOR_PREFIX = 'office:';

export function partnerActor(senderKeyHex: string, role: Actor['role']): Actor {
  return { id: `${OFFICE_ACTOR_PREFIX}${senderKeyHex.slice(0, 16)}`, role };
}

/**
 * The partner office an audit actor stands for, looked up among the offices this office knows (keyed by signing key):
 * the actor id carries the first 16 hex digits of the key. Undefined for a person, or an office no longer listed.
 */
export function officeOfActor<T>(offices: Readonly<Record<string, T>>, actorId: string): T | undefined {
  if (!actorId.startsWith(OFFICE_ACTOR_PREFIX)) return undefined;
  const prefix = actorId.slice(OFFICE_ACTOR_PREFIX.length);
  const key = Object.keys(offices).find((signingKeyHex) => signingKeyHex.startsWith(prefix));
  return key === undefined ? undefined : offices[key];
}
