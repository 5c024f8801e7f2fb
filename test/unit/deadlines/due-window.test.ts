import { describe, expect, it } from 'vitest';
import { dueWindow, isWithin, type DueFilter } from '@shared/deadlines/due-window';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);
const keeps = (filter: DueFilter, nowMs: number, dueIso: string, timeZone = BERLIN) => {
  const range = dueWindow(filter, nowMs, timeZone);
  return range === null || isWithin(at(dueIso), range);
};

describe('dueWindow', () => {
  // Wednesday 25 March 2026, 10:00 in Berlin (CET); the clocks go forward on Sunday 29 March.
  const now = at('2026-03-25T09:00:00Z');

  it('overdue is everything before now; today runs from now to the office’s midnight', () => {
    expect(keeps({ window: 'overdue' }, now, '2026-03-25T08:59:59.999Z')).toBe(true);
    expect(keeps({ window: 'overdue' }, now, '2026-03-25T09:00:00Z')).toBe(false);
    expect(keeps({ window: 'today' }, now, '2026-03-25T08:59:59Z')).toBe(false);
    expect(keeps({ window: 'today' }, now, '2026-03-25T22:59:59.999Z')).toBe(true); // 23:59:59.999 CET
    expect(keeps({ window: 'today' }, now, '2026-03-25T23:00:00Z')).toBe(false); // Thursday 00:00 CET
  });

  it('this week ends at the end of Sunday in the office’s zone: 23:30 local on Sunday is in, Monday 00:00 is not', () => {
    // Sunday 29 March is CEST (UTC+2) from 03:00: 23:30 local is 21:30 UTC.
    expect(keeps({ window: 'this-week' }, now, '2026-03-29T21:30:00Z')).toBe(true);
    expect(keeps({ window: 'this-week' }, now, '2026-03-29T21:59:59.999Z')).toBe(true);
    expect(keeps({ window: 'this-week' }, now, '2026-03-29T22:00:00Z')).toBe(false);
    // The same instant seen from New York is still Sunday afternoon there; from Tokyo it is already Monday.
    expect(keeps({ window: 'this-week' }, now, '2026-03-29T21:30:00Z', 'America/New_York')).toBe(true);
    expect(keeps({ window: 'this-week' }, now, '2026-03-29T21:30:00Z', 'Asia/Tokyo')).toBe(false);
  });

  it('on a Sunday evening, this week is only what is left of that Sunday', () => {
    const sundayEvening = at('2026-03-29T21:00:00Z'); // 23:00 CEST
    expect(keeps({ window: 'this-week' }, sundayEvening, '2026-03-29T21:30:00Z')).toBe(true);
    expect(keeps({ window: 'this-week' }, sundayEvening, '2026-03-30T06:00:00Z')).toBe(false);
    // In UTC it is still 21:00 on Sunday too, but in Auckland it is already Monday morning: a new week.
    expect(keeps({ window: 'this-week' }, sundayEvening, '2026-03-30T06:00:00Z', 'Pacific/Auckland')).toBe(true);
  });

  it('the next 7 and 30 days run to the end of the 7th and 30th local day after today', () => {
    expect(keeps({ window: 'next-7-days' }, now, '2026-04-01T21:59:59.999Z')).toBe(true); // Wed 1 Apr 23:59 CEST
    expect(keeps({ window: 'next-7-days' }, now, '2026-04-01T22:00:00Z')).toBe(false);
    expect(keeps({ window: 'next-30-days' }, now, '2026-04-24T21:59:59.999Z')).toBe(true);
    expect(keeps({ window: 'next-30-days' }, now, '2026-04-24T22:00:00Z')).toBe(false);
    expect(keeps({ window: 'next-30-days' }, now, '2026-03-25T08:00:00Z')).toBe(false); // already late
  });

  it('a date range takes whole local days at both ends, and either end may be open', () => {
    const range: DueFilter = { window: 'range', from: '2026-03-28', to: '2026-03-29' };
    expect(keeps(range, now, '2026-03-27T22:59:59.999Z')).toBe(false); // Friday 23:59 CET
    expect(keeps(range, now, '2026-03-27T23:00:00Z')).toBe(true); // Saturday 00:00 CET
    expect(keeps(range, now, '2026-03-29T21:59:59.999Z')).toBe(true); // Sunday 23:59 CEST
    expect(keeps(range, now, '2026-03-29T22:00:00Z')).toBe(false);
    expect(keeps({ window: 'range', from: '', to: '2026-03-01' }, now, '2020-01-01T00:00:00Z')).toBe(true);
    expect(keeps({ window: 'range', from: '2026-03-01', to: '' }, now, '2099-01-01T00:00:00Z')).toBe(true);
  });

  it('no filter, and a range with no readable end, keep everything', () => {
    expect(dueWindow({ window: 'any' }, now, BERLIN)).toBeNull();
    expect(dueWindow({ window: 'range', from: '', to: '' }, now, BERLIN)).toBeNull();
    expect(dueWindow({ window: 'range', from: '2026-02-30', to: 'soon' }, now, BERLIN)).toBeNull();
  });
});
