import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonths,
  daysInMonth,
  easterSunday,
  formatCivilDate,
  fromDayNumber,
  isoWeekday,
  parseCivilDate,
  toDayNumber,
} from '@shared/deadlines/civil-date';
import { holidayCalendarFor } from '@shared/deadlines/holiday-calendar';

describe('civil dates', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(formatCivilDate(easterSunday(year))).toBe(date);
  });

  it('knows leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('adds months with the end-of-month rule', () => {
    const plus = (text: string, n: number) =>
      formatCivilDate(addMonths(parseCivilDate(text) ?? { year: 0, month: 1, day: 1 }, n));
    expect(plus('2025-01-31', 1)).toBe('2025-02-28');
    expect(plus('2024-01-31', 1)).toBe('2024-02-29');
    expect(plus('2025-05-31', 1)).toBe('2025-06-30');
    expect(plus('2025-03-31', -1)).toBe('2025-02-28');
    expect(plus('2025-11-30', 3)).toBe('2026-02-28');
  });

  it('month addition never overshoots the target month and keeps the day when it exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80_000 }), fc.integer({ min: 0, max: 240 }), (dayNumber, n) => {
        const start = fromDayNumber(dayNumber);
        const end = addMonths(start, n);
        expect((end.year - start.year) * 12 + end.month - start.month).toBe(n);
        expect(end.day).toBe(Math.min(start.day, daysInMonth(end.year, end.month)));
      }),
    );
  });

  it('round-trips day numbers and parses only real dates', () => {
    expect(formatCivilDate(fromDayNumber(toDayNumber({ year: 2026, month: 3, day: 29 })))).toBe('2026-03-29');
    expect(parseCivilDate('2025-02-29')).toBeNull();
    expect(parseCivilDate('2025-13-01')).toBeNull();
    expect(isoWeekday({ year: 2026, month: 3, day: 29 })).toBe(7);
  });
});

describe('holiday calendars', () => {
  const name = (jurisdiction: string, date: string) => {
    const day = parseCivilDate(date);
    return day ? holidayCalendarFor(jurisdiction)?.holidayName(day) : 'bad date';
  };

  it.each([
    ['DE', '2026-04-03', 'Karfreitag'],
    ['DE', '2027-05-17', 'Pfingstmontag'],
    ['DE', '2028-05-25', 'Christi Himmelfahrt'],
    ['FR', '2025-06-09', 'Lundi de Pentecôte'],
    ['FR', '2027-07-14', 'Fête nationale'],
    ['ES', '2028-04-14', 'Viernes Santo'],
    ['ES', '2026-12-08', 'Inmaculada Concepción'],
    ['IE', '2026-10-26', 'October Bank Holiday'],
    ['IE', '2028-06-05', 'June Bank Holiday'],
    ['IE', '2028-01-03', 'Substitute days (holiday on a weekend)'],
    ['NL', '2025-04-26', 'Koningsdag (26 April when 27 April is a Sunday)'],
    ['BE', '2027-03-29', 'Lundi de Pâques / Paasmaandag'],
  ])('%s %s is %s', (jurisdiction, date, expected) => {
    expect(name(jurisdiction, date)).toBe(expected);
  });

  it('ships DE, FR, ES, IE, NL and BE for 2025–2028, with weekends off', () => {
    for (const code of ['DE', 'FR', 'ES', 'IE', 'NL', 'BE']) {
      const calendar = holidayCalendarFor(code);
      expect(calendar?.coverage).toEqual({ from: 2025, to: 2028 });
      expect(calendar?.isWorkingDay({ year: 2026, month: 3, day: 28 })).toBe(false);
      expect(calendar?.isWorkingDay({ year: 2026, month: 3, day: 25 })).toBe(true);
      expect(calendar?.isWorkingDay({ year: 2026, month: 12, day: 25 })).toBe(false);
    }
    expect(name('DE', '2026-03-17')).toBeUndefined();
  });
});
