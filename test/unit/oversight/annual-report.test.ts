import { describe, expect, it } from 'vitest';
import { buildAnnualReport, type CountedRecommendation } from '@shared/oversight/annual-report';
import type { PeriodCounts } from '@shared/oversight/combine-period-counts';
import type { ReportTable } from '@shared/reports/transparency-report';

const H1 = { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' };
const H2 = { from: '2026-07-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
const sent = (office: string, period: typeof H1, fr: number, nl: number): PeriodCounts => {
  const cells = [...(fr > 0 ? [{ key: 'FR', count: fr }] : []), ...(nl > 0 ? [{ key: 'NL', count: nl }] : [])];
  return {
    officeKey: office,
    period,
    tables: {
      'requests-sent-by-partner': cells,
      'requests-sent-by-legal-basis': [{ key: 'gdpr-61', count: fr + nl }],
    },
  };
};
const rec = (officeName: string, answered: boolean, issuedAt = '2026-09-01T00:00:00.000Z'): CountedRecommendation => ({
  officeName,
  findingTypes: ['notice-late', 'notice-late'],
  issuedAt,
  answered,
});
const table = (tables: readonly ReportTable[], id: ReportTable['id']) => tables.find((t) => t.id === id);

describe('the annual report', () => {
  it('adds the year’s period reports of every office, then suppresses; later years and their recommendations stay out', () => {
    const reports = [
      sent('a', H1, 3, 0),
      sent('a', H2, 1, 0),
      sent('b', H1, 2, 6),
      sent('c', { from: '2027-01-01T00:00:00.000Z', to: '2027-07-01T00:00:00.000Z' }, 9, 9),
    ];
    const recs = [
      ...Array.from({ length: 5 }, (_, i) => rec('Office A', i < 3)),
      rec('Office A', true, '2027-02-01T00:00:00.000Z'),
    ];
    const result = buildAnnualReport(2026, reports, recs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.reportsCombined).toBe(3);
    // By hand: FR 3 + 1 + 2 = 6 (each under 5 alone), NL 6; total 12.
    expect(table(result.value.combined.tables, 'requests-sent-by-partner')).toMatchObject({
      cells: [
        { key: 'FR', value: { kind: 'count', count: 6 } },
        { key: 'NL', value: { kind: 'count', count: 6 } },
      ],
      total: { kind: 'count', count: 12 },
    });
    const r = result.value.recommendations;
    expect(r.issuedByOffice.cells).toEqual([{ key: 'Office A', value: { kind: 'count', count: 5 } }]);
    expect(r.answeredByOffice.total).toEqual({ kind: 'below-threshold' });
    // Two findings of one type in a recommendation count once.
    expect(r.issuedByFindingType.cells).toEqual([{ key: 'notice-late', value: { kind: 'count', count: 5 } }]);
  });

  it('refuses two overlapping reports of one office', () => {
    const result = buildAnnualReport(2026, [sent('a', H1, 5, 0), sent('a', { ...H1, to: H2.to }, 5, 0)], []);
    expect(result.ok ? '' : result.error.code).toBe('COMBINE_OVERLAP');
  });
});
