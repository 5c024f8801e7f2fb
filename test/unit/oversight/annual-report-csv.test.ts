import { describe, expect, it } from 'vitest';
import { buildAnnualReport, type CountedRecommendation } from '@shared/oversight/annual-report';
import { annualReportToCsv, type AnnualReportLabels } from '@shared/oversight/annual-report-csv';
import type { PeriodCounts } from '@shared/oversight/combine-period-counts';

const YEAR = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
const report = (office: string, fr: number): PeriodCounts => ({
  officeKey: office,
  period: YEAR,
  tables: {
    'requests-sent-by-partner': [{ key: 'FR', count: fr }],
    'requests-sent-by-legal-basis': [{ key: 'gdpr-61', count: fr }],
  },
});
const rec = (officeName: string, answered: boolean): CountedRecommendation => ({
  officeName,
  findingTypes: ['notice-late'],
  issuedAt: '2026-09-01T00:00:00.000Z',
  answered,
});
const labels: AnnualReportLabels = {
  table: (id) => `T:${id}`,
  key: (_table, key) => `K:${key}`,
  span: (id) => `S:${id}`,
  publication: (kind) => `P:${kind}`,
  findingType: (type) => `F:${type}`,
  recommendationTable: (id) => `R:${id}`,
};

function csvOf(reports: readonly PeriodCounts[], recs: readonly CountedRecommendation[]): string[][] {
  const built = buildAnnualReport(2026, reports, recs);
  if (!built.ok) throw new Error(built.error.message);
  const csv = annualReportToCsv(built.value, labels, 'Board, of Oversight', '2027-01-15T09:00:00.000Z');
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(0, -2).split('\r\n').map(fields);
}

/** One CSV line's fields (no field below holds a line break, so lines split safely). */
function fields(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest !== '') {
    const quoted = /^"((?:[^"]|"")*)"(?:,|$)/.exec(rest);
    const plain = /^([^,]*)(?:,|$)/.exec(rest);
    const match = quoted ?? plain;
    if (match === null) throw new Error(`not CSV: ${line}`);
    out.push(quoted ? (match[1] ?? '').replaceAll('""', '"') : (match[1] ?? ''));
    rest = rest.slice(match[0].length);
  }
  return out;
}

describe('the annual report as CSV', () => {
  it('heads with the body and the year, prints the combined tables suppressed after combining, then the recommendations', () => {
    // FR: 3 + 4 = 7 once combined (each office alone is under the threshold).
    const rows = csvOf(
      [report('a', 3), report('b', 4)],
      [...Array.from({ length: 6 }, (_, i) => rec('Office A', i < 2)), rec('=SUM(A1)', true)],
    );
    expect(rows[0]).toEqual(['Casebridge transparency report', 'Board, of Oversight']);
    expect(rows[1]).toEqual(['Period', '2026', YEAR.from, YEAR.to]);
    expect(rows[2]).toEqual(['Publication', 'public', 'P:public']);
    expect(rows[3]).toEqual(['Generated', '2027-01-15T09:00:00.000Z']);
    expect(rows).toContainEqual(['T:requests-sent-by-partner', 'requests-sent-by-partner', 'K:FR', 'FR', '7']);
    expect(rows).toContainEqual(['T:requests-sent-by-partner', 'requests-sent-by-partner', 'Total', 'total', '7']);
    // No stage durations: they cannot be combined from counts, so the annual file has no stage block.
    expect(rows.some((row) => row[0] === 'stage')).toBe(false);

    const recommendations = rows.slice(rows.findIndex((row) => row[0] === 'recommendation table'));
    expect(recommendations[0]).toEqual(['recommendation table', 'table code', 'category', 'category code', 'count']);
    const table = (id: string) => recommendations.filter((row) => row[1] === id).map((row) => row.slice(2));
    // Office A issued 6, the other office 1 (<5); 6 with a total of 7 would give the 1 away, so 6 is withheld (x).
    // Answered: 2 and 1, all under the threshold. The formula-like office name is defused with an apostrophe.
    expect(table('issuedByOffice')).toEqual([
      ["'=SUM(A1)", "'=SUM(A1)", '<5'],
      ['Office A', 'Office A', 'x'],
      ['Total', 'total', '7'],
    ]);
    expect(table('answeredByOffice')).toEqual([
      ["'=SUM(A1)", "'=SUM(A1)", '<5'],
      ['Office A', 'Office A', '<5'],
      ['Total', 'total', '<5'],
    ]);
    expect(table('issuedByFindingType')).toEqual([
      ['F:notice-late', 'notice-late', '7'],
      ['Total', 'total', '7'],
    ]);
    expect(table('answeredByFindingType')).toEqual([
      ['F:notice-late', 'notice-late', '<5'],
      ['Total', 'total', '<5'],
    ]);
    expect(
      recommendations.every((row) => row.length === 0 || row[0]?.startsWith('R:') || row[0] === 'recommendation table'),
    ).toBe(true);
  });

  it('a year with nothing reported still writes the header and the recommendation tables, their totals under the threshold', () => {
    const rows = csvOf([], []);
    expect(rows[1]).toEqual(['Period', '2026', YEAR.from, YEAR.to]);
    expect(rows.filter((row) => row[2] === 'Total' && row[0]?.startsWith('R:')).map((row) => row[4])).toEqual([
      '<5',
      '<5',
      '<5',
      '<5',
    ]);
  });
});
