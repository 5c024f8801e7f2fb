import type { Case } from '@shared/domain/case';
import type { CaseStage } from '@shared/domain/case-stage';
import { isNoticeDue } from '@shared/domain/notice-status';
import { requiredNow } from '@shared/workflow/required-now';
import { LIVE_STAGES } from '@shared/workflow/stage-labels';
import type { OfficeSettings } from '@shared/workflow/workflow-types';
import { stepForStage, type CaseStep } from './case-steps';

export type DashboardItem = {
  readonly caseId: string;
  readonly reference: string;
  readonly title: string;
  readonly stage: CaseStage;
  readonly message: string;
  readonly dueAt: string | null;
  /** Where the case opens: the step the item is about. */
  readonly step: CaseStep;
};

export type Dashboard = {
  readonly overdue: DashboardItem[];
  readonly today: DashboardItem[];
  readonly week: DashboardItem[];
  readonly sunsets: DashboardItem[];
  readonly deferrals: DashboardItem[];
  /** Live cases per stage, for the stage strip. */
  readonly byStage: ReadonlyMap<CaseStage, number>;
};

const DAY_MS = 86_400_000;

/** End of the local calendar day containing `nowMs`. */
export function endOfLocalDay(nowMs: number): number {
  const end = new Date(nowMs);
  end.setHours(23, 59, 59, 999);
  return end.getTime();
}

/**
 * Buckets everything due across live cases: overdue, due today, due within seven days; emergencies whose sunset
 * is within seven days (or passed); deferred notices whose review date is within seven days (or passed).
 */
export function buildDashboard(cases: readonly Case[], nowMs: number, settings: OfficeSettings): Dashboard {
  const overdue: DashboardItem[] = [];
  const today: DashboardItem[] = [];
  const week: DashboardItem[] = [];
  const sunsets: DashboardItem[] = [];
  const deferrals: DashboardItem[] = [];
  const byStage = new Map<CaseStage, number>();
  const todayEnd = endOfLocalDay(nowMs);
  const weekEnd = nowMs + 7 * DAY_MS;
  for (const c of cases) {
    if (!LIVE_STAGES.includes(c.stage)) continue;
    byStage.set(c.stage, (byStage.get(c.stage) ?? 0) + 1);
    const base = { caseId: c.id, reference: c.references.local, title: c.title, stage: c.stage };
    for (const item of requiredNow(c, nowMs, settings).items) {
      if (item.message.startsWith('emergency measure sunsets') || item.message.startsWith('the emergency measure passed')) continue;
      if (item.message.startsWith('notice to affected person') && item.severity === 'warning') continue;
      const entry: DashboardItem = { ...base, message: item.message, dueAt: item.dueAt, step: stepForStage(c.stage) };
      const due = item.dueAt === null ? null : Date.parse(item.dueAt);
      if (item.severity === 'overdue' || (due !== null && due < nowMs)) overdue.push(entry);
      else if (due !== null && due <= todayEnd) today.push(entry);
      else if (due !== null && due <= weekEnd) week.push(entry);
    }
    if (c.emergency && c.stage !== 'draft') {
      const sunset = Date.parse(c.emergency.sunsetAt);
      const ended = c.emergency.reviews.length > 0 && c.emergency.reviews.at(-1)?.newSunsetAt === null;
      if (!ended && sunset <= weekEnd) sunsets.push({ ...base, message: 'emergency-sunset', dueAt: c.emergency.sunsetAt, step: 'overview' });
    }
    c.affectedPeople.forEach((person, index) => {
      if (person.notice.state !== 'deferred') return;
      const review = Date.parse(person.notice.reviewAt);
      if (review <= weekEnd) {
        deferrals.push({
          ...base,
          message: isNoticeDue(person.notice, nowMs) ? `notice-due-again:${index + 1}` : `notice-review:${index + 1}`,
          dueAt: person.notice.reviewAt,
          step: 'notice',
        });
      }
    });
  }
  const byDue = (a: DashboardItem, b: DashboardItem) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff');
  return { overdue: overdue.sort(byDue), today: today.sort(byDue), week: week.sort(byDue), sunsets: sunsets.sort(byDue), deferrals: deferrals.sort(byDue), byStage };
}
