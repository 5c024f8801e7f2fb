import Holidays from 'date-holidays';
import holidaysPackage from 'date-holidays/package.json';
import { isoWeekday, type CivilDate } from './civil-date';

/** The holiday data every deadline is computed with; its explanation names it, so a date can be re-derived later. */
export const HOLIDAY_SOURCE = `date-holidays ${holidaysPackage.version}`;

/** A working-day calendar for one jurisdiction (and region, when one is chosen). */
export type WorkingDayCalendar = {
  readonly jurisdiction: string;
  /** ISO 3166-2 subdivision without the country, e.g. "BY" for Bavaria; null for national holidays only. */
  readonly region: string | null;
  /** Where the holidays come from, or "weekends only" when the jurisdiction is not known to the source. */
  readonly source: string;
  /** False when the source has no public holidays for this jurisdiction: only weekends are skipped. */
  readonly knowsHolidays: boolean;
  isWeekend(date: CivilDate): boolean;
  /** Name of the public holiday on `date`, if any: in `language` where the source has it, else in the local language. */
  holidayName(date: CivilDate, language?: string): string | undefined;
  isWorkingDay(date: CivilDate): boolean;
};

const WEEKEND = new Set([6, 7]);
const cache = new Map<string, WorkingDayCalendar>();

/**
 * The calendar for a jurisdiction (ISO 3166-1 alpha-2) and optional region: public holidays only (bank holidays,
 * observances and optional days do not stop a legal period), computed for any year by `date-holidays`, offline.
 * A jurisdiction the source does not know gets a weekends-only calendar that says so.
 */
export function holidayCalendarFor(jurisdiction: string, region: string | null = null): WorkingDayCalendar {
  const key = `${jurisdiction}-${region ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const calendar = buildCalendar(jurisdiction, region);
  cache.set(key, calendar);
  return calendar;
}

/** The regions the source knows for a jurisdiction (code → name), for the office and partner settings. */
export function regionsOf(jurisdiction: string): Readonly<Record<string, string>> {
  // Asked for every State on each render of the settings panel: look each one up in the source once.
  let regions = regionCache.get(jurisdiction);
  if (regions === undefined) {
    regions = new Holidays().getStates(jurisdiction, 'en') ?? {};
    regionCache.set(jurisdiction, regions);
  }
  return regions;
}

const regionCache = new Map<string, Readonly<Record<string, string>>>();

function buildCalendar(jurisdiction: string, region: string | null): WorkingDayCalendar {
  const source = new Holidays();
  const found = region === null ? source.init(jurisdiction) : source.init(jurisdiction, region);
  const knowsHolidays = found !== undefined && found !== false && source.getCountries()[jurisdiction] !== undefined;
  const years = new Map<number, Map<string, Map<string, string>>>();
  const namesIn = (year: number, language: string | undefined): Map<string, string> => {
    let byLanguage = years.get(year);
    if (!byLanguage) years.set(year, (byLanguage = new Map()));
    let names = byLanguage.get(language ?? '');
    if (names) return names;
    names = new Map();
    if (knowsHolidays) {
      for (const holiday of source.getHolidays(year, language)) {
        if (holiday.type !== 'public') continue;
        const day = holiday.date.slice(0, 10);
        names.set(day, names.has(day) ? `${names.get(day)}; ${holiday.name}` : holiday.name);
      }
    }
    byLanguage.set(language ?? '', names);
    return names;
  };
  const isWeekend = (date: CivilDate) => WEEKEND.has(isoWeekday(date));
  const holidayName = (date: CivilDate, language?: string) => namesIn(date.year, language).get(dayKey(date));
  return {
    jurisdiction,
    region,
    source: knowsHolidays
      ? `${HOLIDAY_SOURCE}, ${region ? `${jurisdiction}-${region}` : jurisdiction}`
      : 'weekends only',
    knowsHolidays,
    isWeekend,
    holidayName,
    isWorkingDay: (date) => !isWeekend(date) && holidayName(date) === undefined,
  };
}

function dayKey(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
