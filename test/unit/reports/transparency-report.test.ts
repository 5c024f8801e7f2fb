import { describe, expect, it } from 'vitest';
import {
  buildTransparencyReport,
  type ReportTableId,
  type TransparencyReport,
} from '@shared/reports/transparency-report';
import { quarterPeriod, yearPeriod } from '@shared/reports/report-period';
import { formatPublished } from '@shared/reports/suppress-table';
import { median, percentile } from '@shared/reports/percentiles';
import { seededCases } from './seeded-cases';

const report = buildTransparencyReport(seededCases(), {
  period: yearPeriod(2025),
  officeJurisdiction: 'DE',
  now: '2026-02-01T00:00:00.000Z',
});

/** A table as a reader sees it: key → printed value, plus the printed total. */
function printed(r: TransparencyReport, id: ReportTableId) {
  const table = r.tables.find((t) => t.id === id);
  if (!table) throw new Error(id);
  return {
    cells: Object.fromEntries(table.cells.map((c) => [c.key, formatPublished(c.value, r.threshold)])),
    total: formatPublished(table.total, r.threshold),
  };
}

describe('transparency report on the seeded office (figures checked by hand from the quotas in seeded-cases.ts)', () => {
  it('requests sent, by partner and by legal basis', () => {
    expect(printed(report, 'requests-sent-by-partner')).toEqual({
      cells: { AT: 'x', ES: '40', FR: '120', IE: '<5', NL: '80' },
      total: '250',
    });
    expect(printed(report, 'requests-sent-by-legal-basis')).toEqual({
      cells: { 'eio-2014-41': '150', 'epo-2023-1543-5': '90', 'gdpr-61': 'x', mlat: '<5' },
      total: '250',
    });
  });

  it('requests received, by partner and by legal basis', () => {
    expect(printed(report, 'requests-received-by-partner')).toEqual({
      cells: { BE: '<5', FR: '60', NL: 'x' },
      total: '92',
    });
    expect(printed(report, 'requests-received-by-legal-basis')).toEqual({
      cells: { 'gdpr-61': '70', 'led-8': '22' },
      total: '92',
    });
  });

  it('emergency uses and how many lapsed at sunset', () => {
    expect(printed(report, 'emergency-measures')).toEqual({
      cells: { 'in-force': '<5', 'lapsed-at-sunset': 'x' },
      total: '12',
    });
  });

  it('notices issued and deferred, with deferral length', () => {
    expect(printed(report, 'notices-issued')).toEqual({
      cells: { 'after-deferral': '30', 'without-deferral': '200' },
      total: '230',
    });
    expect(printed(report, 'notices-deferred-by-length')).toEqual({
      cells: { '31-to-90-days': '5', 'up-to-30-days': '10' },
      total: '15',
    });
    expect(printed(report, 'notices-withheld-by-ground')).toEqual({ cells: { 'omitted-by-law': '5' }, total: '5' });
  });

  it('challenges by ground, outcomes, remedies ordered and completed', () => {
    expect(printed(report, 'challenges-by-ground')).toEqual({
      cells: { disproportionate: '20', 'excessive-data': '15', 'not-necessary': '15', 'notice-not-given': '5' },
      total: '55',
    });
    expect(printed(report, 'decisions-by-outcome')).toEqual({
      cells: { modified: '10', quashed: '8', upheld: '12' },
      total: '30',
    });
    expect(printed(report, 'remedies-ordered')).toEqual({
      cells: { 'erase-data': '8', 'narrow-scope': '10', 'notify-partner': '8' },
      total: '26',
    });
    expect(printed(report, 'remedies-completed')).toEqual({
      cells: { 'erase-data': 'x', 'narrow-scope': '<5' },
      total: '8',
    });
  });

  it('deadlines met and missed', () => {
    expect(printed(report, 'deadlines')).toEqual({ cells: { met: '225', missed: '25' }, total: '250' });
  });

  it('days per stage: median and 90th percentile, withheld under the threshold', () => {
    const byId = Object.fromEntries(
      report.stageDurations.map((d) => [d.id, [formatPublished(d.cases, 5), d.medianDays, d.p90Days]]),
    );
    expect(byId).toEqual({
      'draft-to-authorised': ['250', 5, 5],
      'authorised-to-request-sent': ['250', 5, 5],
      'request-sent-to-response': ['<5', null, null],
      'request-sent-to-first-notice': ['230', 7, 40],
      'notice-to-challenge': ['<5', null, null],
      'challenge-to-decision': ['30', 40, 40],
      'decision-to-closed': ['<5', null, null],
    });
  });

  it('counts nothing outside the period', () => {
    const q = buildTransparencyReport(seededCases(), {
      period: quarterPeriod(2024, 2),
      officeJurisdiction: 'DE',
      now: '2026-02-01T00:00:00.000Z',
    });
    expect(printed(q, 'requests-sent-by-partner')).toEqual({ cells: { FR: '30' }, total: '30' });
    expect(printed(q, 'decisions-by-outcome')).toEqual({ cells: {}, total: '<5' });
  });

  it('contains no names, contacts or free text: only codes and numbers', () => {
    const json = JSON.stringify(report);
    for (const word of ['imminent risk', 'ongoing investigation', 'see file', 'cw-1', 'ro-1'])
      expect(json).not.toContain(word);
  });

  it('every published table is consistent: shown counts never exceed the total', () => {
    for (const table of report.tables) {
      if (table.total.kind !== 'count') continue;
      const shown = table.cells.reduce((sum, c) => sum + (c.value.kind === 'count' ? c.value.count : 0), 0);
      expect(shown).toBeLessThanOrEqual(table.total.count);
    }
  });

  it('cannot lower the threshold, can raise it', () => {
    expect(() =>
      buildTransparencyReport([], {
        period: yearPeriod(2025),
        officeJurisdiction: 'DE',
        now: '2026-01-01T00:00:00Z',
        threshold: 3,
      }),
    ).toThrow();
    const strict = buildTransparencyReport(seededCases(), {
      period: yearPeriod(2025),
      officeJurisdiction: 'DE',
      now: '2026-02-01T00:00:00.000Z',
      threshold: 10,
    });
    expect(printed(strict, 'emergency-measures').cells['in-force']).toBe('<10');
  });
});

