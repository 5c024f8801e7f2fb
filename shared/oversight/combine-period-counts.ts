import { err, ok, type Result } from '../result';
import type { ReportPeriod } from '../reports/report-period';
import { MIN_SUPPRESSION_THRESHOLD, type CountCell } from '../reports/suppress-table';
import {
  LINKED_TABLES,
  publishReportTables,
  REPORT_TABLES,
  type ReportCounts,
  type ReportTable,
  type ReportTableId,
} from '../reports/transparency-report';

/** One office's true counts for one period, as it sends them to its oversight body (never published as they are). */
export type PeriodCounts = {
  /** The office's signing key (hex): who the counts are from, whatever the office calls itself. */
  readonly officeKey: string;
  readonly period: Pick<ReportPeriod, 'from' | 'to'>;
  readonly tables: ReportCounts;
};

export type CombinedCounts = {
  readonly offices: readonly string[];
  /** From the earliest period's start to the latest one's end. */
  readonly span: { readonly from: string; readonly to: string } | null;
  readonly threshold: number;
  /** Every table, suppressed only after the offices' counts were added up. */
  readonly tables: readonly ReportTable[];
};

export type CombineError = 'COMBINE_BAD_COUNT' | 'COMBINE_OVERLAP' | 'COMBINE_LINKED_MISMATCH';

/**
 * Adds up several offices' (and periods') true counts, cell by cell, and only then protects the combined tables
 * against small counts with the transparency report's own suppression (`publishReportTables`: primary and
 * secondary suppression, linked tables together). A count under the threshold at one office is published when the
 * combined count reaches it. The same office twice over overlapping periods would count cases twice: refused.
 */
export function combinePeriodCounts(
  reports: readonly PeriodCounts[],
  threshold = MIN_SUPPRESSION_THRESHOLD,
): Result<CombinedCounts, CombineError> {
  for (const [i, a] of reports.entries()) {
    for (const b of reports.slice(i + 1)) {
      const overlap =
        Date.parse(a.period.from) < Date.parse(b.period.to) && Date.parse(b.period.from) < Date.parse(a.period.to);
      if (a.officeKey === b.officeKey && overlap)
        return err(
          'COMBINE_OVERLAP',
          `Two reports of one office cover overlapping periods (${a.period.from} to ${a.period.to} and ${b.period.from} to ${b.period.to}); its cases would be counted twice. Keep one of them.`,
        );
    }
  }
  const sums = new Map<ReportTableId, Map<string, number>>(REPORT_TABLES.map((id) => [id, new Map()]));
  for (const report of reports) {
    for (const id of REPORT_TABLES) {
      for (const cell of report.tables[id] ?? []) {
        if (!Number.isInteger(cell.count) || cell.count < 0)
          return err('COMBINE_BAD_COUNT', `A count in table ${id} is not a whole number of zero or more.`);
        const cells = sums.get(id);
        cells?.set(cell.key, (cells.get(cell.key) ?? 0) + cell.count);
      }
    }
    for (const group of LINKED_TABLES) {
      const totals = group.map((id) => (report.tables[id] ?? []).reduce((sum, cell) => sum + cell.count, 0));
      if (totals.some((total) => total !== totals[0]))
        return err(
          'COMBINE_LINKED_MISMATCH',
          `An office's tables ${group.join(' and ')} count the same cases but do not add up to the same total; ask it for a new report.`,
        );
    }
  }
  const counts: Partial<Record<ReportTableId, CountCell[]>> = {};
  for (const [id, cells] of sums)
    counts[id] = [...cells]
      .filter(([, count]) => count > 0)
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => a.key.localeCompare(b.key));
  const froms = reports.map((r) => r.period.from).sort();
  const tos = reports.map((r) => r.period.to).sort();
  const from = froms[0];
  const to = tos.at(-1);
  return ok({
    offices: [...new Set(reports.map((r) => r.officeKey))].sort(),
    span: from !== undefined && to !== undefined ? { from, to } : null,
    threshold,
    tables: publishReportTables(counts, threshold),
  });
}
