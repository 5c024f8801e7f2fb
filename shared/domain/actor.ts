import { z } from 'zod';
import { entityIdSchema } from './primitives';

/**
 * Who may do what. A caseworker runs cases; a redress officer reviews challenges and decides; "both" exists for
 * small offices where one person holds both roles — they still may not decide on a case they worked on. An
 * "authoriser" (a supervisor, say) may authorise a case and nothing else. "none" is a person who may sign in (an
 * administrator, say) but holds no case role: every case step refuses them.
 */
export const ROLES = ['caseworker', 'redress-officer', 'both', 'authoriser', 'none'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const actorSchema = z.strictObject({
  id: entityIdSchema,
  role: roleSchema,
});
export type Actor = z.infer<typeof actorSchema>;

export const canActAsCaseworker = (actor: Actor): boolean => actor.role === 'caseworker' || actor.role === 'both';
/** Caseworkers authorise their office's cases; an authoriser does only that. */
export const canAuthorise = (actor: Actor): boolean => canActAsCaseworker(actor) || actor.role === 'authoriser';
export const canActAsRedressOfficer = (actor: Actor): boolean =>
  actor.role === 'redress-officer' || actor.role === 'both';
