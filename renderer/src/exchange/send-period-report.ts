import { buildBundle } from '@shared/bundle/build-bundle';
import type { PayloadBody } from '@shared/bundle/bundle-payloads';
import { toHex } from '@shared/bytes/bytes';
import { nextSequence, sentLedgerEntry } from '@shared/exchange/ledger-entry';
import { bundleFileName } from '@shared/exchange/transmittal-slip';
import type { TrustStore } from '@shared/offices/trust-store';
import type { ReportPeriod } from '@shared/reports/report-period';
import {
  countReportTables,
  REPORT_TABLES,
  type ReportableCase,
  type ReportTableId,
} from '@shared/reports/transparency-report';
import { err, ok, type Result } from '@shared/result';
import { writeBundleFile, type ExportProgress } from '../bundle-io/write-bundle-file';
import { commitExchange } from './exchange-commit';
import type { ExchangeDeps } from './exchange-deps';
import { BUNDLE_VALIDITY_MS } from './export-case';
import { loadLedger } from './ledger-store';
import type { OfficePeriodReportSent } from '../oversight/office-oversight-records';
import { loadOfficeOversight, verifiedOversightBody } from '../oversight/office-oversight-store';

/** The name the signed audit export travels under inside the bundle. */
export const AUDIT_EXPORT_NAME = 'oversight-audit-export.json';

export type PeriodReportRequest = {
  readonly period: ReportPeriod;
  /** Every case in the vault (the counts pick the period's own). */
  readonly cases: readonly ReportableCase[];
  /** The signed oversight audit export of the same period (`buildOversightFile`). */
  readonly auditExport: Uint8Array;
  readonly folderToken: string;
};

export type PeriodReportError = 'no-oversight-body' | string;

/**
 * Sends the office's period report to its oversight body: the true counts of the public report's tables (no
 * suppression: the body is entitled to them, and suppresses only after combining offices) in a signed, encrypted
 * `period-report` bundle addressed to the body, with the signed audit export of the period as its one attachment.
 * The file is written to the chosen folder (atomic, read back); then, in ONE transaction, the ledger entry and a
 * record stating exactly what was sent (period, each table's total, bundle, export hash, when, by whom).
 */
export async function sendPeriodReport(
  deps: ExchangeDeps,
  trust: TrustStore,
  request: PeriodReportRequest,
  onProgress?: (progress: ExportProgress) => void,
): Promise<Result<OfficePeriodReportSent, PeriodReportError>> {
  const oversight = await loadOfficeOversight(deps.db);
  const body = verifiedOversightBody(oversight, trust);
  if (!body)
    return err(
      'no-oversight-body',
      'No verified oversight body is chosen. An administrator chooses it in Settings → Partner offices.',
    );
  const now = deps.now();
  const tables = countReportTables(request.cases, {
    period: request.period,
    officeJurisdiction: deps.officeJurisdiction,
    now: new Date(now).toISOString(),
  });
  const payload: PayloadBody<'period-report'> = {
    period: { from: request.period.from, to: request.period.to },
    tables: {},
  };
  const totals: Partial<Record<ReportTableId, number>> = {};
  for (const id of REPORT_TABLES) {
    const cells = tables[id];
    if (!cells) continue;
    payload.tables[id] = cells.map((cell) => ({ key: cell.key, count: cell.count }));
    totals[id] = cells.reduce((sum, cell) => sum + cell.count, 0);
  }
  const ledger = await loadLedger(deps.db);
  const bodyKey = body.record.signingKey;
  const sequence = nextSequence(ledger, bodyKey);
  const exportBytes = request.auditExport;
  const written = await writeBundleFile({
    kit: deps.kit,
    writer: deps.shell.exchange,
    folderToken: request.folderToken,
    expectedBytes: exportBytes.length + 64 * 1024,
    fileName: (built) => bundleFileName(built.kind, built.bundleId),
    build: (sink) =>
      buildBundle(
        deps.kit,
        {
          kind: 'period-report',
          body: payload,
          sender: deps.own,
          recipients: [{ card: body.partner.card, sequence }],
          attachments: [
            { name: AUDIT_EXPORT_NAME, mediaType: 'application/json', size: exportBytes.length, bytes: [exportBytes] },
          ],
          createdAt: now,
          notAfter: now + BUNDLE_VALIDITY_MS,
        },
        sink,
      ),
    onProgress,
  });
  if (!written.ok) return written;
  const bodyName = body.partner.card.card.name;
  const entry = sentLedgerEntry(written.value, {
    id: crypto.randomUUID(),
    kind: 'period-report',
    peerKey: bodyKey,
    peerName: bodyName,
    caseId: null,
    caseRef: null,
    sequence,
    recordedAt: deps.now(),
    status: 'sent',
    shared: null,
  });
  const record: OfficePeriodReportSent = {
    id: crypto.randomUUID(),
    recordedAt: entry.recordedAt,
    type: 'office-period-report-sent',
    period: { ...request.period },
    totals,
    bundleId: written.value.built.bundleId,
    fileName: written.value.fileName,
    exportHash: toHex(deps.kit.hash(exportBytes, 32)),
    exportBytes: exportBytes.length,
    bodyKey,
    bodyName,
    sentAt: now,
    sentBy: deps.actor.id,
  };
  const committed = await commitExchange(deps.db, { ledgerPut: [entry], oversightPut: [record] });
  if (!committed.ok)
    return err(
      'written-not-recorded',
      `The report was written to the drive, but recording it failed: ${committed.error.message}`,
    );
  return ok(record);
}
