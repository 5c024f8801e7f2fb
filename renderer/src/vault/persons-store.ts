import { err, ok, type Result } from '@shared/result';
import {
  roleChangeRefusal,
  type PersonRole,
  type RoleChange,
  type RoleChangeRefusal,
  type RoleHolder,
} from '@shared/people/person-roles';
import { vaultWrite, type VaultWriteErrorCode } from './vault-write';
import { personRecordSchema, type PersonRecord } from './records/person-record';
import type { VaultDb } from './vault-db';
import { signPersonChange, verifyPersonChange, type PersonChangeVerdict } from '@shared/people/person-change';
import { personKeysForVerification, readPersonKeyRecords } from './person-keys-store';

type HistoryEntry = PersonRecord['history'][number];

/**
 * A history entry signed by the person who makes the change (the keyring holds only the signed-in person's key, so
 * nobody signs a change as someone else). Unsigned only where no key of theirs is in memory: the upgrade that makes
 * the first person, and a vault opened with its recovery key before a passphrase is set.
 */
export function signedHistoryEntry(
  db: VaultDb,
  personId: string,
  entry: Omit<HistoryEntry, 'signature'>,
): HistoryEntry {
  let signer;
  try {
    signer = db.keyring.signerFor(entry.by);
  } catch {
    return entry;
  }
  const change = { personId, at: entry.at.toISOString(), by: entry.by, change: entry.change, role: entry.role };
  return { ...entry, signature: signPersonChange(db.keyring.kit, signer, change) };
}

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
      signedHistoryEntry(db, person.personId, { at: now, by, change: 'added', role: null }),
      ...roles.map((role) =>
        signedHistoryEntry(db, person.personId, { at: now, by, change: 'granted' as const, role }),
      ),
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

const refusalMessages: Record<RoleChangeRefusal, string> = {
  'not-administrator': 'Only an administrator can add people or change their roles. Ask one of them.',
  'own-roles': 'Nobody changes their own roles or access: another administrator must do it.',
  'last-administrator': 'This is the last administrator. Make someone else an administrator first.',
  'unknown-person': 'That person has no access to this vault. Choose your name from the list, or ask an administrator.',
  'no-change': 'Nothing changed: the person already had that role (or did not).',
};

/** A refusal of a change to people or roles, with the message that says what to do. */
export function refusal(code: RoleChangeRefusal): Result<never, RoleChangeRefusal> {
  return err(code, refusalMessages[code]);
}

type RoleResult = Result<void, RoleChangeRefusal | VaultWriteErrorCode>;

const toResult = (written: Result<RoleChangeRefusal | null, VaultWriteErrorCode>): RoleResult => {
  if (!written.ok) return written;
  return written.value === null ? ok(undefined) : refusal(written.value);
};

/** `by` grants or revokes `role` for `personId`; the rules are checked inside the transaction, on what is stored. */
export async function changeRole(
  db: VaultDb,
  by: string,
  personId: string,
  role: PersonRole,
  change: RoleChange,
  now: Date,
): Promise<RoleResult> {
  const written = await vaultWrite(db, [db.persons], async () => {
    const records = await readPersonRecords(db);
    const refused = roleChangeRefusal(roleHolders(records), by, personId, role, change);
    if (refused) return refused;
    const target = records.find((r) => r.id === personId);
    if (!target) return 'unknown-person' as const;
    const roles = change === 'granted' ? [...target.roles, role] : target.roles.filter((r) => r !== role);
    const history = [...target.history, signedHistoryEntry(db, personId, { at: now, by, change, role })];
    await db.persons.put(personRecordSchema.parse({ ...target, roles, history }));
    return null;
  });
  return toResult(written);
}

/**
 * First run only: the one person of a new installation says which case work they do. Nobody else exists to grant
 * it; from the second person on, roles are granted by an administrator and never by oneself.
 */
export async function setUpOwnWorkingRoles(
  db: VaultDb,
  me: string,
  roles: readonly PersonRole[],
  now: Date,
): Promise<RoleResult> {
  const working = roles.filter((role) => role !== 'administrator');
  const written = await vaultWrite(db, [db.persons], async () => {
    const records = await readPersonRecords(db);
    const mine = records.find((r) => r.id === me);
    if (records.length !== 1 || !mine) return 'own-roles' as const;
    const kept = mine.roles.filter((role) => role === 'administrator');
    const added = working.filter((role) => !mine.roles.includes(role));
    const history = [
      ...mine.history,
      ...added.map((role) => signedHistoryEntry(db, me, { at: now, by: me, change: 'granted' as const, role })),
    ];
    await db.persons.put(personRecordSchema.parse({ ...mine, roles: [...new Set([...kept, ...working])], history }));
    return null;
  });
  return toResult(written);
}

/** One line of the people history, verified: who changed what for whom, and whether their signature holds. */
export type PersonHistoryLine = {
  readonly at: Date;
  readonly change: HistoryEntry['change'];
  readonly role: HistoryEntry['role'];
  readonly personId: string;
  readonly personName: string;
  readonly byName: string;
  readonly verdict: PersonChangeVerdict;
};

/** A role a person holds that no valid grant in their history gives them (someone edited the store by hand). */
export type UnbackedRole = { readonly personName: string; readonly role: PersonRole };

export type PersonHistory = { readonly lines: PersonHistoryLine[]; readonly unbacked: UnbackedRole[] };

/**
 * Every change to every person, oldest first, each checked against the signing keys on record; and every role a
 * person holds that their valid grants, replayed in order, do not give them.
 */
export async function personHistory(db: VaultDb): Promise<PersonHistory> {
  const people = await readPersonRecords(db);
  const { keys, since } = personKeysForVerification(await readPersonKeyRecords(db), people);
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const lines = people
    .flatMap((person) =>
      person.history.map((entry) => ({
        at: entry.at,
        change: entry.change,
        role: entry.role,
        personId: person.id,
        personName: person.name,
        byName: entry.by === 'upgrade' ? nameOf(person.id) : nameOf(entry.by),
        verdict: verifyPersonChange(
          db.keyring.kit,
          { personId: person.id, at: entry.at.toISOString(), by: entry.by, change: entry.change, role: entry.role },
          entry.signature,
          keys,
          since,
        ),
      })),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const unbacked = people.flatMap((person) => {
    const granted = new Set<PersonRole>();
    for (const line of lines.filter((l) => l.personId === person.id && l.verdict !== 'forged')) {
      if (line.change === 'granted' && line.role) granted.add(line.role);
      if (line.change === 'revoked' && line.role) granted.delete(line.role);
    }
    return person.roles.filter((role) => !granted.has(role)).map((role) => ({ personName: person.name, role }));
  });
  return { lines, unbacked };
}
