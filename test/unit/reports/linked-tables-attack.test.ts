import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yearPeriod } from '@shared/reports/report-period';
import {
  buildTransparencyReport,
  type ReportableCase,
  type ReportTableId,
  type TransparencyReport,
} from '@shared/reports/transparency-report';
import { linkedCandidates, type SeenTable } from './linked-attacker';
import { sentRequest } from './sent-request';

/**
 * The report as a whole against a reader who combines every table over the same cases: requests sent by partner
 * and by legal basis count the same requests, and "authorised to request sent" counts them once more.
 */

const build = (cases: readonly ReportableCase[]) =>
  buildTransparencyReport(cases, { period: yearPeriod(2025), officeJurisdiction: 'DE', now: '2026-02-01T00:00:00Z' });

function seen(report: TransparencyReport, id: ReportTableId): SeenTable {
  const table = report.tables.find((t) => t.id === id);
  if (!table) throw new Error(id);
  return table;
}

/** Checks that no hidden cell of the requests-sent tables, nor their total if hidden, has a single candidate. */
function expectNothingPinned(cases: readonly ReportableCase[]) {
  const report = build(cases);
  const tables = [seen(report, 'requests-sent-by-partner'), seen(report, 'requests-sent-by-legal-basis')];
  const stage = report.stageDurations.find((d) => d.id === 'authorised-to-request-sent')?.cases;
  const known = stage?.kind === 'count' ? [stage.count] : [];
  const found = linkedCandidates(tables, report.threshold, cases.length + 2 * report.threshold, known);
  const truth = [
    (key: string) => cases.filter((c) => c.partnerJurisdiction === key).length,
    (key: string) => cases.filter((c) => c.legalBasis.code === key).length,
  ];
  found.cells.forEach((map, j) => {
    for (const [key, values] of map) {
      expect(values.has(truth[j]?.(key) ?? -1), `${key} truth among candidates`).toBe(true);
      expect([...values], `${key} can be worked out`).not.toHaveLength(1);
    }
  });
  // An empty table gives away that nothing happened, which identifies no one; any other hidden total must stay open.
  if (cases.length > 0 && tables[0]?.total.kind !== 'count')
    expect([...found.total], 'total can be worked out').not.toHaveLength(1);
}

describe('tables over the same cases, read together', () => {
  it('4 FR and 4 NL requests under one legal basis: no hidden count can be recovered', () => {
    const cases = [
      ...[1, 2, 3, 4].map((d) => sentRequest('FR', 'gdpr-61', d)),
      ...[5, 6, 7, 8].map((d) => sentRequest('NL', 'gdpr-61', d)),
    ];
    expectNothingPinned(cases);
  });

  it('property: for any requests, partner + legal basis + stage count pin no hidden cell (brute-force attacker)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('FR', 'NL', 'AT', 'IE'), fc.constantFrom('eio-2014-41', 'gdpr-61', 'mlat')), {
          maxLength: 18,
        }),
        (requests) => expectNothingPinned(requests.map(([p, b], i) => sentRequest(p, b, i))),
      ),
      { numRuns: 300 },
    );
  });
});
