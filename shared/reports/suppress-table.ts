/**
 * Small-count protection for published one-dimensional tables (a breakdown and its total), one at a time or as a
 * set of tables that count the same cases by different categories (so share one total).
 *
 * What a reader knows: shown counts; a "<t" cell is 1…t−1 (a category is listed only when it counted something);
 * an "x" cell is at least t; the total is the same in every table of a set, shown, "<t" or "x" (at least t).
 *
 * Primary suppression: every cell below the threshold is shown as "<t".
 * Secondary suppression: more is withheld until no withheld value — cell or total — can be pinned to one value
 * using all the tables of the set together: first the smallest shown cell of the table that gives one away, then
 * the shared total (in every table at once), then shown cells of the other tables (which otherwise fix the total),
 * and as a last resort a table's categories are not listed at all.
 *
 * Given the total, the tables of a set are independent single sums with bounded cells, whose feasible ranges have
 * a closed form; the total's own feasible range is the intersection of what each table allows. So protection is
 * checked exactly, not estimated. Cross-tabulations are not published: they link cells, not just totals.
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
  /** The categories are not listed (cells is empty): even all hidden, they would give a count away. */
  readonly breakdownWithheld: boolean;
};

/** A feasible [min, max]; max may be Infinity. */
export type Range = readonly [number, number];

type Kind = PublishedValue['kind'];

/** One table on its own: a set of one. */
export function suppressTable(cells: readonly CountCell[], threshold = MIN_SUPPRESSION_THRESHOLD): PublishedTable {
  const [table] = suppressLinkedTables([cells], threshold);
  if (!table) throw new Error('unreachable: one table in, one table out');
  return table;
}

/** Tables that count the same cases (each table's counts add up to the same total), protected together. */
export function suppressLinkedTables(
  tables: readonly (readonly CountCell[])[],
  threshold = MIN_SUPPRESSION_THRESHOLD,
): PublishedTable[] {
  if (!Number.isInteger(threshold) || threshold < MIN_SUPPRESSION_THRESHOLD) {
    throw new RangeError(
      `The suppression threshold can only be raised: it must be a whole number of at least ${MIN_SUPPRESSION_THRESHOLD}.`,
    );
  }
  for (const cell of tables.flat()) {
    // A listed category counted something: readers rely on that, so a 0 must be left out, not listed.
    if (!Number.isInteger(cell.count) || cell.count < 1)
      throw new RangeError(`Count for ${cell.key} must be a whole number ≥ 1; leave out empty categories.`);
  }
  const totals = tables.map((cells) => cells.reduce((sum, cell) => sum + cell.count, 0));
  const total = totals[0] ?? 0;
  if (totals.some((t) => t !== total)) throw new RangeError('Linked tables must count the same cases.');

  const kinds: Kind[][] = tables.map((cells) => cells.map((c) => (c.count < threshold ? 'below-threshold' : 'count')));
  const collapsed = tables.map(() => false);
  let totalKind: Kind = total < threshold ? 'below-threshold' : 'count';
  const publish = (withKeys: (j: number, i: number) => string): PublishedTable[] =>
    tables.map((cells, j) => ({
      threshold,
      cells: collapsed[j]
        ? []
        : cells.map((cell, i) => ({ key: withKeys(j, i), value: toValue(kinds[j]?.[i] ?? 'count', cell.count) })),
      total: toValue(totalKind, total),
      breakdownWithheld: collapsed[j] ?? false,
    }));

  for (;;) {
    const view = publish((_j, i) => `${i}`);
    const { cells: ranges, total: totalRange } = linkedWithheldRanges(view);
    const pinnedTable = ranges.findIndex((map) => [...map.values()].some(isPinned));
    const totalPinned = totalKind !== 'count' && total > 0 && isPinned(totalRange);
    if (pinnedTable < 0 && !totalPinned) return publish((j, i) => tables[j]?.[i]?.key ?? '');

    const own = pinnedTable < 0 ? null : smallestShown(tables, kinds, [pinnedTable]);
    const anywhere = smallestShown(
      tables,
      kinds,
      tables.map((_, j) => j),
    );
    if (own !== null) hide(kinds, own);
    else if (pinnedTable >= 0 && totalKind === 'count') totalKind = 'withheld';
    else if (anywhere !== null) hide(kinds, anywhere);
    else collapsed[pinnedTable >= 0 ? pinnedTable : tightestTable(view)] = true;
  }
}

