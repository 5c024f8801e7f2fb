import { cryptoKit } from '@shared/crypto/crypto-kit';
import type { ReportPeriod } from '@shared/reports/report-period';
import { createOversightExport, type CaseTrail } from '@shared/oversight/oversight-audit-export';
import { OfficeKeyWipedError } from '@shared/offices/office-signer';
import { err, ok, type Result } from '@shared/result';
import { CaseRepository } from '../../cases/case-repository';
import { workflowContext } from '../../cases/workflow-context';
import type { OwnOffice } from '../../offices/own-office';
import { certifyPersonKeys } from '../../offices/person-certificates';
import { READ_ONLY_SIGNER } from '@shared/audit/event-signature';
import type { VaultDb } from '../../vault/vault-db';

/** What the export needs of our office: its card, and a signer (never the private key itself). */
export type OversightOffice = Pick<OwnOffice, 'card' | 'signer'>;

export type OversightFileErrorCode = 'office-not-ready' | 'office-key-wiped' | string;

const KEY_WIPED =
  'The vault locked or the office identity was reloaded while the file was being made; nothing was signed.';

/**
 * The signed audit-trail file for an oversight body: every case with an audit event in the period, its whole
 * chain, and the office's certificates for its people's signing keys, signed through the office's signer (held by
 * the exchange layer, which wipes it on lock). Unreadable rows are left out of the chain they belong to, which the
 * verification inside the file then reports as a break — nothing is papered over.
 */
export async function buildOversightFile(
  db: VaultDb,
  office: OversightOffice | null,
  period: ReportPeriod,
  now: Date,
): Promise<Result<Uint8Array, OversightFileErrorCode>> {
  if (!office) return err('office-not-ready', "This office's keys are not ready yet.");
  const kit = await cryptoKit();
  try {
    const certificates = await certifyPersonKeys(db, office.signer, now);
    if (!certificates.ok && office.signer.wiped()) return err('office-key-wiped', KEY_WIPED);
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
          office: { name: office.card.card.name, jurisdiction: office.card.card.jurisdiction },
          scope: { kind: 'period', from: period.from, to: period.to },
          trails,
          certificates: certificates.value,
          now: now.toISOString(),
        },
        office.signer,
      ),
    );
  } catch (error) {
    // The vault locked (or our identity was read again) while the file was being made: nothing was signed.
    if (error instanceof OfficeKeyWipedError) return err('office-key-wiped', KEY_WIPED);
    throw error;
  }
}
