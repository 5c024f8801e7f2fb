import { describe, expect, it } from 'vitest';
import { computeDue } from '@shared/deadlines/compute-due';
import { type Duration } from '@shared/deadlines/duration';
import { HOLIDAY_SOURCE, holidayCalendarFor } from '@shared/deadlines/holiday-calendar';

type Example = {
  name: string;
  start: string;
  duration: Duration;
  zone: string;
  calendar: string;
  region?: string;
  rollForward?: boolean;
  extensions?: Duration[];
  suspensions?: { from: string; to: string | null }[];
  due: string | null;
};

const days = (amount: number): Duration => ({ amount, unit: 'calendar-days' });
const months = (amount: number): Duration => ({ amount, unit: 'calendar-months' });
const working = (amount: number): Duration => ({ amount, unit: 'business-days' });

/** Dates in, due dates out. Each due instant is the last millisecond of the local day (or exact, for hours). */
const EXAMPLES: Example[] = [
  // Reg. (EEC, Euratom) No 1182/71, Art. 3, rule by rule (DE calendar: Good Friday 3 Apr, Easter Monday 6 Apr 2026).
  {
    name: 'Art. 3(1), 3(2)(a): 24 hours from 10:20 run from 11:00 and end at the expiry of 11:00 the next day',
    start: '2026-03-10T09:20:00Z',
    duration: { amount: 24, unit: 'hours' },
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    due: '2026-03-11T09:59:59.999Z',
  },
  {
    name: 'Art. 3(1), 3(2)(b): the day of the event does not count; 10 days from Monday 23:30 end on Thursday week',
    start: '2026-03-09T22:30:00Z',
    duration: days(10),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    due: '2026-03-19T22:59:59.999Z',
  },
  {
    name: 'Art. 3(2)(c): 2 weeks from a Wednesday end on the Wednesday two weeks later',
    start: '2026-03-04T08:00:00Z',
    duration: { amount: 2, unit: 'weeks' },
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    due: '2026-03-18T22:59:59.999Z',
  },
  {
    name: 'Art. 3(3): a period in days includes Saturdays, Sundays and holidays (no roll where the rules do not apply)',
    start: '2026-03-30T08:00:00Z',
    duration: days(5),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: false,
    due: '2026-04-04T21:59:59.999Z',
  },
  {
    name: 'Art. 3(4): 5 days ending on Easter Saturday end on Tuesday, after Sunday and Easter Monday',
    start: '2026-03-30T08:00:00Z',
    duration: days(5),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    due: '2026-04-07T21:59:59.999Z',
  },
  {
    name: 'Art. 3(5): 2 days from a Friday end on Tuesday, not Monday, to include two working days',
    start: '2026-03-06T10:00:00Z',
    duration: days(2),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    due: '2026-03-10T22:59:59.999Z',
  },
  {
    name: 'Art. 3(5): 2 days from Maundy Thursday end on Wednesday (Good Friday and Easter Monday are holidays)',
    start: '2026-04-02T08:00:00Z',
    duration: days(2),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    due: '2026-04-08T21:59:59.999Z',
  },
  {
    name: 'Art. 3(4) with an extension: 10 days rolled from Saturday to Monday 9 March, extended by 10 days from that Monday',
    start: '2026-02-25T10:00:00Z',
    duration: days(10),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    extensions: [days(10)],
    due: '2026-03-19T22:59:59.999Z',
  },
  // Calendar months: same day-of-month, or the month's last day when it has no such day.
  {
    name: '1 month from 31 Jan ends on 28 Feb',
    start: '2025-01-31T10:00:00Z',
    duration: months(1),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2025-02-28T22:59:59.999Z',
  },
  {
    name: '1 month from 31 Jan in a leap year ends on 29 Feb',
    start: '2028-01-31T10:00:00Z',
    duration: months(1),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2028-02-29T22:59:59.999Z',
  },
  {
    name: '1 month from 30 Jan 2024 (leap) ends on 29 Feb',
    start: '2024-01-30T09:00:00Z',
    duration: months(1),
    zone: 'Europe/Paris',
    calendar: 'XX',
    due: '2024-02-29T22:59:59.999Z',
  },
  {
    name: '1 month from 31 Mar ends on 30 Apr (after the DST change)',
    start: '2025-03-31T08:00:00Z',
    duration: months(1),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2025-04-30T21:59:59.999Z',
  },
  {
    name: '12 months from 29 Feb 2028 ends on 28 Feb 2029',
    start: '2028-02-29T12:00:00Z',
    duration: months(12),
    zone: 'Europe/Berlin',
    calendar: 'XX',
    due: '2029-02-28T22:59:59.999Z',
  },
  {
    name: '1 month from 15 Dec crosses the year',
    start: '2026-12-15T12:00:00Z',
    duration: months(1),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2027-01-15T22:59:59.999Z',
  },
  {
    name: '6 months landing on a Saturday roll forward to Monday',
    start: '2025-08-31T12:00:00Z',
    duration: months(6),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    due: '2026-03-02T22:59:59.999Z',
  },
  {
    name: 'Art. 61 month ending on 1 May (FR holiday, Friday) ends Monday 4 May',
    start: '2026-04-01T09:00:00Z',
    duration: months(1),
    zone: 'Europe/Paris',
    calendar: 'FR',
    rollForward: true,
    due: '2026-05-04T21:59:59.999Z',
  },
  // Calendar days, weeks, and the day of the event not counting.
  {
    name: '10 days: the event day does not count',
    start: '2026-06-01T08:00:00Z',
    duration: days(10),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-06-11T21:59:59.999Z',
  },
  {
    name: 'an event at 00:30 local is on the local day, not the UTC day',
    start: '2026-01-15T23:30:00Z',
    duration: days(10),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-01-26T22:59:59.999Z',
  },
  {
    name: '4 weeks from a Wednesday ends on a Wednesday',
    start: '2026-06-03T10:00:00Z',
    duration: { amount: 4, unit: 'weeks' },
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    due: '2026-07-01T21:59:59.999Z',
  },
  {
    name: '3 weeks ending on Whit Monday roll forward (DE)',
    start: '2026-05-04T10:00:00Z',
    duration: { amount: 3, unit: 'weeks' },
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    due: '2026-05-26T21:59:59.999Z',
  },
  {
    name: 'EIO 30 days + 30 days extension ending on New Year (ES) roll to 4 Jan',
    start: '2026-11-02T10:00:00Z',
    duration: days(30),
    extensions: [days(30)],
    zone: 'Europe/Madrid',
    calendar: 'ES',
    rollForward: true,
    due: '2027-01-04T22:59:59.999Z',
  },
  // Business days, holidays and weekend rules.
  {
    name: '5 working days over Easter (DE)',
    start: '2026-04-02T09:00:00Z',
    duration: working(5),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-04-13T21:59:59.999Z',
  },
  {
    // The source types Irish substitute days as bank holidays, not public ones, so they count as working days: the
    // date can only come out early, never late (docs/workflow.md, "Holiday calendars").
    name: '3 working days over Irish Christmas: the substitute day (27 Dec) is a bank holiday and counts',
    start: '2027-12-24T09:00:00Z',
    duration: working(3),
    zone: 'Europe/Dublin',
    calendar: 'IE',
    due: '2027-12-29T23:59:59.999Z',
  },
  {
    name: '2 working days over the Belgian national day',
    start: '2026-07-20T09:00:00Z',
    duration: working(2),
    zone: 'Europe/Brussels',
    calendar: 'BE',
    due: '2026-07-23T21:59:59.999Z',
  },
  {
    name: '1 working day over a weekend and Koningsdag (NL)',
    start: '2026-04-24T09:00:00Z',
    duration: working(1),
    zone: 'Europe/Amsterdam',
    calendar: 'NL',
    due: '2026-04-28T21:59:59.999Z',
  },
  {
    name: '1 working day over Ascension (FR)',
    start: '2026-05-13T09:00:00Z',
    duration: working(1),
    zone: 'Europe/Paris',
    calendar: 'FR',
    due: '2026-05-15T21:59:59.999Z',
  },
  {
    name: '2 working days over Italian Christmas and St Stephen’s Day (Italy had weekends only before)',
    start: '2026-12-24T09:00:00Z',
    duration: working(2),
    zone: 'Europe/Rome',
    calendar: 'IT',
    due: '2026-12-29T22:59:59.999Z',
  },
  {
    name: 'Art. 3(4): a period ending on a regional holiday (Epiphany in Bavaria) ends the next working day',
    start: '2025-12-27T10:00:00Z',
    duration: days(10),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    region: 'BY',
    rollForward: true,
    due: '2026-01-07T22:59:59.999Z',
  },
  {
    name: 'the same period without the region ends on 6 January',
    start: '2025-12-27T10:00:00Z',
    duration: days(10),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    rollForward: true,
    due: '2026-01-06T22:59:59.999Z',
  },
  {
    name: 'Art. 3(4): a period ending on Poland’s 3 May (a Monday in 2027) ends on 4 May',
    start: '2027-04-23T10:00:00Z',
    duration: days(10),
    zone: 'Europe/Warsaw',
    calendar: 'PL',
    rollForward: true,
    due: '2027-05-04T21:59:59.999Z',
  },
  {
    name: 'Art. 3(4): a period ending on Italy’s 2 June (Festa della Repubblica) ends on 3 June',
    start: '2026-05-23T10:00:00Z',
    duration: days(10),
    zone: 'Europe/Rome',
    calendar: 'IT',
    rollForward: true,
    due: '2026-06-03T21:59:59.999Z',
  },
  {
    name: '10 working days spanning New Year 2031 in Germany',
    start: '2030-12-20T10:00:00Z',
    duration: working(10),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2031-01-08T22:59:59.999Z',
  },
  // Time zones and DST (Europe/Berlin: 29 Mar 2026 and 25 Oct 2026).
  {
    name: '8 hours across the spring DST change are 8 real hours',
    start: '2026-03-28T22:30:00Z',
    duration: { amount: 8, unit: 'hours' },
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-03-29T06:30:00.000Z',
  },
  {
    name: '96 hours across the autumn DST change',
    start: '2026-10-23T10:00:00Z',
    duration: { amount: 96, unit: 'hours' },
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-10-27T10:00:00.000Z',
  },
  {
    name: '1 day ending on the spring-forward day ends at local midnight (CEST)',
    start: '2026-03-28T12:00:00Z',
    duration: days(1),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-03-29T21:59:59.999Z',
  },
  {
    name: '1 day ending on the fall-back day ends at local midnight (CET)',
    start: '2026-10-24T12:00:00Z',
    duration: days(1),
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-10-25T22:59:59.999Z',
  },
  {
    name: 'same instant, New York zone',
    start: '2026-03-08T12:00:00Z',
    duration: days(1),
    zone: 'America/New_York',
    calendar: 'US',
    due: '2026-03-10T03:59:59.999Z',
  },
  // Stop-the-clock.
  {
    name: 'a 48-hour suspension adds two days',
    start: '2026-06-01T08:00:00Z',
    duration: days(10),
    suspensions: [{ from: '2026-06-03T00:00:00Z', to: '2026-06-05T00:00:00Z' }],
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-06-13T21:59:59.999Z',
  },
  {
    name: 'a part-day suspension rounds up to the end of that day',
    start: '2026-06-01T08:00:00Z',
    duration: days(10),
    suspensions: [{ from: '2026-06-03T10:00:00Z', to: '2026-06-03T16:00:00Z' }],
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-06-12T21:59:59.999Z',
  },
  {
    name: 'a suspension after the due date changes nothing',
    start: '2026-06-01T08:00:00Z',
    duration: days(10),
    suspensions: [{ from: '2026-07-01T00:00:00Z', to: '2026-07-05T00:00:00Z' }],
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-06-11T21:59:59.999Z',
  },
  {
    name: 'hours suspended are added exactly',
    start: '2026-06-01T08:00:00Z',
    duration: { amount: 8, unit: 'hours' },
    suspensions: [{ from: '2026-06-01T09:00:00Z', to: '2026-06-01T10:30:00Z' }],
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: '2026-06-01T17:30:00.000Z',
  },
  {
    name: 'a stopped clock has no due date',
    start: '2026-06-01T08:00:00Z',
    duration: days(10),
    suspensions: [{ from: '2026-06-03T00:00:00Z', to: null }],
    zone: 'Europe/Berlin',
    calendar: 'DE',
    due: null,
  },
];

