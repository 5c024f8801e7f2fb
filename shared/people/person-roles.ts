import type { Role } from '../domain/actor';

/**
 * What a person may do on an installation. Roles are granted by an administrator, never chosen by oneself: the
 * second-person rule and the independence of review only mean something between different people.
 */
export const PERSON_ROLES = ['caseworker', 'authoriser', 'redress-officer', 'administrator'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export type RoleChange = 'granted' | 'revoked';

/** The people an administrator's decision is checked against: who they are, and the roles each holds now. */
export type RoleHolder = { readonly personId: string; readonly roles: readonly PersonRole[]; readonly active: boolean };

export type RoleChangeRefusal =
  'not-administrator' | 'own-roles' | 'last-administrator' | 'unknown-person' | 'no-change';

/** Why `by` may not make this change, or null when they may. Pure; the caller stores the change and its event. */
export function roleChangeRefusal(
  people: readonly RoleHolder[],
  by: string,
  target: string,
  role: PersonRole,
  change: RoleChange,
): RoleChangeRefusal | null {
  const grantor = people.find((p) => p.personId === by && p.active);
  const holder = people.find((p) => p.personId === target && p.active);
  if (!holder) return 'unknown-person';
  if (!grantor?.roles.includes('administrator')) return 'not-administrator';
  if (by === target) return 'own-roles';
  if (holder.roles.includes(role) === (change === 'granted')) return 'no-change';
  if (change === 'revoked' && role === 'administrator' && administrators(people) <= 1) return 'last-administrator';
  return null;
}

/** Whether `target` may lose access altogether: not the last administrator, and never oneself. */
export function removalRefusal(people: readonly RoleHolder[], by: string, target: string): RoleChangeRefusal | null {
  const grantor = people.find((p) => p.personId === by && p.active);
  const holder = people.find((p) => p.personId === target && p.active);
  if (!holder) return 'unknown-person';
  if (!grantor?.roles.includes('administrator')) return 'not-administrator';
  if (by === target) return 'own-roles';
  if (holder.roles.includes('administrator') && administrators(people) <= 1) return 'last-administrator';
  return null;
}

const administrators = (people: readonly RoleHolder[]) =>
  people.filter((p) => p.active && p.roles.includes('administrator')).length;

/**
 * The workflow role a person acts in on cases, from the roles granted to them. An authoriser who is also a
 * caseworker or redress officer acts in that role (a caseworker authorises anyway); they confirm another person's
 * draft as authoriser through the co-sign (`coSignerRoleFor`).
 */
export function actorRoleFor(roles: readonly PersonRole[]): Role {
  const caseworker = roles.includes('caseworker');
  const redress = roles.includes('redress-officer');
  if (caseworker && redress) return 'both';
  if (caseworker) return 'caseworker';
  if (redress) return 'redress-officer';
  if (roles.includes('authoriser')) return 'authoriser';
  return 'none';
}

/** Who may be the second person for an authorisation: a caseworker or an authoriser; null for anyone else. */
export function coSignerRoleFor(roles: readonly PersonRole[]): Role | null {
  if (roles.includes('caseworker')) return actorRoleFor(roles);
  if (roles.includes('authoriser')) return 'authoriser';
  return null;
}
