import { z } from 'zod';
import calendarsData from './calendars/holiday-calendars.json';
import {
  addDays,
  daysInMonth,
  easterSunday,
  isoWeekday,
  parseCivilDate,
  toDayNumber,
  type CivilDate,
} from './civil-date';

const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('fixed'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  }),
  z.strictObject({ kind: z.literal('easter'), offset: z.number().int().min(-60).max(70) }),
  z.strictObject({
    kind: z.literal('nth-weekday'),
    month: z.number().int().min(1).max(12),
    weekday: z.number().int().min(1).max(7),
    /** 1–5 counts from the start of the month, -1 is the last one. */
    n: z.union([z.number().int().min(1).max(5), z.literal(-1)]),
  }),
  z.strictObject({ kind: z.literal('dates'), dates: z.array(z.iso.date()).min(1) }),
]);

const calendarSchema = z.strictObject({
  jurisdiction: z.string().regex(/^[A-Z]{2}$/),
  coverage: z.strictObject({ from: z.number().int(), to: z.number().int() }),
  /** ISO weekdays that are not working days (6 = Saturday, 7 = Sunday). */
  weekend: z.array(z.number().int().min(1).max(7)),
  source: z.string().min(1),
  holidays: z.array(z.strictObject({ name: z.string().min(1), rule: ruleSchema })),
});

export const holidayCalendarFileSchema = z.strictObject({
  version: z.string().min(1),
  note: z.string(),
  calendars: z.array(calendarSchema),
});

export type HolidayCalendarData = z.infer<typeof calendarSchema>;

/** A working-day calendar for one jurisdiction, over the years it covers. */
export type WorkingDayCalendar = {
  readonly jurisdiction: string;
  /** Years whose irregular holidays (listed dates) are known; rule-based holidays are computed for any year. */
  readonly coverage: { readonly from: number; readonly to: number };
  readonly source: string;
  /** False when `year` may lack a listed (irregular) holiday, so a computed date may be a day early. */
  isComplete(year: number): boolean;
  isWeekend(date: CivilDate): boolean;
  /** Name of the public holiday on `date`, if any. */
  holidayName(date: CivilDate): string | undefined;
  isWorkingDay(date: CivilDate): boolean;
};

export function buildWorkingDayCalendar(data: HolidayCalendarData): WorkingDayCalendar {
  const byDay = new Map<number, string>();
  const yearsDone = new Set<number>();
  // Holidays are worked out per year on first use: fixed and Easter-based days hold for any year.
  const ensureYear = (year: number) => {
    if (yearsDone.has(year)) return;
    yearsDone.add(year);
    for (const holiday of data.holidays) {
      for (const date of datesOf(holiday.rule, year)) byDay.set(toDayNumber(date), holiday.name);
    }
  };
  const hasListedDates = data.holidays.some((h) => h.rule.kind === 'dates');
  const weekend = new Set(data.weekend);
  const isWeekend = (date: CivilDate) => weekend.has(isoWeekday(date));
  const holidayName = (date: CivilDate) => {
    ensureYear(date.year);
    return byDay.get(toDayNumber(date));
  };
  return {
    jurisdiction: data.jurisdiction,
    coverage: data.coverage,
    source: data.source,
    isComplete: (year) => !hasListedDates || (year >= data.coverage.from && year <= data.coverage.to),
    isWeekend,
    holidayName,
    isWorkingDay: (date) => !isWeekend(date) && holidayName(date) === undefined,
  };
}

function datesOf(rule: z.infer<typeof ruleSchema>, year: number): CivilDate[] {
  switch (rule.kind) {
    case 'fixed':
      return [{ year, month: rule.month, day: rule.day }];
    case 'easter':
      return [addDays(easterSunday(year), rule.offset)];
    case 'nth-weekday': {
      const matches: CivilDate[] = [];
      for (let day = 1; day <= daysInMonth(year, rule.month); day++) {
        const date = { year, month: rule.month, day };
        if (isoWeekday(date) === rule.weekday) matches.push(date);
      }
      const pick = rule.n === -1 ? matches[matches.length - 1] : matches[rule.n - 1];
      return pick ? [pick] : [];
    }
    case 'dates':
      return rule.dates.flatMap((text) => {
        const date = parseCivilDate(text);
        return date && date.year === year ? [date] : [];
      });
  }
}

const parsedFile = holidayCalendarFileSchema.parse(calendarsData);
const calendars = new Map(parsedFile.calendars.map((data) => [data.jurisdiction, buildWorkingDayCalendar(data)]));

export const HOLIDAY_CALENDARS_VERSION = parsedFile.version;

/** The shipped calendar for a jurisdiction, or undefined when none ships (then only weekends are skipped). */
export const holidayCalendarFor = (jurisdiction: string): WorkingDayCalendar | undefined => calendars.get(jurisdiction);

/** A calendar that knows only Saturday and Sunday, for jurisdictions without holiday data. */
export const weekendOnlyCalendar = (jurisdiction: string): WorkingDayCalendar =>
  buildWorkingDayCalendar({
    jurisdiction,
    coverage: { from: 0, to: -1 },
    weekend: [6, 7],
    source: 'weekends only',
    holidays: [],
  });
