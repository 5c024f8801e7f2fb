import { cryptoKit } from '@shared/crypto/crypto-kit';
import type { ReportPeriod } from '@shared/reports/report-period';
import { createOversightExport, type CaseTrail } from '@shared/oversight/oversight-audit-export';
import { err, ok, type Result } from '@shared/result';
import { CaseRepository } from '../../cases/case-repository';
import { workflowContext } from '../../cases/workflow-context';
import { ensureOwnOffice } from '../../offices/own-office';
import { certifyPersonKeys } from '../../offices/person-certificates';
import { READ_ONLY_SIGNER } from '@shared/audit/event-signature';
import type { OfficeProfile } from '../../vault/records/office-profile';
import type { VaultDb } from '../../vault/vault-db';

/**
 * The signed audit-trail file for an oversight body: every case with an audit event in the period, its whole
 * chain, and the office's certificates for its people's signing keys, signed with this office's key. Unreadable rows are left out of the chain they belong to, which the
 * verification inside the file then reports as a break — nothing is papered over.
 */
export async function buildOversightFile(
  db: VaultDb,
  profile: OfficeProfile | null,
  period: ReportPeriod,
  now: Date,
): Promise<Result<Uint8Array, string>> {
  const kit = await cryptoKit();
  const own = await ensureOwnOffice(db, kit, profile, now.getTime());
  if (!own.ok) return err(own.error.code, own.error.message);
  const certificates = await certifyPersonKeys(db, kit, own.value, now);
  if (!certificates.ok) return err(certificates.error.code, certificates.error.message);
  const repository = new CaseRepository(db, workflowContext(kit, READ_ONLY_SIGNER));
  const trails: CaseTrail[] = [];
  for (const stored of await repository.all()) {
    trails.push({ caseId: stored.id, head: stored.audit, events: await repository.events(stored.id) });
  }
  return ok(
    createOversightExport(
      kit,
      {
        office: {
          name: own.value.card.card.name,
          jurisdiction: own.value.card.card.jurisdiction,
          signingPublicKey: own.value.identity.signingPublicKey,
        },
        scope: { kind: 'period', from: period.from, to: period.to },
        trails,
        certificates: certificates.value,
        now: now.toISOString(),
      },
      own.value.identity.signingPrivateKeyPlaintext,
    ),
  );
}
