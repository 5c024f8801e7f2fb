import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPublished,
  linkedWithheldRanges,
  suppressLinkedTables,
  suppressTable,
  withheldRanges,
  type PublishedTable,
} from '@shared/reports/suppress-table';
import { linkedCandidates } from './linked-attacker';

const table = (...counts: number[]) => counts.map((count, i) => ({ key: `k${i}`, count }));
const shown = (t: PublishedTable) => t.cells.map((c) => formatPublished(c.value, t.threshold));

describe('small-count suppression', () => {
  it('shows small cells as <5 and protects a lone one with a secondary cell', () => {
    const published = suppressTable(table(12, 3, 40, 9));
    expect(shown(published)).toEqual(['12', '<5', '40', 'x']);
    expect(published.total).toEqual({ kind: 'count', count: 64 });
  });

  it('leaves tables without small cells alone', () => {
    expect(shown(suppressTable(table(12, 30, 5)))).toEqual(['12', '30', '5']);
  });

  it('withholds more when "<5" plus "x ≥ 5" would pin the values down', () => {
    // 1 and 5 with total 6: a listed "<5" is at least 1, so a lone secondary gives <5 = 1 and x = 5; the total goes too.
    const published = suppressTable(table(1, 5));
    expect(shown(published)).toEqual(['<5', 'x']);
    expect(published.total.kind).toBe('withheld');
  });

  it('treats a total below the threshold as small too', () => {
    const published = suppressTable(table(1, 2));
    expect(shown(published)).toEqual(['<5', '<5']);
    expect(formatPublished(published.total, 5)).toBe('<5');
  });

  it('does not list the categories when even "<5" everywhere gives them away', () => {
    // Four listed categories and a total under 5: each must be exactly 1.
    const published = suppressTable(table(1, 1, 1, 1));
    expect(published.breakdownWithheld).toBe(true);
    expect(published.cells).toEqual([]);
    expect(formatPublished(published.total, 5)).toBe('<5');
  });

  it('refuses an empty category: a listed one tells the reader it counted something', () => {
    expect(() => suppressTable(table(0, 5))).toThrow(/leave out empty categories/);
  });

  it('can only be configured upward', () => {
    expect(() => suppressTable(table(1), 4)).toThrow(/only be raised/);
    expect(shown(suppressTable(table(7, 12, 30), 10))).toEqual(['<10', 'x', '30']);
  });

  it('never publishes the true value of a withheld cell', () => {
    const published = suppressTable(table(2, 50, 7));
    expect(JSON.stringify(published)).not.toMatch(/"count":2\b|"count":7\b/);
  });

  it('property: no withheld value can be derived from the published table (brute-force attacker)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 14 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 5, max: 7 }),
        (counts, t) => {
          const published = suppressTable(table(...counts), t);
          const total = counts.reduce((s, c) => s + c, 0);
          const [candidates] = linkedCandidates([published], t, total + 2 * t).cells;
          for (const [key, values] of candidates ?? []) {
            // the truth is among the candidates, and it is not the only one
            expect(values.has(counts[Number(key.slice(1))] ?? -1)).toBe(true);
            expect(values.size).toBeGreaterThanOrEqual(2);
          }
          // every small count is hidden
          published.cells.forEach((cell, i) => {
            if ((counts[i] ?? 0) < t) expect(cell.value.kind).not.toBe('count');
          });
          // the closed form agrees with the brute force
          for (const [key, [lo, hi]] of withheldRanges(published)) {
            const values = [...(candidates?.get(key) ?? [])];
            expect(lo).toBe(Math.min(...values));
            if (hi !== Infinity) expect(hi).toBe(Math.max(...values));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('suppression across tables that count the same cases', () => {
  it('4 FR and 4 NL under one legal basis: the basis table no longer gives the shared total away', () => {
    const [partner, basis] = suppressLinkedTables([
      [
        { key: 'FR', count: 4 },
        { key: 'NL', count: 4 },
      ],
      [{ key: 'gdpr-61', count: 8 }],
    ]);
    if (!partner || !basis) throw new Error('two tables');
    expect(shown(partner)).toEqual(['<5', '<5']);
    expect(shown(basis)).toEqual(['x']);
    expect([partner.total.kind, basis.total.kind]).toEqual(['withheld', 'withheld']);
    const { cells } = linkedWithheldRanges([partner, basis]);
    expect(cells[0]?.get('FR')).toEqual([1, 4]);
  });

  it('refuses tables that do not count the same cases', () => {
    expect(() => suppressLinkedTables([table(5, 6), table(12)])).toThrow(/same cases/);
  });

  /** Cases, each falling in one category of every table; a table lists its non-empty categories. */
  const casesArb = fc.record({
    tables: fc.integer({ min: 1, max: 3 }),
    cases: fc.array(fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)), { maxLength: 16 }),
    threshold: fc.integer({ min: 5, max: 6 }),
  });

  it('property: using every table of the set together, no withheld value can be pinned (brute-force attacker)', () => {
    fc.assert(
      fc.property(casesArb, ({ tables: n, cases, threshold }) => {
        const counts = [0, 1, 2].slice(0, n).map((j) => {
          const byKey = new Map<string, number>();
          for (const c of cases) byKey.set(`c${c[j] ?? 0}`, (byKey.get(`c${c[j] ?? 0}`) ?? 0) + 1);
          return [...byKey].map(([key, count]) => ({ key, count }));
        });
        const published = suppressLinkedTables(counts, threshold);
        // Above any finite bound on the total (at most 4 listed categories of t−1), so the closed form's finite
        // maxima are within reach of the search.
        const cap = cases.length + 4 * threshold;
        const found = linkedCandidates(published, threshold, cap);
        const closed = linkedWithheldRanges(published);
        expect(found.total.has(cases.length)).toBe(true);
        if (cases.length > 0 && published[0]?.total.kind !== 'count')
          expect(found.total.size).toBeGreaterThanOrEqual(2);
        published.forEach((t, j) => {
          t.cells.forEach((cell, i) => {
            if ((counts[j]?.[i]?.count ?? 0) < threshold) expect(cell.value.kind).not.toBe('count');
          });
          for (const [key, values] of found.cells[j] ?? []) {
            expect(values.has(counts[j]?.find((c) => c.key === key)?.count ?? -1)).toBe(true);
            expect(values.size, `${key} in table ${j}`).toBeGreaterThanOrEqual(2);
            const [lo, hi] = closed.cells[j]?.get(key) ?? [NaN, NaN];
            expect(lo).toBe(Math.min(...values));
            if (hi !== Infinity) expect(hi).toBe(Math.max(...values));
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