describe('which reports may be published', () => {
  const at = (period: Parameters<typeof buildTransparencyReport>[1]['period'], now = '2026-02-01T00:00:00.000Z') =>
    buildTransparencyReport(seededCases(), { period, officeJurisdiction: 'DE', now }).publication;

  it('a whole quarter or year that has ended is public', () => {
    expect(at(yearPeriod(2025))).toBe('public');
    expect(at(quarterPeriod(2025, 4))).toBe('public');
  });

  it('a custom range, or a quarter or year still running, is internal: two of them subtract to single cases', () => {
    const custom = {
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-03-06T00:00:00.000Z',
      label: '2025-01-01 – 2025-03-05',
    };
    expect(at(custom)).toBe('internal');
    expect(at({ ...custom, to: '2025-04-01T00:00:00.000Z' }, '2025-04-01T00:00:00.000Z')).toBe('public');
    expect(at({ ...custom, from: '2025-01-02T00:00:00.000Z', to: '2025-04-02T00:00:00.000Z' })).toBe('internal');
    expect(at(yearPeriod(2026))).toBe('internal');
    expect(at(quarterPeriod(2025, 4), '2025-12-31T23:59:59.000Z')).toBe('internal');
  });
});

describe('days per stage with few cases', () => {
  const DAY = 86_400_000;
  /** Requests sent in March 2025, each the given number of days after it was authorised. */
  const requests = (gaps: readonly number[]) =>
    gaps.map((gap, i) => {
      const base = seededCases()[0];
      if (!base?.request) throw new Error('the seeded office starts with a sent request');
      const sentAt = Date.UTC(2025, 2, 1 + i);
      return {
        ...base,
        authorisation: { by: 'cw-1', at: new Date(sentAt - gap * DAY).toISOString(), secondPerson: false },
        request: { ...base.request, sentAt: new Date(sentAt).toISOString() },
      };
    });
  const stage = (gaps: readonly number[]) =>
    buildTransparencyReport(requests(gaps), {
      period: yearPeriod(2025),
      officeJurisdiction: 'DE',
      now: '2026-02-01T00:00:00.000Z',
    }).stageDurations.find((d) => d.id === 'authorised-to-request-sent');

  it('withholds the 90th percentile under 10 cases: it would be the slowest case exactly', () => {
    expect(stage([1.25, 2, 3, 4, 17.5])).toMatchObject({ cases: { kind: 'count', count: 5 }, p90Days: null });
    expect(stage([1, 2, 3, 4, 5, 6, 7, 8, 30.5])?.p90Days).toBeNull();
  });

  it('gives whole days, never a case’s duration to the hour', () => {
    expect(stage([1.25, 2.4, 3.3, 4, 17.5])?.medianDays).toBe(3);
    expect(stage([1, 2, 3, 4, 5, 6, 7, 8, 9.3, 30.5])).toMatchObject({ medianDays: 6, p90Days: 9 });
  });
});

describe('percentiles', () => {
  it('median and nearest-rank p90', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([7], 0.9)).toBe(7);
  });
});