describe('deadline worked examples', () => {
  it.each(EXAMPLES)('$name', (example) => {
    const outcome = computeDue({
      startMs: Date.parse(example.start),
      duration: example.duration,
      extensions: example.extensions ?? [],
      suspensions: (example.suspensions ?? []).map((s) => ({
        fromMs: Date.parse(s.from),
        toMs: s.to === null ? null : Date.parse(s.to),
      })),
      timeZone: example.zone,
      calendar: holidayCalendarFor(example.calendar, example.region ?? null),
      rollForward: example.rollForward ?? false,
    });
    expect(outcome.dueMs === null ? null : new Date(outcome.dueMs).toISOString()).toBe(example.due);
  });

  it('explains why a date moved, and names the holiday data it used', () => {
    const outcome = computeDue({
      startMs: Date.parse('2026-04-01T09:00:00Z'),
      duration: months(1),
      extensions: [],
      suspensions: [],
      timeZone: 'Europe/Paris',
      calendar: holidayCalendarFor('FR'),
      rollForward: true,
    });
    expect(outcome.notes).toEqual([
      'Fri 2026-05-01 is a public holiday (Fête du travail); the period ends on the next working day, Mon 2026-05-04 (Reg. 1182/71 Art. 3(4)).',
      `Working days: weekends and public holidays (${HOLIDAY_SOURCE}, FR).`,
    ]);
  });

  it('says so where public holidays are not known, and says nothing where no working day mattered', () => {
    const input = (jurisdiction: string, rollForward: boolean) => ({
      startMs: Date.parse('2028-12-20T09:00:00Z'),
      duration: days(10),
      extensions: [],
      suspensions: [],
      timeZone: 'Europe/Berlin',
      calendar: holidayCalendarFor(jurisdiction),
      rollForward,
    });
    expect(computeDue(input('ZZ', true)).notes).toEqual([
      // 1 January is not known as a holiday here: that is what the second line warns about.
      'Sat 2028-12-30 is a weekend day; the period ends on the next working day, Mon 2029-01-01 (Reg. 1182/71 Art. 3(4)).',
      'Working days: weekends only — public holidays of ZZ are not known, so this date may be early.',
    ]);
    expect(computeDue(input('DE', false)).notes).toEqual([]);
  });
});
