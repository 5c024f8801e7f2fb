import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeDue } from '@shared/deadlines/compute-due';
import { DURATION_UNITS, describeDuration } from '@shared/deadlines/duration';
import { holidayCalendarFor } from '@shared/deadlines/holiday-calendar';
import { endOfLocalDay, localDateAt, offsetAt, startOfLocalDay, wallClockAt } from '@shared/deadlines/zoned-time';

describe('zoned time', () => {
  it('follows Europe/Berlin across both DST changes of 2026', () => {
    expect(offsetAt(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetAt(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(offsetAt(Date.parse('2026-10-25T00:59:59Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(offsetAt(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    // The spring-forward day has 23 hours, the fall-back day 25.
    const length = (day: number, month: number) =>
      endOfLocalDay({ year: 2026, month, day }, 'Europe/Berlin') +
      1 -
      startOfLocalDay({ year: 2026, month, day }, 'Europe/Berlin');
    expect(length(29, 3)).toBe(23 * 3_600_000);
    expect(length(25, 10)).toBe(25 * 3_600_000);
    expect(length(28, 3)).toBe(24 * 3_600_000);
  });

  it('finds the local date and wall clock of an instant', () => {
    expect(localDateAt(Date.parse('2026-01-15T23:30:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 1, day: 16 });
    expect(localDateAt(Date.parse('2026-01-15T23:30:00Z'), 'America/New_York')).toEqual({
      year: 2026,
      month: 1,
      day: 15,
    });
    expect(wallClockAt(Date.parse('2026-07-01T12:00:00Z'), 'Asia/Tokyo')).toMatchObject({ hour: 21, minute: 0 });
  });

  it('handles a zone whose clocks skip midnight', () => {
    // America/Santiago moved clocks from 00:00 to 01:00 on 6 September 2026.
    const start = startOfLocalDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago');
    expect(localDateAt(start, 'America/Santiago')).toEqual({ year: 2026, month: 9, day: 6 });
    expect(localDateAt(start - 1, 'America/Santiago')).toEqual({ year: 2026, month: 9, day: 5 });
  });

  it('words durations', () => {
    expect(describeDuration({ amount: 1, unit: 'calendar-months' })).toBe('1 month');
    expect(describeDuration({ amount: 8, unit: 'hours' })).toBe('8 hours');
  });
});

describe('deadline properties', () => {
  const zones = ['Europe/Berlin', 'Europe/Dublin', 'Europe/Madrid', 'America/New_York', 'Asia/Tokyo'];
  const jurisdictions = ['DE', 'IE', 'ES', 'US', 'JP'];
  const input = fc.record({
    startMs: fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-06-30T00:00:00Z') }),
    amount: fc.integer({ min: 1, max: 40 }),
    unit: fc.constantFrom(...DURATION_UNITS),
    place: fc.nat(zones.length - 1),
    rollForward: fc.boolean(),
  });

  it('ends after it starts, at the last millisecond of a local day for day-based units, and grows with the amount', () => {
    fc.assert(
      fc.property(input, ({ startMs, amount, unit, place, rollForward }) => {
        const timeZone = zones[place] ?? 'UTC';
        const code = jurisdictions[place] ?? 'DE';
        const due = (n: number) =>
          computeDue({
            startMs,
            duration: { amount: n, unit },
            extensions: [],
            suspensions: [],
            timeZone,
            calendar: holidayCalendarFor(code),
            rollForward,
          }).dueMs ?? 0;
        const end = due(amount);
        expect(end).toBeGreaterThan(startMs);
        expect(due(amount + 1)).toBeGreaterThanOrEqual(end);
        if (unit !== 'hours') expect(endOfLocalDay(localDateAt(end, timeZone), timeZone)).toBe(end);
        else if (!rollForward) expect(end - startMs).toBe(amount * 3_600_000);
        // Reg. 1182/71 Art. 3(1), 3(2)(a): whole hours after the hour of the event, ending at the end of an hour.
        else expect(end + 1 - (Math.floor(startMs / 3_600_000) + 1) * 3_600_000).toBe(amount * 3_600_000);
      }),
      { numRuns: 300 },
    );
  });
});
