import { csvField, reportToCsv, type ReportLabels } from '../reports/report-csv';
import { formatPublished, type PublishedTable } from '../reports/suppress-table';
import type { AnnualReport } from './annual-report';

export type AnnualReportLabels = ReportLabels & {
  readonly findingType: (type: string) => string;
  readonly recommendationTable: (id: keyof AnnualReport['recommendations']) => string;
};

/**
 * The annual report as one CSV: the combined tables exactly as the Reports screen's CSV writes them (no stage
 * durations: they cannot be combined from counts), then the recommendation tables, suppressed cells as "<t" or "x".
 */
export function annualReportToCsv(
  report: AnnualReport,
  labels: AnnualReportLabels,
  bodyName: string,
  generatedAt: string,
): string {
  const base = reportToCsv(
    {
      period: { ...report.period, label: `${report.year}` },
      officeJurisdiction: '',
      threshold: report.combined.threshold,
      generatedAt,
      tables: report.combined.tables,
      stageDurations: [],
      publication: 'public',
    },
    labels,
    bodyName,
  );
  const t = report.combined.threshold;
  const rows: string[][] = [[], ['recommendation table', 'table code', 'category', 'category code', 'count']];
  const add = (id: keyof AnnualReport['recommendations'], table: PublishedTable, label: (key: string) => string) => {
    for (const cell of table.cells)
      rows.push([labels.recommendationTable(id), id, label(cell.key), cell.key, formatPublished(cell.value, t)]);
    rows.push([labels.recommendationTable(id), id, 'Total', 'total', formatPublished(table.total, t)]);
  };
  const r = report.recommendations;
  add('issuedByOffice', r.issuedByOffice, (key) => key);
  add('answeredByOffice', r.answeredByOffice, (key) => key);
  add('issuedByFindingType', r.issuedByFindingType, labels.findingType);
  add('answeredByFindingType', r.answeredByFindingType, labels.findingType);
  return base + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
