import type { PeriodRef } from '../workflow/case-summary';
import { buildIcsCalendar, type IcsEvent } from './ics-calendar';

/** An open deadline as the case summary lists it (`shared/workflow/case-summary.ts`). */
export type CalendarDeadline = {
  readonly id: string;
  readonly label: string;
  readonly dueMs: number;
  /** The template period, so the event title can word the label in the user's language. */
  readonly period?: PeriodRef;
  /** Who must act: this office, or the partner (whose dates are worth following, marked as theirs). */
  readonly actingParty?: 'office' | 'partner';
};

/** What the calendar takes from a case: its id, its reference and its open deadlines, nothing else. */
export type CalendarCase = {
  readonly caseId: string;
  readonly reference: string;
  readonly deadlines: readonly CalendarDeadline[];
};

export type DeadlineCalendarOptions = {
  readonly nowMs: number;
  /**
   * The event title, from the case reference and the deadline label only. Titles, names and notes stay out: a
   * calendar is synced and shared beyond the vault's protection.
   */
  readonly summary: (reference: string, deadline: CalendarDeadline) => string;
};

/** UID per case and deadline, so re-importing a newer export updates the events instead of doubling them. */
export const deadlineEventUid = (caseId: string, deadlineId: string) => `${caseId}.${deadlineId}@casebridge.deadlines`;

/** Open deadlines due from now on, soonest first, as calendar events at their due instant. */
export function upcomingDeadlineEvents(cases: readonly CalendarCase[], options: DeadlineCalendarOptions): IcsEvent[] {
  return cases
    .flatMap((s) => s.deadlines.filter((d) => d.dueMs >= options.nowMs).map((d) => ({ s, d })))
    .sort((a, b) => a.d.dueMs - b.d.dueMs)
    .map(({ s, d }) => ({
      uid: deadlineEventUid(s.caseId, d.id),
      start: { instantMs: d.dueMs },
      summary: options.summary(s.reference, d),
    }));
}

/** The `.ics` text of the upcoming deadlines. */
export function buildDeadlineCalendar(cases: readonly CalendarCase[], options: DeadlineCalendarOptions): string {
  return buildIcsCalendar({
    productId: '-//Casebridge//Deadlines//EN',
    stampMs: options.nowMs,
    events: upcomingDeadlineEvents(cases, options),
  });
}
