import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combinePeriodCounts, type PeriodCounts } from '@shared/oversight/combine-period-counts';
import { yearPeriod } from '@shared/reports/report-period';
import {
  countReportTables,
  publishReportTables,
  type ReportTable,
  type ReportTableId,
} from '@shared/reports/transparency-report';
import { linkedCandidates } from '../reports/linked-attacker';
import { sentRequest } from '../reports/sent-request';

const YEAR = yearPeriod(2025);

/** One office's true counts for 2025, counted by the transparency report's own counting. */
function officeCounts(officeKey: string, requests: readonly (readonly [string, string])[]): PeriodCounts {
  const cases = requests.map(([partner, basis], i) => sentRequest(partner, basis, i));
  return {
    officeKey,
    period: YEAR,
    tables: countReportTables(cases, { period: YEAR, officeJurisdiction: 'DE', now: '2026-02-01T00:00:00Z' }),
  };
}

const repeat = (n: number, partner: string, basis = 'gdpr-61') =>
  Array.from({ length: n }, () => [partner, basis] as const);

function table(tables: readonly ReportTable[], id: ReportTableId): ReportTable {
  const found = tables.find((t) => t.id === id);
  if (!found) throw new Error(id);
  return found;
}

const cell = (t: ReportTable, key: string) => t.cells.find((c) => c.key === key)?.value;

describe('combining offices, then suppressing', () => {
  const a = officeCounts('office-a', [...repeat(3, 'FR'), ...repeat(6, 'NL')]);
  const b = officeCounts('office-b', [...repeat(4, 'FR'), ...repeat(5, 'NL')]);

  it('publishes a count under the threshold at each office once the combined count reaches it', () => {
    // Each office on its own would show "<5" for France.
    for (const office of [a, b])
      expect(cell(table(publishReportTables(office.tables, 5), 'requests-sent-by-partner'), 'FR')).toEqual({
        kind: 'below-threshold',
      });
    const combined = combinePeriodCounts([a, b]);
    expect(combined.ok).toBe(true);
    if (!combined.ok) return;
    const byPartner = table(combined.value.tables, 'requests-sent-by-partner');
    expect(byPartner.cells).toEqual([
      { key: 'FR', value: { kind: 'count', count: 7 } },
      { key: 'NL', value: { kind: 'count', count: 11 } },
    ]);
    expect(byPartner.total).toEqual({ kind: 'count', count: 18 });
    expect(table(combined.value.tables, 'requests-sent-by-legal-basis').total).toEqual({ kind: 'count', count: 18 });
    expect(combined.value.offices).toEqual(['office-a', 'office-b']);
    expect(combined.value.span).toEqual({ from: YEAR.from, to: YEAR.to });
  });

  it('still suppresses a combined count under the threshold, and what would give it away', () => {
    const c = officeCounts('office-c', [...repeat(1, 'AT'), ...repeat(8, 'NL')]);
    const d = officeCounts('office-d', [...repeat(2, 'AT'), ...repeat(9, 'NL')]);
    const combined = combinePeriodCounts([c, d]);
    if (!combined.ok) throw new Error(combined.error.message);
    const byPartner = table(combined.value.tables, 'requests-sent-by-partner');
    expect(cell(byPartner, 'AT')).toEqual({ kind: 'below-threshold' });
    // NL 17 shown with the total 20 would give AT = 3 away: one of them is withheld.
    expect([cell(byPartner, 'NL')?.kind, byPartner.total.kind]).toContain('withheld');
  });

  it('adds one office’s consecutive periods, and refuses the same office twice over one period', () => {
    const q1 = { ...a, period: { from: '2025-01-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' } };
    const q2 = {
      ...b,
      officeKey: 'office-a',
      period: { from: '2025-04-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' },
    };
    expect(combinePeriodCounts([q1, q2]).ok).toBe(true);
    expect(combinePeriodCounts([a, { ...b, officeKey: 'office-a' }])).toMatchObject({
      ok: false,
      error: { code: 'COMBINE_OVERLAP' },
    });
  });

  it('refuses counts that are not whole numbers, and linked tables that do not count the same cases', () => {
    const negative = { ...a, tables: { ...a.tables, 'emergency-measures': [{ key: 'in-force', count: -1 }] } };
    expect(combinePeriodCounts([negative])).toMatchObject({ ok: false, error: { code: 'COMBINE_BAD_COUNT' } });
    const mismatched = {
      ...a,
      tables: { ...a.tables, 'requests-sent-by-legal-basis': [{ key: 'gdpr-61', count: 2 }] },
    };
    expect(combinePeriodCounts([mismatched])).toMatchObject({
      ok: false,
      error: { code: 'COMBINE_LINKED_MISMATCH' },
    });
  });

  it('property: on the combined tables, a brute-force attacker pins no hidden cell nor a hidden total', () => {
    const request = fc.tuple(
      fc.constantFrom('FR', 'NL', 'AT', 'IE'),
      fc.constantFrom('eio-2014-41', 'gdpr-61', 'mlat'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(request, { maxLength: 7 }), { minLength: 2, maxLength: 3 }), (offices) => {
        const reports = offices.map((requests, i) => officeCounts(`office-${i}`, requests));
        const combined = combinePeriodCounts(reports);
        if (!combined.ok) throw new Error(combined.error.message);
        const seen = [
          table(combined.value.tables, 'requests-sent-by-partner'),
          table(combined.value.tables, 'requests-sent-by-legal-basis'),
        ];
        const all = offices.flat();
        const found = linkedCandidates(seen, combined.value.threshold, all.length + 2 * combined.value.threshold);
        const truth = [
          (key: string) => all.filter(([partner]) => partner === key).length,
          (key: string) => all.filter(([, basis]) => basis === key).length,
        ];
        found.cells.forEach((map, j) => {
          for (const [key, values] of map) {
            expect(values.has(truth[j]?.(key) ?? -1), `${key}: the truth is among the candidates`).toBe(true);
            expect([...values], `${key} can be worked out`).not.toHaveLength(1);
          }
        });
        if (all.length > 0 && seen[0]?.total.kind !== 'count')
          expect([...found.total], 'the total can be worked out').not.toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
