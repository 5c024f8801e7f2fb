/**
 * Small-count protection for a published one-dimensional table (a breakdown and its total).
 *
 * Primary suppression: every cell below the threshold is shown as "<t".
 * Secondary suppression: more cells are withheld (shown as "x") until no withheld value can be worked out
 * from the published ones — by subtracting from the total, or by combining the total with the knowledge that
 * a "<t" cell lies in 0…t−1 and an "x" cell is at least t. If even that is not enough, the total is withheld.
 *
 * Reports publish only one-dimensional tables: for a single sum with bounded cells the feasible range of each
 * withheld cell has a closed form (below), so protection can be checked exactly, not estimated.
 */

export const MIN_SUPPRESSION_THRESHOLD = 5;

export type CountCell = { readonly key: string; readonly count: number };

export type PublishedValue =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'below-threshold' } // shown as "<t"
  | { readonly kind: 'withheld' }; // shown as "x": protects a small count elsewhere

/** Only what may be published: the true count of a withheld cell is not in here. */
export type PublishedCell = { readonly key: string; readonly value: PublishedValue };

export type PublishedTable = {
  readonly threshold: number;
  readonly cells: readonly PublishedCell[];
  readonly total: PublishedValue;
};

export function suppressTable(cells: readonly CountCell[], threshold = MIN_SUPPRESSION_THRESHOLD): PublishedTable {
  if (!Number.isInteger(threshold) || threshold < MIN_SUPPRESSION_THRESHOLD) {
    throw new RangeError(
      `The suppression threshold can only be raised: it must be a whole number of at least ${MIN_SUPPRESSION_THRESHOLD}.`,
    );
  }
  for (const cell of cells) {
    if (!Number.isInteger(cell.count) || cell.count < 0)
      throw new RangeError(`Count for ${cell.key} must be a whole number ≥ 0.`);
  }
  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  const kinds: PublishedValue['kind'][] = cells.map((cell) => (cell.count < threshold ? 'below-threshold' : 'count'));
  let totalKind: PublishedValue['kind'] = total < threshold ? 'below-threshold' : 'count';

  while (totalKind === 'count' && isAnyWithheldDerivable(cells, kinds, total, threshold)) {
    const next = smallestPublishedIndex(cells, kinds);
    if (next === null) {
      totalKind = 'withheld';
    } else {
      kinds[next] = 'withheld';
    }
  }
  return {
    threshold,
    cells: cells.map((cell, i) => ({ key: cell.key, value: toValue(kinds[i] ?? 'count', cell.count) })),
    total: toValue(totalKind, total),
  };
}

/** Feasible [min, max] of each withheld cell, as an outsider reading the published table can work out. */
export function withheldRanges(table: PublishedTable): Map<string, readonly [number, number]> {
  const ranges = new Map<string, readonly [number, number]>();
  if (table.total.kind !== 'count') return ranges;
  const known = table.cells.reduce((sum, c) => sum + (c.value.kind === 'count' ? c.value.count : 0), 0);
  const remainder = table.total.count - known;
  const hidden = table.cells.filter((c) => c.value.kind !== 'count');
  const bounds = hidden.map((c) => boundsOf(c.value.kind, table.threshold, remainder));
  const sumLo = bounds.reduce((s, [lo]) => s + lo, 0);
  const sumHi = bounds.reduce((s, [, hi]) => s + hi, 0);
  hidden.forEach((cell, i) => {
    const [lo, hi] = bounds[i] ?? [0, 0];
    ranges.set(cell.key, [Math.max(lo, remainder - (sumHi - hi)), Math.min(hi, remainder - (sumLo - lo))]);
  });
  return ranges;
}

/** How a published value reads in a table or CSV. */
export function formatPublished(value: PublishedValue, threshold: number): string {
  switch (value.kind) {
    case 'count':
      return String(value.count);
    case 'below-threshold':
      return `<${threshold}`;
    case 'withheld':
      return 'x';
  }
}

function isAnyWithheldDerivable(
  cells: readonly CountCell[],
  kinds: readonly PublishedValue['kind'][],
  total: number,
  threshold: number,
) {
  const table: PublishedTable = {
    threshold,
    cells: cells.map((cell, i) => ({ key: `${i}`, value: toValue(kinds[i] ?? 'count', cell.count) })),
    total: { kind: 'count', count: total },
  };
  for (const [lo, hi] of withheldRanges(table).values()) if (lo >= hi) return true;
  return false;
}

function boundsOf(kind: PublishedValue['kind'], threshold: number, remainder: number): [number, number] {
  return kind === 'below-threshold' ? [0, threshold - 1] : [threshold, Math.max(threshold, remainder)];
}

function smallestPublishedIndex(cells: readonly CountCell[], kinds: readonly PublishedValue['kind'][]): number | null {
  let best: number | null = null;
  cells.forEach((cell, i) => {
    if (kinds[i] === 'count' && (best === null || cell.count < (cells[best]?.count ?? Infinity))) best = i;
  });
  return best;
}

function toValue(kind: PublishedValue['kind'], count: number): PublishedValue {
  return kind === 'count' ? { kind, count } : { kind };
}
