import { addDays, addMonths, formatCivilDate, type CivilDate } from './civil-date';
import { type Duration } from './duration';
import { type WorkingDayCalendar } from './holiday-calendar';
import { endOfLocalDay, localDateAt } from './zoned-time';

const HOUR_MS = 3_600_000;

export type Suspension = { readonly fromMs: number; readonly toMs: number | null };

export type DueInput = {
  readonly startMs: number;
  readonly duration: Duration;
  /** Each granted extension's length, in the order granted. */
  readonly extensions: readonly Duration[];
  readonly suspensions: readonly Suspension[];
  /** IANA zone whose midnight ends a day. */
  readonly timeZone: string;
  readonly calendar: WorkingDayCalendar;
  /** Move a period that ends on a weekend or holiday to the end of the next working day (Reg. 1182/71 Art. 3(4)). */
  readonly rollForward: boolean;
};

export type DueOutcome = {
  /** The last moment of the period (inclusive), or null while the clock is stopped. */
  readonly dueMs: number | null;
  /** Why a date moved, in plain words, for the deadline's detail view. */
  readonly notes: readonly string[];
};

/**
 * Computes when a period ends. The rules (docs/workflow.md, "Deadline rules") follow Regulation (EEC, Euratom)
 * No 1182/71: the day of the triggering event is not counted; a period in days, weeks or months ends at the end of
 * its last day in the jurisdiction's time zone; months end on the same day-of-month or, where that day does not
 * exist, on the month's last day. Hours are exact elapsed time.
 */
export function computeDue(input: DueInput): DueOutcome {
  const notes: string[] = [];
  const incomplete = new Set<number>();
  const calendar = watchCompleteness(input.calendar, incomplete);
  const withCalendar = { ...input, calendar };
  let dueMs = addPeriod(input.startMs, input.duration, withCalendar);
  for (const extension of input.extensions) dueMs = addPeriod(dueMs, extension, withCalendar);
  // Stopped time is added back, however long it was; a paused clock has no due date yet.
  const ordered = [...input.suspensions].sort((a, b) => a.fromMs - b.fromMs);
  let suspendedMs = 0;
  for (const suspension of ordered) {
    if (suspension.fromMs >= dueMs) continue;
    if (suspension.toMs === null)
      return { dueMs: null, notes: ['The clock is stopped; the due date is set when it restarts.'] };
    const from = Math.max(suspension.fromMs, input.startMs);
    if (suspension.toMs <= from) continue;
    dueMs += suspension.toMs - from;
    suspendedMs += suspension.toMs - from;
  }
  const dayBased = input.duration.unit !== 'hours';
  if (suspendedMs > 0) {
    notes.push(`The clock was stopped for ${(suspendedMs / HOUR_MS).toFixed(1)} hours; that time was added back.`);
    if (dayBased) dueMs = endOfLocalDay(localDateAt(dueMs, input.timeZone), input.timeZone);
  }
  const mustBeWorkingDay = dayBased && (input.rollForward || input.duration.unit === 'business-days');
  if (mustBeWorkingDay) {
    let day = localDateAt(dueMs, input.timeZone);
    let moved = false;
    while (!calendar.isWorkingDay(day)) {
      const why = calendar.holidayName(day) ?? 'a weekend day';
      notes.push(
        `${formatCivilDate(day)} is ${why === 'a weekend day' ? why : `a public holiday (${why})`}; the period ends on the next working day.`,
      );
      day = addDays(day, 1);
      moved = true;
    }
    if (moved) dueMs = endOfLocalDay(day, input.timeZone);
  }
  for (const year of [...incomplete].sort()) {
    const { from, to } = input.calendar.coverage;
    notes.push(
      `The ${input.calendar.jurisdiction} holiday data lists irregular holidays for ${from}–${to} only; a holiday in ${year} may be missing, so this date may be a day early. Update the holiday calendar data.`,
    );
  }
  return { dueMs, notes };
}

/** Wraps a calendar to remember each year it was asked about that may lack a listed holiday. */
function watchCompleteness(calendar: WorkingDayCalendar, incomplete: Set<number>): WorkingDayCalendar {
  const note = (day: CivilDate) => {
    if (!calendar.isComplete(day.year)) incomplete.add(day.year);
  };
  return {
    ...calendar,
    holidayName: (day) => {
      note(day);
      return calendar.holidayName(day);
    },
    isWorkingDay: (day) => {
      note(day);
      return calendar.isWorkingDay(day);
    },
  };
}

/** Adds one period to an instant. */
function addPeriod(fromMs: number, duration: Duration, input: DueInput): number {
  const zone = input.timeZone;
  const eventDay = (): CivilDate => localDateAt(fromMs, zone);
  switch (duration.unit) {
    case 'hours':
      return fromMs + duration.amount * HOUR_MS;
    case 'calendar-days':
      return endOfLocalDay(addDays(eventDay(), duration.amount), zone);
    case 'weeks':
      return endOfLocalDay(addDays(eventDay(), duration.amount * 7), zone);
    case 'calendar-months':
      return endOfLocalDay(addMonths(eventDay(), duration.amount), zone);
    case 'business-days': {
      let day = eventDay();
      let counted = 0;
      while (counted < duration.amount) {
        day = addDays(day, 1);
        if (input.calendar.isWorkingDay(day)) counted++;
      }
      return endOfLocalDay(day, zone);
    }
  }
}
