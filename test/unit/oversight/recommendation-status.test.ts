import { describe, expect, it } from 'vitest';
import { recommendationStatus } from '@shared/oversight/recommendation-status';

const answerBy = '2027-03-01T00:00:00.000Z';
const before = '2027-02-28T23:59:59.000Z';
const after = '2027-03-01T00:00:01.000Z';

describe('where a recommendation stands', () => {
  it('is open until its answer-by instant, overdue after it while unanswered', () => {
    const track = { answerBy, answeredAt: null, closedAt: null };
    expect(recommendationStatus(track, before)).toBe('open');
    expect(recommendationStatus(track, answerBy)).toBe('open');
    expect(recommendationStatus(track, after)).toBe('overdue');
  });

  it('is answered once the answer came, in time or late', () => {
    expect(recommendationStatus({ answerBy, answeredAt: before, closedAt: null }, after)).toBe('answered');
    expect(recommendationStatus({ answerBy, answeredAt: after, closedAt: null }, after)).toBe('answered');
  });

  it('is closed once an officer closed it, answered or not', () => {
    expect(recommendationStatus({ answerBy, answeredAt: before, closedAt: after }, after)).toBe('closed');
    expect(recommendationStatus({ answerBy, answeredAt: null, closedAt: after }, after)).toBe('closed');
  });
});
