import type { Case } from '@shared/domain/case';
import type { CaseKind, CaseStage } from '@shared/domain/case-stage';
import { requiredNow } from '@shared/workflow/required-now';
import type { OfficeSettings } from '@shared/workflow/workflow-types';
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
  /** Earliest date something on the case falls due, if any. */
  readonly nextDueAt: string | null;
  readonly overdue: boolean;
  readonly ownerId: string | null;
  /** The redress officer reviewing its challenge, if any. */
  readonly reviewerId: string | null;
  /** Lower-cased reference, title, people, partner and platform: what search as you type looks in. */
  readonly haystack: string;
};

const PLATFORM_ROLES = new Set(['controller', 'service-provider']);

export function toCaseListRow(c: Case, nowMs: number, settings: OfficeSettings): CaseListRow {
  const required = requiredNow(c, nowMs, settings);
  const dues = required.items
    .map((item) => item.dueAt)
    .filter((d): d is string => d !== null)
    .sort();
  const overdue = required.items.some(
    (item) =>
      item.severity === 'overdue' ||
      (item.dueAt !== null && Date.parse(item.dueAt) < nowMs && item.severity === 'todo'),
  );
  const platform = c.parties
    .filter((p) => PLATFORM_ROLES.has(p.role))
    .map((p) => p.name)
    .join(', ');
  const people = c.affectedPeople.map((p) => p.name).join(', ');
  const partner = c.partnerJurisdiction;
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
    nextDueAt: dues[0] ?? null,
    overdue,
    ownerId: c.ownerId,
    reviewerId: c.review?.officerId ?? null,
    haystack: [
      c.references.local,
      ...c.references.partner.map((r) => r.reference),
      c.title,
      people,
      partner ?? '',
      platform,
    ]
      .join('\u0001')
      .toLowerCase(),
  };
}

export type CaseSort = 'updated' | 'reference' | 'due';

export type CaseFilter = {
  readonly query: string;
  readonly kind: CaseKind | 'all';
  readonly stage: CaseStage | 'all';
  readonly partner: string | 'all';
  readonly overdueOnly: boolean;
  readonly sort: CaseSort;
  /** With a person id: only that person's cases (`isMine`). */
  readonly mineOf: string | null;
};

export const NO_FILTER: CaseFilter = {
  query: '',
  kind: 'all',
  stage: 'all',
  partner: 'all',
  overdueOnly: false,
  sort: 'updated',
  mineOf: null,
};

const compareBy: Record<CaseSort, (a: CaseListRow, b: CaseListRow) => number> = {
  updated: (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0),
  reference: (a, b) => a.reference.localeCompare(b.reference),
  // Cases with nothing due go last.
  due: (a, b) => (a.nextDueAt ?? '\uffff').localeCompare(b.nextDueAt ?? '\uffff'),
};

/** Every word of the query must appear somewhere in the case's searchable text. */
export function filterCases(cases: readonly CaseListRow[], filter: CaseFilter): CaseListRow[] {
  const words = filter.query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const matches = cases.filter(
    (c) =>
      (filter.kind === 'all' || c.kind === filter.kind) &&
      (filter.stage === 'all' || c.stage === filter.stage) &&
      (filter.partner === 'all' || c.partner === filter.partner) &&
      (!filter.overdueOnly || c.overdue) &&
      (filter.mineOf === null || isMine(c, filter.mineOf)) &&
      words.every((w) => c.haystack.includes(w)),
  );
  return matches.sort(compareBy[filter.sort]);
}
