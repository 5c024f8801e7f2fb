import { formatPublished } from './suppress-table';
import type { ReportTableId, StageSpanId, TransparencyReport } from './transparency-report';

export type ReportLabels = {
  table(id: ReportTableId): string;
  key(table: ReportTableId, key: string): string;
  span(id: StageSpanId): string;
  /** "Internal — not for publication" or "For publication: …", in the interface language. */
  publication(kind: TransparencyReport['publication']): string;
};

/**
 * RFC 4180 field: quoted when it holds a comma, quote or line break. A field a spreadsheet could run gets a leading
 * apostrophe: one starting with tab or CR, or whose first character after blanks (spaces, no-break and zero-width
 * ones) is = + - @ or | (DDE) — read after NFKC, because spreadsheets fold full-width "＝" onto "=".
 */
export function csvField(value: string): string {
  const defused = startsFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

function startsFormula(value: string): boolean {
  if (/^[\t\r]/.test(value)) return true;
  const significant = value.normalize('NFKC').replace(/^[\p{White_Space}\p{Cf}]+/u, '');
  return /^[=+\-@|]/.test(significant);
}

/**
 * The whole report as one CSV (UTF-8, CRLF): a header block stating period, whether it may be published, and the
 * suppression rule, then
 * one row per published cell and total, then the stage durations (if any). Suppressed cells print as "<t" or "x".
 */
export function reportToCsv(report: TransparencyReport, labels: ReportLabels, officeName: string): string {
  const t = report.threshold;
  const rows: string[][] = [
    ['Casebridge transparency report', officeName],
    ['Period', report.period.label, report.period.from, report.period.to],
    // Right under the period, so a file passed on still says whether it may be published.
    ['Publication', report.publication, labels.publication(report.publication)],
    ['Generated', report.generatedAt],
    [
      'Suppression',
      `counts below ${t} are shown as <${t}; x marks a count withheld so that a small count cannot be worked out from the total`,
    ],
    [],
    ['table', 'table code', 'category', 'category code', 'count'],
  ];
  for (const table of report.tables) {
    for (const cell of table.cells) {
      rows.push([
        labels.table(table.id),
        table.id,
        labels.key(table.id, cell.key),
        cell.key,
        formatPublished(cell.value, t),
      ]);
    }
    rows.push([labels.table(table.id), table.id, 'Total', 'total', formatPublished(table.total, t)]);
  }
  // The annual report combines counts only, so it has no stage durations and no stage block.
  if (report.stageDurations.length > 0)
    rows.push([], ['stage', 'stage code', 'cases', 'median days', '90th percentile days']);
  for (const d of report.stageDurations) {
    rows.push([
      labels.span(d.id),
      d.id,
      formatPublished(d.cases, t),
      d.medianDays?.toString() ?? '',
      d.p90Days?.toString() ?? '',
    ]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
