import {
  certifiesFacts,
  issuePersonCertificate,
  type CertifiedFacts,
  type SignedPersonCertificate,
} from '@shared/people/person-certificate';
import { ok, type Result } from '@shared/result';
import { readPersonKeyRecords } from '../vault/person-keys-store';
import { readPersonRecords } from '../vault/persons-store';
import { personKeyRecordSchema } from '../vault/records/person-key-record';
import type { VaultDb } from '../vault/vault-db';
import { vaultWrite, type VaultWriteErrorCode } from '../vault/vault-write';
import type { DomainSigner } from '@shared/offices/office-signer';

/**
 * The office certifies every signing key its people have had: who it belongs to, from when, and — once replaced
 * or their access removed — until when. A certificate is re-issued whenever what it says changed (a new name, a
 * revocation), and kept in the key's record. Returns all of them, for the oversight audit export.
 */
export async function certifyPersonKeys(
  db: VaultDb,
  office: DomainSigner,
  now: Date,
): Promise<Result<SignedPersonCertificate[], VaultWriteErrorCode>> {
  const written = await vaultWrite(db, [db.personKeys, db.persons], async () => {
    const people = await readPersonRecords(db);
    const certificates: SignedPersonCertificate[] = [];
    for (const record of await readPersonKeyRecords(db)) {
      const person = people.find((p) => p.id === record.personId);
      const retiredAt = record.retiredAt ?? person?.removedAt ?? null;
      const facts: CertifiedFacts = {
        personId: record.personId,
        name: person?.name ?? record.personId,
        signingKey: record.id,
        validFrom: record.since.toISOString(),
        revokedAt: retiredAt?.toISOString() ?? null,
      };
      if (record.certificate && certifiesFacts(record.certificate, facts)) {
        certificates.push(record.certificate);
        continue;
      }
      const certificate = issuePersonCertificate(office, facts, now.toISOString());
      await db.personKeys.put(personKeyRecordSchema.parse({ ...record, certificate }));
      certificates.push(certificate);
    }
    return certificates;
  });
  return written.ok ? ok(written.value) : written;
}
