import { it } from 'vitest';
import { computeDue } from '@shared/deadlines/compute-due';
import { type Duration } from '@shared/deadlines/duration';
import { holidayCalendarFor } from '@shared/deadlines/holiday-calendar';
import { VOCABULARIES } from '@shared/vocab/vocabulary';
import { bestOf, reportRatio } from '../report';

const DEADLINES = 10_000;
const DAY = 86_400_000;
const start = Date.parse('2026-01-05T09:00:00Z');
const jurisdictions = VOCABULARIES.jurisdictions.terms.map((t) => ({ code: t.code, timeZone: t.timeZone }));
const durations: Duration[] = [
  { amount: 10, unit: 'business-days' },
  { amount: 30, unit: 'calendar-days' },
  { amount: 1, unit: 'calendar-months' },
  { amount: 2, unit: 'calendar-days' },
];

/** 10,000 dashboard deadlines over every jurisdiction, five years: computed with holidays, or with weekends only. */
function computeAll(withHolidays: boolean): number {
  let sum = 0;
  for (let i = 0; i < DEADLINES; i++) {
    const place = jurisdictions[i % jurisdictions.length] ?? { code: 'DE', timeZone: 'Europe/Berlin' };
    const outcome = computeDue({
      startMs: start + (i % 1800) * DAY,
      duration: durations[i % durations.length] ?? { amount: 10, unit: 'calendar-days' },
      extensions: [],
      suspensions: [],
      timeZone: place.timeZone,
      calendar: holidayCalendarFor(withHolidays ? place.code : 'ZZ'),
      rollForward: true,
    });
    sum += outcome.dueMs ?? 0;
  }
  return sum;
}

it('10,000 deadlines over 37 calendars vs weekends only', async () => {
  computeAll(true); // first use builds each calendar's years; the dashboard pays that once per session
  const measured = await bestOf(5, () => computeAll(true));
  const baseline = await bestOf(5, () => computeAll(false));
  reportRatio(
    'deadlines with public holidays (date-holidays), 10,000',
    measured,
    'the same with weekends only',
    baseline,
    `${((measured * 1000) / DEADLINES).toFixed(1)} µs per deadline`,
  );
  const cold = performance.now();
  holidayCalendarFor('PT', '20').isWorkingDay({ year: 2041, month: 6, day: 10 });
  console.log(`first lookup of a new calendar and year: ${(performance.now() - cold).toFixed(1)} ms`);
});
