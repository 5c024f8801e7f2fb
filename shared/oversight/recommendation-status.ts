/** Where a corrective recommendation stands at the desk (issue #19). */
export const RECOMMENDATION_STATUSES = ['open', 'answered', 'overdue', 'closed'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** What the desk records of a recommendation it issued: when the office must answer, and what has happened since. */
export type RecommendationTrack = {
  readonly answerBy: string;
  /** When the office's signed answer was imported (null while none has come). */
  readonly answeredAt: string | null;
  /** When an officer closed it with a note (null while it is not closed). */
  readonly closedAt: string | null;
};

/**
 * Closed once an officer closed it, whatever came before; answered once the office's answer arrived (even late: the
 * answer's date shows it); overdue when the answer-by instant has passed with no answer; open otherwise.
 */
export function recommendationStatus(track: RecommendationTrack, now: string): RecommendationStatus {
  if (track.closedAt !== null) return 'closed';
  if (track.answeredAt !== null) return 'answered';
  return Date.parse(now) > Date.parse(track.answerBy) ? 'overdue' : 'open';
}
