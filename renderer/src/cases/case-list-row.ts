import type { Case } from '@shared/domain/case';
import type { CaseKind, CaseStage } from '@shared/domain/case-stage';
import { isWithin, type DueFilter, type InstantRange } from '@shared/deadlines/due-window';
import { foldForSearch } from '@shared/search/fold-for-search';
import { matchesQuery, queryWords } from '@shared/search/matches-query';
import { findJurisdiction } from '@shared/vocab/vocabulary';
import { summariseCase } from '@shared/workflow/case-summary';
import { isMine } from './case-scope';

/** What the case list shows and searches, computed once per case and kept in memory while unlocked. */
export type CaseListRow = {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly kind: CaseKind;
  readonly stage: CaseStage;
  readonly partner: string | null;
  readonly platform: string;
  readonly people: string;
  readonly updatedAt: string;
  /** Earliest date this office must act by on the case, if any. */
  readonly nextDueAt: string | null;
  /** Something this office had to do is late (a partner's late answer is not). */
  readonly overdue: boolean;
  /** Every instant this office must act by: its deadlines, remedies, notice reviews, emergency sunsets, purge. */
  readonly ourDueMs: readonly number[];
  /** A deadline the partner had to meet has passed: we are waiting for them. */
  readonly partnerOverdue: boolean;
  readonly ownerId: string | null;
  /** The redress officer reviewing its challenge, if any. */
  readonly reviewerId: string | null;
  /**
   * Reference, partner references, title, people, partner (code and country names), platform and notes, folded
   * (`foldForSearch`): what search as you type looks in.
   */
  readonly haystack: string;
};

const PLATFORM_ROLES = new Set(['controller', 'service-provider']);

export function toCaseListRow(c: Case, nowMs: number): CaseListRow {
  const summary = summariseCase(c);
  const ourDueMs: number[] = [];
  let overdue = false;
  let partnerOverdue = false;
  const ours = (dueMs: number | null) => {
    if (dueMs === null) return;
    ourDueMs.push(dueMs);
    if (dueMs < nowMs) overdue = true;
  };
  for (const d of summary.deadlines) {
    const passed = d.dueMs < nowMs;
    if (passed && d.lateWhenPassed === false) continue;
    if (d.actingParty !== 'partner') ours(d.dueMs);
    else if (passed) partnerOverdue = true;
  }
  for (const r of summary.openRemedies) ours(r.dueMs);
  ours(summary.emergencySunsetMs);
  ours(summary.noticeReviewMs);
  ours(summary.purgeAtMs);
  ourDueMs.sort((a, b) => a - b);
  const platform = c.parties
    .filter((p) => PLATFORM_ROLES.has(p.role))
    .map((p) => p.name)
    .join(', ');
  const people = c.affectedPeople.map((p) => p.name).join(', ');
  const partner = c.partnerJurisdiction;
  const first = ourDueMs[0];
  return {
    id: c.id,
    reference: c.references.local,
    title: c.title,
    kind: c.kind,
    stage: c.stage,
    partner,
    platform,
    people,
    updatedAt: c.updatedAt,
    nextDueAt: first === undefined ? null : new Date(first).toISOString(),
    overdue,
    ourDueMs,
    partnerOverdue,
    ownerId: c.ownerId,
    reviewerId: c.review?.officerId ?? null,
    haystack: foldForSearch(
      [
        c.references.local,
        ...c.references.partner.map((r) => r.reference),
        c.title,
        people,
        partner ?? '',
        ...Object.values(findJurisdiction(partner ?? '')?.labels ?? {}),
        platform,
        ...c.notes.map((n) => n.text),
      ].join('\u0001'),
    ),
  };
}

export type CaseSort = 'updated' | 'reference' | 'due';
export const CASE_SORTS = ['updated', 'reference', 'due'] as const satisfies readonly CaseSort[];

/** Stages the list can show together: the redress queue is every challenge lodged or under review. */
export const STAGE_GROUPS = { 'redress-queue': ['challenge-lodged', 'redress-review'] } as const satisfies Record<
  string,
  readonly CaseStage[]
>;
export type StageFilter = CaseStage | keyof typeof STAGE_GROUPS | 'all';

export type CaseFilter = {
  readonly query: string;
  readonly kind: CaseKind | 'all';
  readonly stage: StageFilter;
  readonly partner: string | 'all';
  /** When this office must act: overdue, today, this week… (`dueWindow` turns it into instants). */
  readonly due: DueFilter;
  readonly sort: CaseSort;
  /** With a person id: only that person's cases (`isMine`). */
  readonly mineOf: string | null;
};

/** The filters a person sets (and a saved view keeps); whose cases come from the scope. */
export type CaseCriteria = Omit<CaseFilter, 'mineOf'>;

export const NO_CRITERIA: CaseCriteria = {
  query: '',
  kind: 'all',
  stage: 'all',
  partner: 'all',
  due: { window: 'any' },
  sort: 'updated',
};

export const NO_FILTER: CaseFilter = { ...NO_CRITERIA, mineOf: null };

const compareBy: Record<CaseSort, (a: CaseListRow, b: CaseListRow) => number> = {
  updated: (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0),
  reference: (a, b) => a.reference.localeCompare(b.reference),
  // Cases with nothing due go last.
  due: (a, b) => (a.nextDueAt ?? '\uffff').localeCompare(b.nextDueAt ?? '\uffff'),
};

const inStage = (stage: CaseStage, filter: StageFilter): boolean =>
  filter === 'all' ||
  stage === filter ||
  (filter === 'redress-queue' && (STAGE_GROUPS[filter] as readonly CaseStage[]).includes(stage));

/**
 * Every word of the query must appear somewhere in the case's searchable text, accents and case aside. `dueRange`
 * is `dueWindow(filter.due, …)` for the office's zone and the current time: a case is kept when something this
 * office must act on falls inside it.
 */
export function filterCases(
  cases: readonly CaseListRow[],
  filter: CaseFilter,
  dueRange: InstantRange | null = null,
): CaseListRow[] {
  const words = queryWords(filter.query);
  const matches = cases.filter(
    (c) =>
      (filter.kind === 'all' || c.kind === filter.kind) &&
      inStage(c.stage, filter.stage) &&
      (filter.partner === 'all' || c.partner === filter.partner) &&
      (dueRange === null || c.ourDueMs.some((ms) => isWithin(ms, dueRange))) &&
      (filter.mineOf === null || isMine(c, filter.mineOf)) &&
      matchesQuery(c.haystack, words),
  );
  return matches.sort(compareBy[filter.sort]);
}
