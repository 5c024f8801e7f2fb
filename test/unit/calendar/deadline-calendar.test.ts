import { describe, expect, it } from 'vitest';
import {
  buildDeadlineCalendar,
  deadlineEventUid,
  upcomingDeadlineEvents,
  type CalendarCase,
  type CalendarDeadline,
} from '@shared/calendar/deadline-calendar';

const nowMs = Date.UTC(2026, 11, 1, 9, 0, 0);
const summary = (caseId: string, reference: string, deadlines: CalendarCase['deadlines']): CalendarCase => ({
  caseId,
  reference,
  deadlines,
});
const cases = [
  summary('case-b', 'DE-BFDI-2026-0002', [
    { id: 'd1', label: 'Answer', dueMs: nowMs + 3 * 86_400_000, actingParty: 'partner' },
    { id: 'd2', label: 'Past', dueMs: nowMs - 1 },
  ]),
  summary('case-a', 'DE-BFDI-2026-0001', [{ id: 'd1', label: 'Recognition', dueMs: nowMs + 86_400_000 }]),
];

describe('the deadline calendar', () => {
  const options = {
    nowMs,
    summary: (reference: string, d: CalendarDeadline) =>
      `${reference}: ${d.label}${d.actingParty === 'partner' ? ' (partner)' : ''}`,
  };

  it('lists open deadlines due from now, soonest first, with a UID stable per case and deadline', () => {
    const events = upcomingDeadlineEvents(cases, options);
    expect(events.map((e) => e.uid)).toEqual([deadlineEventUid('case-a', 'd1'), deadlineEventUid('case-b', 'd1')]);
    expect(events[0]?.summary).toBe('DE-BFDI-2026-0001: Recognition');
    expect(upcomingDeadlineEvents(cases, { ...options, nowMs: nowMs + 1000 }).map((e) => e.uid)).toEqual(
      events.map((e) => e.uid),
    );
  });

  it('writes only what the summary function was given: reference and label', () => {
    const text = buildDeadlineCalendar(cases, options);
    expect(text).toContain('SUMMARY:DE-BFDI-2026-0002: Answer (partner)\r\n');
    expect(text).toContain('DTSTART:20261204T090000Z\r\n');
    expect(text).not.toContain('Past');
  });

  it('is an empty calendar when nothing is due', () => {
    const text = buildDeadlineCalendar([], options);
    expect(text).not.toContain('BEGIN:VEVENT');
    expect(text).toContain('BEGIN:VCALENDAR');
  });
});
