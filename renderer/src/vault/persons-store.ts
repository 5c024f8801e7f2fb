import type { PersonRole, RoleHolder } from '@shared/people/person-roles';
import { personRecordSchema, type PersonRecord } from './records/person-record';
import type { VaultDb } from './vault-db';

/** The settings row that carries a version 1 profile's role until the first person's record exists. */
export const PENDING_FIRST_ROLES_ID = 'pending-first-person-roles';

/**
 * Every person record, parsed, in the order they were added; a record that does not parse is left out (the
 * corruption report names one that does not decrypt).
 */
export async function readPersonRecords(db: VaultDb): Promise<PersonRecord[]> {
  const rows: unknown[] = await db.persons.toArray();
  return rows
    .flatMap((row) => {
      const parsed = personRecordSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.name.localeCompare(b.name));
}

export const roleHolders = (records: readonly PersonRecord[]): RoleHolder[] =>
  records.map((r) => ({ personId: r.id, roles: r.roles, active: r.removedAt === null }));

/** A new person's record. Call inside the transaction that adds their key slot. */
export async function putNewPerson(
  db: VaultDb,
  person: { readonly personId: string; readonly name: string },
  roles: readonly PersonRole[],
  by: string,
  now: Date,
): Promise<PersonRecord> {
  const record: PersonRecord = {
    id: person.personId,
    name: person.name.trim(),
    roles: [...roles],
    history: [
      { at: now, by, change: 'added', role: null },
      ...roles.map((role) => ({ at: now, by, change: 'granted' as const, role })),
    ],
    createdAt: now,
    removedAt: null,
  };
  await db.persons.put(personRecordSchema.parse(record));
  return record;
}

/**
 * After sign-in: the first person of an installation that has none on record (a new vault, or an old one opened
 * with the recovery key) becomes its administrator, with the working roles an old profile carried. Call inside a
 * read-write transaction over `persons` and `settings`.
 */
export async function ensureFirstPerson(
  db: VaultDb,
  person: { readonly personId: string; readonly name: string },
  now: Date,
): Promise<void> {
  if ((await db.persons.count()) > 0) return;
  const pending: unknown = await db.settings.get(PENDING_FIRST_ROLES_ID);
  const carried = personRecordSchema.shape.roles.safeParse(
    typeof pending === 'object' && pending !== null ? Reflect.get(pending, 'roles') : [],
  );
  const roles = [...(carried.success ? carried.data : []), 'administrator' as const];
  await putNewPerson(db, person, [...new Set(roles)], person.personId, now);
  await db.settings.delete(PENDING_FIRST_ROLES_ID);
}
