import { z } from 'zod';
import { schemaV1 } from '../schema/v1';
import { schemaV2 } from '../schema/v2';
import { PENDING_FIRST_ROLES_ID, putNewPerson } from '../persons-store';
import type { PersonRole } from '@shared/people/person-roles';
import { defineRecordMigration } from './record-migration';

const profileV1 = z.looseObject({ id: z.string(), role: z.enum(['caseworker', 'redress-officer', 'both']) });

const workingRoles: Record<z.infer<typeof profileV1>['role'], PersonRole[]> = {
  caseworker: ['caseworker'],
  'redress-officer': ['redress-officer'],
  both: ['caseworker', 'redress-officer'],
};

/**
 * Persons: the role the version 1 profile carried (chosen by whoever sat at the laptop) becomes the roles of the
 * person who opens the vault first after the upgrade — its only person, as the header upgrade just made them —
 * who is also its first administrator. The profile keeps its office name and jurisdiction.
 */
export const migrationToV2 = defineRecordMigration(schemaV1, schemaV2, {
  description: 'the profile role becomes the first person’s roles; that person administers the installation',
  tables: ['profile', 'persons'],
  migrate: async ({ db, now, person }) => {
    const row: unknown = await db.profile.get('office');
    const parsed = profileV1.safeParse(row);
    const roles: PersonRole[] = parsed.success ? workingRoles[parsed.data.role] : [];
    if (parsed.success) {
      const { role: _role, ...rest } = parsed.data;
      await db.profile.put(rest);
    }
    if (!person) {
      // Opened with the recovery key: the person who sets a passphrase next gets these roles (persons-store.ts).
      if (roles.length > 0) await db.settings.put({ id: PENDING_FIRST_ROLES_ID, roles });
      return;
    }
    if ((await db.persons.count()) > 0) return;
    await putNewPerson(db, person, [...roles, 'administrator'], 'upgrade', now);
  },
});
