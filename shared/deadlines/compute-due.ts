import { addDays, addMonths, formatCivilDate, type CivilDate } from './civil-date';
import { englishNote, type DueExplanation } from './due-explanation';
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
  /** Why the date is what it is, one line per reason, for the deadline's detail view. */
  readonly explanations: readonly DueExplanation[];
  /** The same in English sentences (logs, tests). */
  readonly notes: readonly string[];
};

/**
 * Computes when a period ends. The rules (docs/workflow.md, "Deadline rules") follow Regulation (EEC, Euratom)
 * No 1182/71: the day of the triggering event is not counted; a period in days, weeks or months ends at the end of
 * its last day in the jurisdiction's time zone; months end on the same day-of-month or, where that day does not
 * exist, on the month's last day; where the rules apply (`rollForward`), a period ending on a weekend or holiday
 * ends on the next working day (Art. 3(4)) and a period of two days or more includes two working days (Art. 3(5)).
 * An extension runs from the end date shown to the user, not from the unrolled end. Hours are whole hours after
 * the hour of the event where the Regulation applies (Art. 3(1), 3(2)(a)), exact elapsed time otherwise.
 */
export function computeDue(input: DueInput): DueOutcome {
  const explanations: DueExplanation[] = [];
  const consulted = { workingDays: false };
  const calendar = watchConsultation(input.calendar, consulted);
  const withCalendar = { ...input, calendar };
  // Each period ends on the date shown to the user (rolled, Art. 3(5) applied); an extension runs from that date.
  let dueMs = settle(input.startMs, addPeriod(input.startMs, input.duration, withCalendar), input.duration);
  for (const extension of input.extensions) {
    dueMs = settle(dueMs, addPeriod(dueMs, extension, withCalendar), extension);
  }
  // Stopped time is added back, however long it was; a paused clock has no due date yet.
  const ordered = [...input.suspensions].sort((a, b) => a.fromMs - b.fromMs);
  let suspendedMs = 0;
  for (const suspension of ordered) {
    if (suspension.fromMs >= dueMs) continue;
    if (suspension.toMs === null) return outcome(null, [{ kind: 'clock-stopped' }]);
    const from = Math.max(suspension.fromMs, input.startMs);
    if (suspension.toMs <= from) continue;
    dueMs += suspension.toMs - from;
    suspendedMs += suspension.toMs - from;
  }
  if (suspendedMs > 0) {
    explanations.push({ kind: 'time-added-back', hours: suspendedMs / HOUR_MS });
    if (input.duration.unit !== 'hours') {
      dueMs = rollToWorkingDay(endOfLocalDay(localDateAt(dueMs, input.timeZone), input.timeZone), input.duration);
    }
  }

  /** The end of one period as shown: on a working day where the rules say so, with at least two working days. */
  function settle(fromMs: number, endMs: number, duration: Duration): number {
    const rolled = rollToWorkingDay(endMs, duration);
    return input.rollForward && spansTwoDaysOrMore(duration) ? withTwoWorkingDays(fromMs, rolled) : rolled;
  }

  function rollToWorkingDay(endMs: number, duration: Duration): number {
    const mustBeWorkingDay = duration.unit !== 'hours' && (input.rollForward || duration.unit === 'business-days');
    if (!mustBeWorkingDay) return endMs;
    const first = localDateAt(endMs, input.timeZone);
    let day = first;
    while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
    const moved = day !== first;
    if (moved) {
      const holiday = calendar.holidayName(first) ?? null;
      explanations.push({ kind: 'rolled', from: formatCivilDate(first), to: formatCivilDate(day), holiday });
    }
    return moved ? endOfLocalDay(day, input.timeZone) : endMs;
  }

  /** Reg. 1182/71 Art. 3(5): "Any period of two days or more shall include at least two working days." */
  function withTwoWorkingDays(fromMs: number, endMs: number): number {
    const last = localDateAt(endMs, input.timeZone);
    let day = addDays(localDateAt(fromMs, input.timeZone), 1);
    let working = 0;
    for (; toKey(day) <= toKey(last); day = addDays(day, 1)) if (calendar.isWorkingDay(day)) working++;
    if (working >= 2) return endMs;
    let end = last;
    while (working < 2) {
      end = addDays(end, 1);
      if (calendar.isWorkingDay(end)) working++;
    }
    explanations.push({ kind: 'two-working-days', to: formatCivilDate(end) });
    return endOfLocalDay(end, input.timeZone);
  }
  // Every date that depended on working days says which holiday data it was computed with.
  if (consulted.workingDays) {
    const { source, knowsHolidays, jurisdiction } = input.calendar;
    explanations.push({ kind: 'working-days', source, known: knowsHolidays, jurisdiction });
  }
  return outcome(dueMs, explanations);
}

function outcome(dueMs: number | null, explanations: readonly DueExplanation[]): DueOutcome {
  return { dueMs, explanations, notes: explanations.map(englishNote) };
}

/** Periods Art. 3(5) covers: two days or more, counted in calendar days, weeks or months. */
function spansTwoDaysOrMore(duration: Duration): boolean {
  switch (duration.unit) {
    case 'calendar-days':
      return duration.amount >= 2;
    case 'weeks':
    case 'calendar-months':
      return duration.amount >= 1;
    case 'hours':
    case 'business-days':
      return false;
  }
}

function toKey(day: CivilDate): number {
  return day.year * 10_000 + day.month * 100 + day.day;
}

/** Wraps a calendar to remember whether the computation asked it about working days at all. */
function watchConsultation(calendar: WorkingDayCalendar, consulted: { workingDays: boolean }): WorkingDayCalendar {
  return {
    ...calendar,
    holidayName: (day, language) => {
      consulted.workingDays = true;
      return calendar.holidayName(day, language);
    },
    isWorkingDay: (day) => {
      consulted.workingDays = true;
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
      // Art. 3(1) and 3(2)(a): the hour of the event does not count; the period runs in whole hours after it.
      if (input.rollForward) return (Math.floor(fromMs / HOUR_MS) + 1 + duration.amount) * HOUR_MS - 1;
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
