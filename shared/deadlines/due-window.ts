import { addDays, isoWeekday, parseCivilDate } from './civil-date';
import { endOfLocalDay, localDateAt, startOfLocalDay } from './zoned-time';

/** The due filters of the case list: open-ended ones count from now, a range names local dates. */
export const DUE_WINDOWS = ['overdue', 'today', 'this-week', 'next-7-days', 'next-30-days', 'range'] as const;
export type DueWindowKind = (typeof DUE_WINDOWS)[number];

export type DueFilter =
  | { readonly window: 'any' }
  | { readonly window: Exclude<DueWindowKind, 'range'> }
  /** Local dates (YYYY-MM-DD) in the office's zone, both ends included; an empty end is open. */
  | { readonly window: 'range'; readonly from: string; readonly to: string };

/** Instants in epoch ms, both ends included. */
export type InstantRange = { readonly fromMs: number; readonly toMs: number };

/**
 * The instants a due filter keeps, with days counted in the office's time zone: "today" ends at its midnight and a
 * week runs Monday to Sunday there. Overdue is everything before now; today, this week and the next 7 or 30 days run
 * from now (what is already late is overdue, not due today), through the end of the last local day. Null: the
 * filter keeps everything (no filter, or a range with both ends empty or unreadable).
 */
export function dueWindow(filter: DueFilter, nowMs: number, timeZone: string): InstantRange | null {
  const today = localDateAt(nowMs, timeZone);
  const fromNowUntilEndOf = (daysAfterToday: number): InstantRange => ({
    fromMs: nowMs,
    toMs: endOfLocalDay(addDays(today, daysAfterToday), timeZone),
  });
  switch (filter.window) {
    case 'any':
      return null;
    case 'overdue':
      return { fromMs: Number.NEGATIVE_INFINITY, toMs: nowMs - 1 };
    case 'today':
      return fromNowUntilEndOf(0);
    case 'this-week':
      return fromNowUntilEndOf(7 - isoWeekday(today));
    case 'next-7-days':
      return fromNowUntilEndOf(7);
    case 'next-30-days':
      return fromNowUntilEndOf(30);
    case 'range': {
      const from = parseCivilDate(filter.from);
      const to = parseCivilDate(filter.to);
      if (from === null && to === null) return null;
      return {
        fromMs: from === null ? Number.NEGATIVE_INFINITY : startOfLocalDay(from, timeZone),
        toMs: to === null ? Number.POSITIVE_INFINITY : endOfLocalDay(to, timeZone),
      };
    }
  }
}

export const isWithin = (instantMs: number, range: InstantRange): boolean =>
  instantMs >= range.fromMs && instantMs <= range.toMs;
