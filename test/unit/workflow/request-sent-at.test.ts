import { describe, expect, it } from 'vitest';
import { requestSentAt } from '../../../renderer/src/screens/case/request-sent-at';

describe('the day a request recorded by hand left', () => {
  const now = new Date(2026, 2, 4, 15, 30).getTime(); // 4 March 2026, 15:30 local time

  it('today means now: the moment it is recorded', () => {
    expect(requestSentAt('2026-03-04', now)).toBe(new Date(now).toISOString());
  });

  it('an earlier day counts as that day (noon UTC), as only the day counts', () => {
    expect(requestSentAt('2026-03-02', now)).toBe('2026-03-02T12:00:00.000Z');
  });

  it('is null for anything that is not a date', () => {
    expect(requestSentAt('', now)).toBeNull();
    expect(requestSentAt('2 March', now)).toBeNull();
    expect(requestSentAt('2026-02-30', now)).toBeNull();
    expect(requestSentAt('2026-13-01', now)).toBeNull();
  });
});
