import { CASE_STAGES, type CaseStage } from '../domain/case-stage';
import { addDays } from '../deadlines/civil-date';
import { endOfLocalDay, localDateAt } from '../deadlines/zoned-time';
import { type CaseSummary } from './case-summary';

export type DueBucket = 'overdue' | 'today' | 'this-week';
export type DashboardItemKind = 'deadline' | 'remedy' | 'emergency-sunset' | 'notice-review' | 'purge';

export type DashboardItem = {
  readonly caseId: string;
  readonly reference: string;
  readonly stage: CaseStage;
  readonly kind: DashboardItemKind;
  /** Deadline label or remedy code. */
  readonly label: string;
  readonly dueMs: number;
  readonly bucket: DueBucket;
};

export type StageCounts = { overdue: number; today: number; thisWeek: number };

export type Dashboard = {
  readonly perStage: Readonly<Record<CaseStage, StageCounts>>;
  /** Deadlines and remedies, soonest first. */
  readonly due: readonly DashboardItem[];
  readonly emergencySunsets: readonly DashboardItem[];
  readonly noticeReviews: readonly DashboardItem[];
  readonly purges: readonly DashboardItem[];
};

export type DashboardOptions = {
  readonly nowMs: number;
  /** The office's zone: "today" ends at its midnight. */
  readonly timeZone: string;
};

/**
 * What is overdue, due today, and due in the six days after today — per stage, in one pass over the summaries.
 * Emergency sunsets, deferred-notice reviews and purges use the same buckets; anything later is left out.
 */
export function dashboard(summaries: readonly CaseSummary[], options: DashboardOptions): Dashboard {
  const { nowMs } = options;
  const today = localDateAt(nowMs, options.timeZone);
  const endOfToday = endOfLocalDay(today, options.timeZone);
  const endOfWeek = endOfLocalDay(addDays(today, 6), options.timeZone);
  const perStage = Object.fromEntries(CASE_STAGES.map((s) => [s, { overdue: 0, today: 0, thisWeek: 0 }])) as Record<
    CaseStage,
    StageCounts
  >;
  const due: DashboardItem[] = [];
  const emergencySunsets: DashboardItem[] = [];
  const noticeReviews: DashboardItem[] = [];
  const purges: DashboardItem[] = [];

  const bucketOf = (dueMs: number): DueBucket | null =>
    dueMs < nowMs ? 'overdue' : dueMs <= endOfToday ? 'today' : dueMs <= endOfWeek ? 'this-week' : null;

  for (const s of summaries) {
    const counts = perStage[s.stage];
    const push = (into: DashboardItem[], kind: DashboardItemKind, label: string, dueMs: number, count: boolean) => {
      const bucket = bucketOf(dueMs);
      if (bucket === null) return;
      into.push({ caseId: s.caseId, reference: s.reference, stage: s.stage, kind, label, dueMs, bucket });
      if (!count) return;
      if (bucket === 'overdue') counts.overdue++;
      else if (bucket === 'today') counts.today++;
      else counts.thisWeek++;
    };
    for (const d of s.deadlines) push(due, 'deadline', d.label, d.dueMs, true);
    for (const r of s.openRemedies) push(due, 'remedy', r.code, r.dueMs, true);
    if (s.emergencySunsetMs !== null)
      push(emergencySunsets, 'emergency-sunset', 'emergency sunset', s.emergencySunsetMs, false);
    if (s.noticeReviewMs !== null)
      push(noticeReviews, 'notice-review', 'deferred notice review', s.noticeReviewMs, false);
    if (s.purgeAtMs !== null) push(purges, 'purge', 'retention ends', s.purgeAtMs, false);
  }
  const soonest = (a: DashboardItem, b: DashboardItem) => a.dueMs - b.dueMs;
  return {
    perStage,
    due: due.sort(soonest),
    emergencySunsets: emergencySunsets.sort(soonest),
    noticeReviews: noticeReviews.sort(soonest),
    purges: purges.sort(soonest),
  };
}
