import { describe, expect, it } from 'vitest';
import { parseCivilDate } from '@shared/deadlines/civil-date';
import { HOLIDAY_SOURCE, holidayCalendarFor, regionsOf } from '@shared/deadlines/holiday-calendar';
import { VOCABULARIES } from '@shared/vocab/vocabulary';

const day = (text: string) => {
  const parsed = parseCivilDate(text);
  if (!parsed) throw new Error(`bad date ${text}`);
  return parsed;
};
const isHoliday = (jurisdiction: string, date: string, region: string | null = null) =>
  holidayCalendarFor(jurisdiction, region).holidayName(day(date)) !== undefined;

const YEARS = [2026, 2027, 2028, 2029, 2030] as const;
/** Easter-based days, by the western and the Orthodox computus, for 2026–2030. */
const GOOD_FRIDAY = ['2026-04-03', '2027-03-26', '2028-04-14', '2029-03-30', '2030-04-19'];
const EASTER_MONDAY = ['2026-04-06', '2027-03-29', '2028-04-17', '2029-04-02', '2030-04-22'];
const ORTHODOX_EASTER_MONDAY = ['2026-04-13', '2027-05-03', '2028-04-17', '2029-04-09', '2030-04-29'];

/**
 * Pinned public holidays of every EU member state, 2026–2030: the national day(s) fixed by each state's law and the
 * Easter-based days where they are public holidays. Written by hand from the national holiday laws; an upgrade of
 * the holiday data that moves or drops one of these dates fails here, so a change is a decision, not an accident.
 * States whose national day is not a day off (Denmark) are pinned on their Easter days only.
 */
const PINNED: Record<string, { fixed: string[]; easter: string[][] }> = {
  AT: { fixed: ['10-26'], easter: [EASTER_MONDAY] },
  BE: { fixed: ['07-21'], easter: [EASTER_MONDAY] },
  BG: { fixed: ['03-03'], easter: [ORTHODOX_EASTER_MONDAY] },
  HR: { fixed: ['05-30'], easter: [EASTER_MONDAY] },
  CY: { fixed: ['10-01', '03-25'], easter: [ORTHODOX_EASTER_MONDAY] },
  CZ: { fixed: ['10-28'], easter: [GOOD_FRIDAY, EASTER_MONDAY] },
  DK: { fixed: [], easter: [GOOD_FRIDAY, EASTER_MONDAY] },
  EE: { fixed: ['02-24'], easter: [GOOD_FRIDAY] },
  FI: { fixed: ['12-06'], easter: [GOOD_FRIDAY, EASTER_MONDAY] },
  FR: { fixed: ['07-14'], easter: [EASTER_MONDAY] },
  DE: { fixed: ['10-03'], easter: [GOOD_FRIDAY, EASTER_MONDAY] },
  GR: { fixed: ['03-25'], easter: [ORTHODOX_EASTER_MONDAY] },
  HU: { fixed: ['03-15', '08-20', '10-23'], easter: [GOOD_FRIDAY, EASTER_MONDAY] },
  IE: { fixed: ['03-17'], easter: [EASTER_MONDAY] },
  IT: { fixed: ['06-02', '04-25'], easter: [EASTER_MONDAY] },
  LV: { fixed: ['11-18'], easter: [GOOD_FRIDAY, EASTER_MONDAY] },
  LT: { fixed: ['02-16', '03-11'], easter: [EASTER_MONDAY] },
  LU: { fixed: ['06-23'], easter: [EASTER_MONDAY] },
  MT: { fixed: ['09-21', '03-31', '12-13'], easter: [GOOD_FRIDAY] },
  NL: { fixed: [], easter: [EASTER_MONDAY] },
  PL: { fixed: ['05-03', '11-11'], easter: [EASTER_MONDAY] },
  PT: { fixed: ['06-10', '04-25'], easter: [GOOD_FRIDAY] },
  RO: { fixed: ['12-01'], easter: [ORTHODOX_EASTER_MONDAY] },
  SK: { fixed: ['07-05'], easter: [GOOD_FRIDAY, EASTER_MONDAY] },
  SI: { fixed: ['06-25'], easter: [EASTER_MONDAY] },
  ES: { fixed: ['10-12'], easter: [GOOD_FRIDAY] },
  SE: { fixed: ['06-06'], easter: [GOOD_FRIDAY, EASTER_MONDAY] },
};

describe('public holidays of every EU member state, pinned for 2026–2030', () => {
  it.each(Object.entries(PINNED))('%s', (jurisdiction, { fixed, easter }) => {
    const missing: string[] = [];
    YEARS.forEach((year, index) => {
      for (const monthDay of fixed)
        if (!isHoliday(jurisdiction, `${year}-${monthDay}`)) missing.push(`${year}-${monthDay}`);
      for (const dates of easter) {
        const date = dates[index] ?? '';
        if (!isHoliday(jurisdiction, date)) missing.push(date);
      }
    });
    expect(missing).toEqual([]);
  });

  it('pins the Dutch King’s Day, moved to 26 April when 27 April is a Sunday', () => {
    expect(isHoliday('NL', '2026-04-27')).toBe(true);
    expect(isHoliday('NL', '2025-04-26')).toBe(true);
    expect(isHoliday('NL', '2025-04-27')).toBe(false);
  });
});

describe('calendars for every jurisdiction in the vocabulary', () => {
  it('knows public holidays for each one, in any year', () => {
    const unknown = VOCABULARIES.jurisdictions.terms
      .map((t) => t.code)
      .filter((code) => !holidayCalendarFor(code).knowsHolidays);
    expect(unknown).toEqual([]);
    expect(isHoliday('DE', '2031-12-25')).toBe(true);
    expect(isHoliday('PL', '2045-05-03')).toBe(true);
  });

  it('counts public holidays only: not bank holidays, observances or optional days', () => {
    // 24 December is not a public holiday in Germany (shops close at noon; it is not a day off by law).
    expect(isHoliday('DE', '2026-12-24')).toBe(false);
    // Carnival Monday is a custom in the Rhineland, not a public holiday.
    expect(isHoliday('DE', '2026-02-16', 'NW')).toBe(false);
  });

  it('adds the region’s holidays when a region is chosen', () => {
    expect(isHoliday('DE', '2026-01-06')).toBe(false);
    expect(isHoliday('DE', '2026-01-06', 'BY')).toBe(true); // Heilige Drei Könige, Bavaria
    expect(isHoliday('ES', '2026-09-11', 'CT')).toBe(true); // Diada Nacional de Catalunya
    expect(isHoliday('ES', '2026-09-11')).toBe(false);
    expect(regionsOf('DE')).toMatchObject({ BY: expect.any(String), NW: expect.any(String) });
  });

  it('says when it knows nothing: a jurisdiction outside the source counts weekends only', () => {
    const calendar = holidayCalendarFor('ZZ');
    expect(calendar.knowsHolidays).toBe(false);
    expect(calendar.source).toBe('weekends only');
    expect(calendar.isWorkingDay(day('2026-12-25'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-12-26'))).toBe(false);
  });

  it('names a holiday in the local language, or in another where the source has it', () => {
    const pl = holidayCalendarFor('PL');
    expect(pl.holidayName(day('2026-05-03'))).toBe('Święto Narodowe Trzeciego Maja');
    expect(pl.holidayName(day('2026-05-03'), 'en')).toMatch(/Constitution Day/);
    expect(holidayCalendarFor('DE').source).toBe(`${HOLIDAY_SOURCE}, DE`);
  });
});