/**
 * What an outsider reading a set of published tables can work out: the feasible range of every withheld cell
 * (per table, by key) and of the shared total. A range of one value means the value is given away.
 */
export function linkedWithheldRanges(tables: readonly PublishedTable[]): {
  cells: Map<string, Range>[];
  total: Range;
} {
  const threshold = tables[0]?.threshold ?? MIN_SUPPRESSION_THRESHOLD;
  const first = tables[0]?.total ?? ({ kind: 'below-threshold' } satisfies PublishedValue);
  let [tLo, tHi] = totalBounds(first, threshold);
  const shapes = tables.map((table) => {
    const known = table.cells.reduce((s, c) => s + (c.value.kind === 'count' ? c.value.count : 0), 0);
    const hidden = table.cells.filter((c) => c.value.kind !== 'count');
    const bounds = hidden.map((c) => cellBounds(c.value.kind, threshold));
    return { table, known, hidden, bounds };
  });
  for (const { table, known, bounds } of shapes) {
    if (table.breakdownWithheld) {
      tLo = Math.max(tLo, 1);
      continue;
    }
    tLo = Math.max(tLo, known + sum(bounds.map(([lo]) => lo)));
    tHi = Math.min(tHi, known + sum(bounds.map(([, hi]) => hi)));
  }
  const cells = shapes.map(({ known, hidden, bounds }) => {
    const ranges = new Map<string, Range>();
    hidden.forEach((cell, i) => {
      const [lo, hi] = bounds[i] ?? [0, 0];
      const others = bounds.filter((_, k) => k !== i);
      // The cell's range for a given total rises with it, so over all feasible totals it runs from its lowest at
      // the smallest total to its highest at the largest.
      const lowest = Math.max(lo, tLo - known - sum(others.map(([, h]) => h)));
      const highest = Math.min(hi, tHi - known - sum(others.map(([l]) => l)));
      ranges.set(cell.key, [lowest, highest]);
    });
    return ranges;
  });
  return { cells, total: [tLo, tHi] };
}

/** Feasible [min, max] of each withheld cell of one table read on its own. */
export function withheldRanges(table: PublishedTable): Map<string, Range> {
  return linkedWithheldRanges([table]).cells[0] ?? new Map<string, Range>();
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

/** A hidden cell: "<t" is 1…t−1 (listed, so not empty), "x" is t or more. */
function cellBounds(kind: Kind, threshold: number): [number, number] {
  return kind === 'below-threshold' ? [1, threshold - 1] : [threshold, Infinity];
}

/** The total: "<t" may also be 0 (a table with nothing in it). */
function totalBounds(value: PublishedValue, threshold: number): [number, number] {
  switch (value.kind) {
    case 'count':
      return [value.count, value.count];
    case 'below-threshold':
      return [0, threshold - 1];
    case 'withheld':
      return [threshold, Infinity];
  }
}

const isPinned = ([lo, hi]: Range) => lo >= hi;
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

function smallestShown(
  tables: readonly (readonly CountCell[])[],
  kinds: readonly Kind[][],
  among: readonly number[],
): readonly [number, number] | null {
  let best: readonly [number, number] | null = null;
  let bestCount = Infinity;
  for (const j of among) {
    tables[j]?.forEach((cell, i) => {
      if (kinds[j]?.[i] === 'count' && cell.count < bestCount) {
        best = [j, i];
        bestCount = cell.count;
      }
    });
  }
  return best;
}

function hide(kinds: Kind[][], [j, i]: readonly [number, number]) {
  const row = kinds[j];
  if (row) row[i] = 'withheld';
}

/** The listed table that bounds the total most tightly from above (only "<t" cells): its listing fixes the total. */
function tightestTable(view: readonly PublishedTable[]): number {
  let best = view.findIndex((t) => !t.breakdownWithheld);
  let bestHi = Infinity;
  view.forEach((table, j) => {
    if (table.breakdownWithheld) return;
    const hi = sum(
      table.cells.map((c) => (c.value.kind === 'count' ? c.value.count : cellBounds(c.value.kind, table.threshold)[1])),
    );
    if (hi < bestHi) {
      best = j;
      bestHi = hi;
    }
  });
  return best;
}

function toValue(kind: Kind, count: number): PublishedValue {
  return kind === 'count' ? { kind, count } : { kind };
}
