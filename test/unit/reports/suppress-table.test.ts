import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPublished, suppressTable, withheldRanges, type PublishedTable } from '@shared/reports/suppress-table';

const table = (...counts: number[]) => counts.map((count, i) => ({ key: `k${i}`, count }));
const shown = (t: PublishedTable) => t.cells.map((c) => formatPublished(c.value, t.threshold));

/**
 * The attacker, by brute force and independent of the closed form in the module: every assignment of whole
 * numbers to the withheld cells that agrees with what was published (the total, the shown counts, "<t" means
 * 0…t−1, "x" means at least t). Returns the set of values each withheld cell can take.
 */
function bruteForceCandidates(published: PublishedTable): Map<string, Set<number>> {
  const candidates = new Map<string, Set<number>>();
  if (published.total.kind !== 'count') return candidates;
  const hidden = published.cells.filter((c) => c.value.kind !== 'count');
  const remainder =
    published.total.count - published.cells.reduce((s, c) => s + (c.value.kind === 'count' ? c.value.count : 0), 0);
  for (const c of hidden) candidates.set(c.key, new Set());
  const values: number[] = [];
  const walk = (i: number, left: number) => {
    if (i === hidden.length) {
      if (left === 0) hidden.forEach((c, j) => candidates.get(c.key)?.add(values[j] ?? -1));
      return;
    }
    const cell = hidden[i];
    if (!cell) return;
    const [lo, hi] = cell.value.kind === 'below-threshold' ? [0, published.threshold - 1] : [published.threshold, left];
    for (let v = lo; v <= Math.min(hi, left); v++) {
      values[i] = v;
      walk(i + 1, left - v);
    }
  };
  walk(0, remainder);
  return candidates;
}

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
    // 0 and 5 with total 5: a lone secondary would give <5 = 0 and x = 5, so the total goes too.
    const published = suppressTable(table(0, 5));
    expect(shown(published)).toEqual(['<5', 'x']);
    expect(published.total.kind).toBe('withheld');
  });

  it('treats a total below the threshold as small too', () => {
    const published = suppressTable(table(1, 2));
    expect(shown(published)).toEqual(['<5', '<5']);
    expect(formatPublished(published.total, 5)).toBe('<5');
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
        fc.array(fc.nat({ max: 14 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 5, max: 7 }),
        (counts, t) => {
          const published = suppressTable(table(...counts), t);
          const candidates = bruteForceCandidates(published);
          for (const [key, values] of candidates) {
            // the truth is among the candidates, and it is not the only one
            const truth = counts[Number(key.slice(1))];
            expect(values.has(truth ?? -1)).toBe(true);
            expect(values.size).toBeGreaterThanOrEqual(2);
          }
          // every small count is hidden
          published.cells.forEach((cell, i) => {
            if ((counts[i] ?? 0) < t) expect(cell.value.kind).not.toBe('count');
          });
          // the closed form agrees with the brute force
          for (const [key, [lo, hi]] of withheldRanges(published)) {
            const values = [...(candidates.get(key) ?? [])];
            expect([lo, hi]).toEqual([Math.min(...values), Math.max(...values)]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
