import { CASE_STAGES, type CaseStage } from '../domain/case-stage';
import { addDays } from '../deadlines/civil-date';
import { endOfLocalDay, localDateAt } from '../deadlines/zoned-time';
import { type CaseSummary, type PeriodRef } from './case-summary';

export type DueBucket = 'overdue' | 'today' | 'this-week';
export type DashboardItemKind = 'deadline' | 'remedy' | 'emergency-sunset' | 'notice-review' | 'purge';

export type DashboardItem = {
  readonly caseId: string;
  readonly reference: string;
  readonly stage: CaseStage;
  readonly kind: DashboardItemKind;
  /** Deadline label or remedy code. */
  readonly label: string;
  /** For a deadline, the template period it runs, so the UI can word it in the reader's language. */
  readonly period?: PeriodRef;
  readonly dueMs: number;
  readonly bucket: DueBucket;
};

/** How many cases, and how many deadlines and remedies on them: one case can have several things due. */
export type Tally = { readonly cases: number; readonly items: number };
export type StageCounts = { readonly overdue: Tally; readonly today: Tally; readonly thisWeek: Tally };

export type Dashboard = {
  readonly perStage: Readonly<Record<CaseStage, StageCounts>>;
  /** The same counts over every stage. */
  readonly totals: StageCounts;
  /** Deadlines this office must meet, and remedies, soonest first. */
  readonly due: readonly DashboardItem[];
  /** Deadlines the partner had to meet that have passed: awaited, never counted as our overdue. */
  readonly awaitingPartner: readonly DashboardItem[];
  readonly awaitingPartnerCases: number;
  readonly emergencySunsets: readonly DashboardItem[];
  readonly noticeReviews: readonly DashboardItem[];
  readonly purges: readonly DashboardItem[];
};

export type DashboardOptions = {
  readonly nowMs: number;
  /** The office's zone: "today" ends at its midnight. */
  readonly timeZone: string;
};

type CountedBucket = keyof StageCounts;
type Counter = Record<CountedBucket, number>;
type MutableCounts = Record<CountedBucket, { cases: number; items: number }>;
const emptyCounts = (): MutableCounts => ({
  overdue: { cases: 0, items: 0 },
  today: { cases: 0, items: 0 },
  thisWeek: { cases: 0, items: 0 },
});

/**
 * What this office has overdue, due today, and due in the six days after today — per stage, counted as cases and as
 * deadlines, in one pass over the summaries. A deadline the partner must meet is never ours: once passed it is
 * listed as awaiting the partner; one whose lapse is a consequence rather than a delay drops off once passed.
 * Emergency sunsets, deferred-notice reviews and purges use the same buckets; anything later is left out.
 */
export function dashboard(summaries: readonly CaseSummary[], options: DashboardOptions): Dashboard {
  const { nowMs } = options;
  const today = localDateAt(nowMs, options.timeZone);
  const endOfToday = endOfLocalDay(today, options.timeZone);
  const endOfWeek = endOfLocalDay(addDays(today, 6), options.timeZone);
  const perStage = Object.fromEntries(CASE_STAGES.map((s) => [s, emptyCounts()])) as Record<CaseStage, MutableCounts>;
  const totals = emptyCounts();
  const due: DashboardItem[] = [];
  const awaitingPartner: DashboardItem[] = [];
  let awaitingPartnerCases = 0;
  const emergencySunsets: DashboardItem[] = [];
  const noticeReviews: DashboardItem[] = [];
  const purges: DashboardItem[] = [];

  const bucketOf = (dueMs: number): DueBucket | null =>
    dueMs < nowMs ? 'overdue' : dueMs <= endOfToday ? 'today' : dueMs <= endOfWeek ? 'this-week' : null;

  for (const s of summaries) {
    const counter: Counter = { overdue: 0, today: 0, thisWeek: 0 };
    const push = (
      into: DashboardItem[],
      kind: DashboardItemKind,
      label: string,
      dueMs: number,
      count: boolean,
      period?: PeriodRef,
    ) => {
      const bucket = bucketOf(dueMs);
      if (bucket === null) return;
      const item = { caseId: s.caseId, reference: s.reference, stage: s.stage, kind, label, dueMs, bucket };
      into.push(period ? { ...item, period } : item);
      if (!count) return;
      if (bucket === 'overdue') counter.overdue++;
      else if (bucket === 'today') counter.today++;
      else counter.thisWeek++;
    };
    let partnerLate = 0;
    for (const d of s.deadlines) {
      const passed = d.dueMs < nowMs;
      if (passed && d.lateWhenPassed === false) continue;
      if (d.actingParty !== 'partner') push(due, 'deadline', d.label, d.dueMs, true, d.period);
      else if (passed) {
        push(awaitingPartner, 'deadline', d.label, d.dueMs, false, d.period);
        partnerLate++;
      }
    }
    if (partnerLate > 0) awaitingPartnerCases++;
    for (const r of s.openRemedies) push(due, 'remedy', r.code, r.dueMs, true);
    for (const bucket of ['overdue', 'today', 'thisWeek'] satisfies CountedBucket[]) {
      const items = counter[bucket];
      if (items === 0) continue;
      for (const counts of [perStage[s.stage], totals]) {
        counts[bucket].cases++;
        counts[bucket].items += items;
      }
    }
    if (s.emergencySunsetMs !== null)
      push(emergencySunsets, 'emergency-sunset', 'emergency sunset', s.emergencySunsetMs, false);
    if (s.noticeReviewMs !== null)
      push(noticeReviews, 'notice-review', 'deferred notice review', s.noticeReviewMs, false);
    if (s.purgeAtMs !== null) push(purges, 'purge', 'retention ends', s.purgeAtMs, false);
  }
  const soonest = (a: DashboardItem, b: DashboardItem) => a.dueMs - b.dueMs;
  return {
    perStage,
    totals,
    due: due.sort(soonest),
    awaitingPartner: awaitingPartner.sort(soonest),
    awaitingPartnerCases,
    emergencySunsets: emergencySunsets.sort(soonest),
    noticeReviews: noticeReviews.sort(soonest),
    purges: purges.sort(soonest),
  };
}
