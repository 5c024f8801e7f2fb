import type { TrackedDeadline } from '../deadlines/tracked-deadline';

/**
 * How an audit event records what it did to the case's deadlines, so that a reader of the trail alone (an oversight
 * body) can tell which period ran, until when, and when it was met, without the case record. Dates, ids and codes
 * only. Each key is present only when the event changed something of its kind.
 */
export const DEADLINE_DETAIL_KEYS = {
  /** A period started, or its due instant moved (extension, clock stopped or restarted): one mark each. */
  due: 'deadlinesDue',
  /** Ids of the periods this event met (at the event's time). */
  met: 'deadlinesMet',
  /** Ids of the periods this event removed unmet (a later notice restarts the window, a reopening clears them). */
  dropped: 'deadlinesDropped',
} as const;

/** One period as a mark records it; `dueAt` null while its clock is stopped. */
export type DeadlineMark = {
  readonly id: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly periodId: string;
  readonly dueAt: string | null;
};

const SEPARATOR = '|';

/** `id|templateId|templateVersion|periodId|dueAt` (dueAt empty while the clock is stopped). */
export const encodeDeadlineMark = (d: DeadlineMark): string =>
  [d.id, d.templateId, String(d.templateVersion), d.periodId, d.dueAt ?? ''].join(SEPARATOR);

/** The mark an event recorded, or null when the text is not one (an older or altered trail). */
export function parseDeadlineMark(untrusted: string): DeadlineMark | null {
  const parts = untrusted.split(SEPARATOR);
  if (parts.length !== 5) return null;
  const [id = '', templateId = '', version = '', periodId = '', dueAt = ''] = parts;
  const templateVersion = Number(version);
  if (!id || !templateId || !periodId || !Number.isInteger(templateVersion) || templateVersion < 1) return null;
  if (dueAt !== '' && Number.isNaN(Date.parse(dueAt))) return null;
  return { id, templateId, templateVersion, periodId, dueAt: dueAt === '' ? null : dueAt };
}

/** What changed between the deadlines before and after one step, as the event's detail entries. */
export function deadlineChangeDetails(
  before: readonly TrackedDeadline[],
  after: readonly TrackedDeadline[],
): Record<string, string[]> {
  const earlier = new Map(before.map((d) => [d.id, d]));
  const later = new Set(after.map((d) => d.id));
  const due = after
    .filter((d) => {
      const was = earlier.get(d.id);
      return was === undefined || was.dueAt !== d.dueAt;
    })
    .map(encodeDeadlineMark);
  const met = after.filter((d) => d.metAt !== null && earlier.get(d.id)?.metAt === null).map((d) => d.id);
  const dropped = before.filter((d) => d.metAt === null && !later.has(d.id)).map((d) => d.id);
  return {
    ...(due.length > 0 && { [DEADLINE_DETAIL_KEYS.due]: due }),
    ...(met.length > 0 && { [DEADLINE_DETAIL_KEYS.met]: met }),
    ...(dropped.length > 0 && { [DEADLINE_DETAIL_KEYS.dropped]: dropped }),
  };
}
