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
