import { type Case } from '../domain/case';
import { type CaseKind, type CaseStage } from '../domain/case-stage';

/** What the dashboard needs about one case, with instants as epoch ms so 10,000 of them scan quickly. */
export type CaseSummary = {
  readonly caseId: string;
  readonly reference: string;
  readonly kind: CaseKind;
  readonly stage: CaseStage;
  readonly updatedAtMs: number;
  /** Open deadlines with a due date (a stopped clock has none). */
  readonly deadlines: readonly { readonly id: string; readonly label: string; readonly dueMs: number }[];
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
            ? [{ id: d.id, label: d.label, dueMs: Date.parse(d.dueAt) }]
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
