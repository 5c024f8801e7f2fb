import { toHex, fromBase64 } from '@shared/bytes/bytes';
import { personalSigningSince, type PersonKey } from '@shared/audit/event-signature';
import type { VaultHeader } from '@shared/vault/vault-header';
import { personKeyRecordSchema, type PersonKeyRecord } from './records/person-key-record';
import type { PersonRecord } from './records/person-record';
import type { VaultDb } from './vault-db';

/** Every signing key on record, parsed; a record that does not parse is left out (the corruption report names it). */
export async function readPersonKeyRecords(db: VaultDb): Promise<PersonKeyRecord[]> {
  const rows: unknown[] = await db.personKeys.toArray();
  return rows.flatMap((row) => {
    const parsed = personKeyRecordSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Brings the key records in line with the header's slots: a key that appears is recorded from `now`; a key whose
 * slot is gone (access removed) or was replaced (access reset, recovery) is retired at `now`. Call inside every
 * transaction that writes the header, so the two never disagree.
 */
export async function syncPersonKeys(db: VaultDb, header: VaultHeader, now: Date): Promise<void> {
  const records = await readPersonKeyRecords(db);
  const current = new Map<string, string>();
  for (const slot of header.slots) {
    const publicKey = fromBase64(slot.signingPublicKey);
    if (publicKey) current.set(toHex(publicKey), slot.personId);
  }
  for (const [id, personId] of current) {
    if (!records.some((r) => r.id === id)) {
      await db.personKeys.put(
        personKeyRecordSchema.parse({ id, personId, since: now, retiredAt: null, certificate: null }),
      );
    }
  }
  for (const record of records) {
    if (record.retiredAt === null && !current.has(record.id))
      await db.personKeys.put(personKeyRecordSchema.parse({ ...record, retiredAt: now }));
  }
}

/** The keys the in-app verifier trusts, named from the person records; `since` is when personal signing began. */
export function personKeysForVerification(
  keys: readonly PersonKeyRecord[],
  people: readonly PersonRecord[],
): { keys: PersonKey[]; since: string | null } {
  const verified = keys.map((record) => ({
    personId: record.personId,
    name: people.find((p) => p.id === record.personId)?.name ?? record.personId,
    publicKeyHex: record.id,
    validFrom: record.since.toISOString(),
    revokedAt: record.retiredAt?.toISOString() ?? null,
  }));
  return { keys: verified, since: personalSigningSince(verified) };
}
