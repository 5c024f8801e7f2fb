import type { Actor } from '../domain/actor';

/**
 * The partner office as it appears in our audit trail when an imported bundle drives the workflow (opened a
 * case, recorded a response, decided a challenge). Named by its key, never by a person.
 */
export function partnerActor(senderKeyHex: string, role: Actor['role']): Actor {
  return { id: `office:${senderKeyHex.slice(0, 16)}`, role };
}
