import { type Case } from '../domain/case';
import { type CaseKind, type CaseStage } from '../domain/case-stage';
import { type TrackedDeadline } from '../deadlines/tracked-deadline';
import { actingParty, type ActingParty } from './acting-party';

/** An open deadline with a due date, and who must act before it. */
export type DeadlineSummary = {
  readonly id: string;
  readonly label: string;
  readonly dueMs: number;
  /** The template period it runs (absent in summaries built by hand): the UI words its label from this. */
  readonly period?: PeriodRef;
  /** Who must act before it; absent means this office (summaries built by hand in tests and benches). */
  readonly actingParty?: ActingParty;
  /**
   * Whether passing it makes someone late (absent: yes). False where the lapse is a consequence, not a delay
   * (deemed agreement, the end of preservation, no grounds raised): once passed it is no longer due, and the case
   * view explains it.
   */
  readonly lateWhenPassed?: boolean;
};

/** A period of a procedure template, by ids: what a deadline's words are looked up by in each language. */
export type PeriodRef = { readonly procedureId: string; readonly periodId: string };

const LATE_LAPSES: ReadonlySet<TrackedDeadline['lapseOutcome']> = new Set(['overdue', 'provisional-measures-allowed']);

/** What the dashboard needs about one case, with instants as epoch ms so 10,000 of them scan quickly. */
export type CaseSummary = {
  readonly caseId: string;
  readonly reference: string;
  readonly kind: CaseKind;
  readonly stage: CaseStage;
  readonly updatedAtMs: number;
  /** Open deadlines with a due date (a stopped clock has none). */
  readonly deadlines: readonly DeadlineSummary[];
  readonly openRemedies: readonly { readonly id: string; readonly code: string; readonly dueMs: number }[];
  /** Sunset of an emergency that is still in force (not ended by review). */
  readonly emergencySunsetMs: number | null;
  /** Earliest review date of a deferred notice, open or closed case alike. */
  readonly noticeReviewMs: number | null;
  /** When a closed case's data must be purged. */
  readonly purgeAtMs: number | null;
};

/** Derives the summary the store keeps next to each case (recomputed on every commit). */
export function summariseCase(c: Case): CaseSummary {
  const ended =
    c.emergency !== null && c.emergency.reviews.length > 0 && c.emergency.reviews.at(-1)?.newSunsetAt === null;
  const live = c.stage !== 'closed' && c.stage !== 'purged';
  let noticeReviewMs: number | null = null;
  for (const person of c.affectedPeople) {
    if (person.notice.state !== 'deferred') continue;
    const review = Date.parse(person.notice.reviewAt);
    noticeReviewMs = noticeReviewMs === null ? review : Math.min(noticeReviewMs, review);
  }
  return {
    caseId: c.id,
    reference: c.references.local,
    kind: c.kind,
    stage: c.stage,
    updatedAtMs: Date.parse(c.updatedAt),
    deadlines: live
      ? c.deadlines.flatMap((d) =>
          d.metAt === null && d.dueAt !== null && d.lapseOutcome !== 'window-closed'
            ? [
                {
                  id: d.id,
                  label: d.label,
                  dueMs: Date.parse(d.dueAt),
                  period: { procedureId: c.procedure.id, periodId: d.periodId },
                  actingParty: actingParty(c, d),
                  lateWhenPassed: LATE_LAPSES.has(d.lapseOutcome),
                },
              ]
            : [],
        )
      : [],
    openRemedies: c.remedies.flatMap((r) =>
      r.done === null ? [{ id: r.id, code: r.code, dueMs: Date.parse(r.dueAt) }] : [],
    ),
    emergencySunsetMs: live && c.emergency && !ended && c.stage !== 'draft' ? Date.parse(c.emergency.sunsetAt) : null,
    // A deferred person stays on the dashboard after closing: the right to know outlives the case.
    noticeReviewMs: c.stage === 'purged' ? null : noticeReviewMs,
    purgeAtMs: c.stage === 'closed' && c.retention.purgeAt ? Date.parse(c.retention.purgeAt) : null,
  };
}
