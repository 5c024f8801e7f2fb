import type { PublishedCell, PublishedValue } from '@shared/reports/suppress-table';

/** What a reader sees of one table in a set of tables that count the same cases (so share one total). */
export type SeenTable = {
  readonly cells: readonly PublishedCell[];
  readonly total: PublishedValue;
  /** The categories were not listed at all: the reader only learns the table counted at least one case. */
  readonly breakdownWithheld?: boolean;
};

export type Candidates = {
  /** Per table: every value each hidden cell can take. */
  readonly cells: readonly Map<string, Set<number>>[];
  /** Every value the shared total can take. */
  readonly total: Set<number>;
};

/**
 * The attacker, by brute force and independent of the closed form in the module: every assignment of whole numbers
 * to the hidden cells of ALL the tables and to the shared total that agrees with everything published. A listed
 * category counted at least one case, so "<t" means 1…t−1; "x" means at least t; a total is the same in every
 * table, and `knownTotals` are other published figures the reader knows equal it (e.g. a stage's case count).
 * Totals are tried up to `cap`: a bounded search can only find fewer candidates than the real attacker, so
 * "at least two candidates" found here holds for the real one too.
 */
export function linkedCandidates(
  tables: readonly SeenTable[],
  threshold: number,
  cap: number,
  knownTotals: readonly number[] = [],
): Candidates {
  const cells = tables.map((table) => {
    const map = new Map<string, Set<number>>();
    for (const c of table.cells) if (c.value.kind !== 'count') map.set(c.key, new Set());
    return map;
  });
  const total = new Set<number>();
  for (let t = 0; t <= cap; t++) {
    if (!knownTotals.every((known) => known === t)) continue;
    if (!tables.every((table) => valueAllows(table.total, threshold, t))) continue;
    const perTable = tables.map((table) => assignments(table, threshold, t));
    if (perTable.some((found) => found === null)) continue;
    total.add(t);
    perTable.forEach((found, j) => {
      for (const [key, values] of found ?? []) for (const v of values) cells[j]?.get(key)?.add(v);
    });
  }
  return { cells, total };
}

function valueAllows(value: PublishedValue, threshold: number, n: number): boolean {
  switch (value.kind) {
    case 'count':
      return value.count === n;
    case 'below-threshold':
      return n < threshold;
    case 'withheld':
      return n >= threshold;
  }
}

/** The values each hidden cell takes over all assignments summing to `total`; null when there is none. */
function assignments(table: SeenTable, threshold: number, total: number): Map<string, Set<number>> | null {
  if (table.breakdownWithheld === true) return total >= 1 ? new Map() : null;
  const known = table.cells.reduce((s, c) => s + (c.value.kind === 'count' ? c.value.count : 0), 0);
  const hidden = table.cells.filter((c) => c.value.kind !== 'count');
  const found = new Map<string, Set<number>>(hidden.map((c) => [c.key, new Set()]));
  const values: number[] = [];
  let any = false;
  const walk = (i: number, left: number) => {
    const cell = hidden[i];
    if (!cell) {
      if (left === 0) {
        any = true;
        hidden.forEach((c, j) => found.get(c.key)?.add(values[j] ?? -1));
      }
      return;
    }
    const [lo, hi] = cell.value.kind === 'below-threshold' ? [1, threshold - 1] : [threshold, left];
    for (let v = lo; v <= Math.min(hi, left); v++) {
      values[i] = v;
      walk(i + 1, left - v);
    }
  };
  if (total >= known) walk(0, total - known);
  return any ? found : null;
}
