import { describe, expect, it } from 'vitest';
import { actorRoleFor, removalRefusal, roleChangeRefusal, type RoleHolder } from '@shared/people/person-roles';

const ana: RoleHolder = { personId: 'ana', roles: ['administrator', 'caseworker'], active: true };
const ben: RoleHolder = { personId: 'ben', roles: ['caseworker'], active: true };
const gone: RoleHolder = { personId: 'gone', roles: [], active: false };
const people = [ana, ben, gone];

describe('who may change roles', () => {
  it('an administrator grants and revokes the roles of others', () => {
    expect(roleChangeRefusal(people, 'ana', 'ben', 'redress-officer', 'granted')).toBeNull();
    expect(roleChangeRefusal(people, 'ana', 'ben', 'caseworker', 'revoked')).toBeNull();
    expect(roleChangeRefusal(people, 'ana', 'ben', 'caseworker', 'granted')).toBe('no-change');
  });

  it('nobody changes their own roles, non-administrators change none, removed people are unknown', () => {
    expect(roleChangeRefusal(people, 'ana', 'ana', 'redress-officer', 'granted')).toBe('own-roles');
    expect(roleChangeRefusal(people, 'ben', 'ana', 'caseworker', 'revoked')).toBe('not-administrator');
    expect(roleChangeRefusal(people, 'ben', 'ben', 'administrator', 'granted')).toBe('not-administrator');
    expect(roleChangeRefusal(people, 'ana', 'gone', 'caseworker', 'granted')).toBe('unknown-person');
    expect(roleChangeRefusal([{ ...ana, active: false }, ben], 'ana', 'ben', 'caseworker', 'revoked')).toBe(
      'not-administrator',
    );
  });

  it('with two administrators, one may revoke or remove the other (the last one can only ever be oneself)', () => {
    const two = [ana, { ...ben, roles: ['administrator' as const] }];
    expect(roleChangeRefusal(two, 'ana', 'ben', 'administrator', 'revoked')).toBeNull();
    expect(removalRefusal(two, 'ana', 'ben')).toBeNull();
    expect(removalRefusal(people, 'ana', 'ana')).toBe('own-roles');
    expect(removalRefusal(people, 'ben', 'ana')).toBe('not-administrator');
  });

  it('the workflow role follows the granted roles', () => {
    expect(actorRoleFor(['caseworker'])).toBe('caseworker');
    expect(actorRoleFor(['redress-officer', 'administrator'])).toBe('redress-officer');
    expect(actorRoleFor(['caseworker', 'redress-officer'])).toBe('both');
    expect(actorRoleFor(['administrator'])).toBe('none');
    expect(actorRoleFor([])).toBe('none');
  });
});
