import { err, ok, type Result } from '../result';
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

export type DueErrorCode = 'deadline-calendar-out-of-range';

/**
 * Computes when a period ends. The rules (docs/workflow.md, "Deadline rules") follow Regulation (EEC, Euratom)
 * No 1182/71: the day of the triggering event is not counted; a period in days, weeks or months ends at the end of
 * its last day in the jurisdiction's time zone; months end on the same day-of-month or, where that day does not
 * exist, on the month's last day. Hours are exact elapsed time.
 */
export function computeDue(input: DueInput): Result<DueOutcome, DueErrorCode> {
  const notes: string[] = [];
  let dueMs = addPeriod(input.startMs, input.duration, input);
  if (dueMs === null) return outOfRange(input);
  for (const extension of input.extensions) {
    const next = addPeriod(dueMs, extension, input);
    if (next === null) return outOfRange(input);
    dueMs = next;
  }
  // Stopped time is added back, however long it was; a paused clock has no due date yet.
  const ordered = [...input.suspensions].sort((a, b) => a.fromMs - b.fromMs);
  let suspendedMs = 0;
  for (const suspension of ordered) {
    if (suspension.fromMs >= dueMs) continue;
    if (suspension.toMs === null) return ok({ dueMs: null, notes: ['The clock is stopped; the due date is set when it restarts.'] });
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
    if (!inCoverage(day, input.calendar)) return outOfRange(input, day);
    let moved = false;
    while (!input.calendar.isWorkingDay(day)) {
      const why = input.calendar.holidayName(day) ?? 'a weekend day';
      notes.push(`${formatCivilDate(day)} is ${why === 'a weekend day' ? why : `a public holiday (${why})`}; the period ends on the next working day.`);
      day = addDays(day, 1);
      moved = true;
      if (!inCoverage(day, input.calendar)) return outOfRange(input, day);
    }
    if (moved) dueMs = endOfLocalDay(day, input.timeZone);
  }
  return ok({ dueMs, notes });
}

/** Adds one period to an instant; null when business days run outside the calendar's years. */
function addPeriod(fromMs: number, duration: Duration, input: DueInput): number | null {
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
        if (!inCoverage(day, input.calendar)) return null;
        if (input.calendar.isWorkingDay(day)) counted++;
      }
      return endOfLocalDay(day, zone);
    }
  }
}

/** A weekend-only calendar (no holiday data) covers every year; a shipped one only its listed years. */
function inCoverage(day: CivilDate, calendar: WorkingDayCalendar): boolean {
  if (calendar.coverage.from > calendar.coverage.to) return true;
  return day.year >= calendar.coverage.from && day.year <= calendar.coverage.to;
}

function outOfRange(input: DueInput, day?: CivilDate) {
  const { from, to } = input.calendar.coverage;
  return err(
    'deadline-calendar-out-of-range',
    `The ${input.calendar.jurisdiction} holiday calendar covers ${from}–${to}${day ? `, but this period reaches ${formatCivilDate(day)}` : ''}. Update the holiday calendar data before counting working days in that year.`,
  );
}
