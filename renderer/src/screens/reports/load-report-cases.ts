import { parseStoredCaseRecord } from '@shared/domain/stored-case-schema';
import type { ReportableCase } from '@shared/reports/transparency-report';
import type { VaultDb } from '../../vault/vault-db';

export type ReportCases = { readonly cases: readonly ReportableCase[]; readonly unreadable: number };

/** Every case in the vault, parsed; records that fail the schema are counted, never guessed at. */
export async function loadReportCases(db: VaultDb): Promise<ReportCases> {
  const cases: ReportableCase[] = [];
  let unreadable = 0;
  for (const untrusted of await db.cases.toArray()) {
    const parsed = parseStoredCaseRecord(untrusted);
    if (parsed.success) cases.push(parsed.data);
    else unreadable++;
  }
  return { cases, unreadable };
}
