import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { fingerprintOf, type TrustStore } from '@shared/offices/trust-store';
import { err, ok, type Result } from '@shared/result';
import type { VaultDb } from '../vault/vault-db';
import { vaultWrite } from '../vault/vault-write';
import {
  officeOversightRecordSchema,
  type OfficeOversightBody,
  type OfficePeriodReportSent,
  type OfficeRecommendation,
} from './office-oversight-records';

/** What this office holds about its oversight body: who it is, the reports sent, the recommendations received. */
export type OfficeOversight = {
  readonly body: OfficeOversightBody | null;
  /** Newest first. */
  readonly reportsSent: readonly OfficePeriodReportSent[];
  /** Newest first. */
  readonly recommendations: readonly OfficeRecommendation[];
};

/**
 * Reads the office's records of the `oversight` table. A desk's records (other types) are not ours and are left
 * out; so is a row that does not parse (the vault's corruption report names damaged rows).
 */
export async function loadOfficeOversight(db: VaultDb): Promise<OfficeOversight> {
  const rows: unknown[] = await db.oversight.toArray();
  let body: OfficeOversightBody | null = null;
  const reportsSent: OfficePeriodReportSent[] = [];
  const recommendations: OfficeRecommendation[] = [];
  for (const row of rows) {
    const parsed = officeOversightRecordSchema.safeParse(row);
    if (!parsed.success) continue;
    const record = parsed.data;
    if (record.type === 'office-oversight-body') {
      if (body === null || record.chosenAt > body.chosenAt) body = record;
    } else if (record.type === 'office-period-report-sent') reportsSent.push(record);
    else recommendations.push(record);
  }
  reportsSent.sort((a, b) => b.sentAt - a.sentAt);
  recommendations.sort((a, b) => b.receivedAt - a.receivedAt);
  return { body, reportsSent, recommendations };
}

/** Open recommendations (not answered yet), earliest answer-by date first. */
export function openRecommendations(oversight: OfficeOversight): OfficeRecommendation[] {
  return oversight.recommendations
    .filter((record) => record.answer === null)
    .sort((a, b) => Date.parse(a.answerBy) - Date.parse(b.answerBy));
}

/**
 * The oversight body as it stands in the trust store: chosen, and still a verified partner (a revoked key is no
 * longer anyone's oversight body here).
 */
export function verifiedOversightBody(oversight: OfficeOversight, trust: TrustStore) {
  const body = oversight.body;
  if (!body) return null;
  const partner = Object.hasOwn(trust, body.signingKey) ? trust[body.signingKey] : undefined;
  return partner?.state === 'verified' ? { record: body, partner } : null;
}

export type ChooseBodyError = 'not-verified' | 'not-administrator' | 'storage-full' | 'write-failed';

/**
 * Marks one partner as this office's oversight body, replacing an earlier choice. Only an administrator chooses,
 * and only a partner whose key-card fingerprint a person compared (state verified).
 */
export async function chooseOversightBody(
  db: VaultDb,
  kit: CryptoKit,
  trust: TrustStore,
  choice: { readonly signingKey: string; readonly by: string; readonly isAdministrator: boolean; readonly now: number },
): Promise<Result<OfficeOversightBody, ChooseBodyError>> {
  if (!choice.isAdministrator)
    return err('not-administrator', 'Only an administrator chooses the office’s oversight body.');
  const partner = Object.hasOwn(trust, choice.signingKey) ? trust[choice.signingKey] : undefined;
  if (!partner || partner.state !== 'verified')
    return err('not-verified', 'Compare this office’s fingerprint and mark it verified before choosing it.');
  const current = await loadOfficeOversight(db);
  const record: OfficeOversightBody = {
    id: current.body?.id ?? crypto.randomUUID(),
    recordedAt: choice.now,
    type: 'office-oversight-body',
    signingKey: choice.signingKey,
    officeName: partner.card.card.name,
    fingerprint: formatFingerprint(fingerprintOf(kit, partner.card)),
    chosenAt: choice.now,
    chosenBy: choice.by,
  };
  const written = await vaultWrite(db, [db.oversight], async () => {
    await db.oversight.put({ ...record });
  });
  if (written.ok) return ok(record);
  return err(written.error.code === 'storage-full' ? 'storage-full' : 'write-failed', written.error.message);
}
