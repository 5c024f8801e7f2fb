import { describe, expect, it } from 'vitest';
import { calendarOf, recomputeDue } from '@shared/deadlines/tracked-deadline';
import { clockFor } from '@shared/workflow/step-helpers';
import { alice, apply, makeContext, requestTo } from './workflow-fixtures';

describe('holiday regions chosen by the office', () => {
  it('start new deadlines on the region’s calendar of the side whose law sets the period', () => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z');
    const withRegions = { ...context, settings: { ...context.settings, holidayRegions: { FR: 'GES', DE: 'BY' } } };
    let t = requestTo('response-received', withRegions, clock);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, withRegions);
    // The challenge window runs on the office's own clock (DE), with the region the office chose.
    const window = t.case.deadlines.find((d) => d.purpose === 'challenge-window');
    expect(window?.calendarJurisdiction).toBe('DE-BY');
    const c = t.case;
    expect(clockFor(c, 'partner', withRegions.settings).jurisdiction).toBe('FR-GES');
    expect(clockFor(c, 'partner', { holidayRegions: {} }).jurisdiction).toBe('FR');
  });

  it('counts a region’s holidays: Epiphany in Bavaria moves a period end, nationally it does not', () => {
    expect(calendarOf('DE-BY').holidayName({ year: 2026, month: 1, day: 6 })).toBe('Heilige Drei Könige');
    expect(calendarOf('DE').holidayName({ year: 2026, month: 1, day: 6 })).toBeUndefined();
    const base = {
      startedAt: '2025-12-27T10:00:00.000Z',
      timeZone: 'Europe/Berlin',
      rollForward: true,
      duration: { amount: 10, unit: 'calendar-days' as const },
      extensionRule: null,
      extensions: [],
      suspensions: [],
    };
    const due = (calendarJurisdiction: string) =>
      recomputeDue({ ...sampleDeadline(), ...base, calendarJurisdiction }).dueAt;
    expect(due('DE')).toBe('2026-01-06T22:59:59.999Z');
    expect(due('DE-BY')).toBe('2026-01-07T22:59:59.999Z');
  });
});

function sampleDeadline() {
  return {
    id: 'd1',
    templateId: 'generic-notice-challenge-decision',
    templateVersion: 1,
    periodId: 'challenge-window',
    purpose: 'challenge-window' as const,
    label: 'Challenge window',
    source: 'test',
    emergency: false,
    metAt: null,
    lapseOutcome: 'window-closed' as const,
  };
}
