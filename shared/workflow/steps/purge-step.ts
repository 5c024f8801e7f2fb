import { type Case } from '../../domain/case';
import { EMPTY_ASSESSMENT } from '../../domain/threshold-assessment';
import { caseTimeZone } from '../step-helpers';
import { workflowMessage } from '../workflow-message';
import { type StepDefinition } from '../workflow-types';

/** Placeholder for required free text once the case data is gone. */
export const PURGED_TEXT = '(purged)';

/**
 * What is left after retention ends: the skeleton the transparency report counts (kind, stage, dates, codes) and
 * the audit head. Names, contacts, statements, reasons, notes and evidence are gone.
 */
export function purgedCopy(c: Case, now: string): Case {
  return {
    ...c,
    title: '',
    purpose: '',
    ...(c.textVersions && { textVersions: { original: c.textVersions.original, purpose: {}, 'decision-reasons': {} } }),
    parties: c.parties.map((p) => ({ ...p, name: PURGED_TEXT })),
    affectedPeople: [],
    legalBasis: { code: c.legalBasis.code, text: '' },
    dataTimeRange: null,
    assessment: EMPTY_ASSESSMENT,
    // The answers are codes and stay for the record; the reasons may name the complainant.
    ...(c.admissibility && { admissibility: { ...c.admissibility, reasons: '' } }),
    emergency: c.emergency && {
      justification: '',
      sunsetAt: c.emergency.sunsetAt,
      reviews: c.emergency.reviews.map((r) => ({ ...r, reasons: PURGED_TEXT })),
    },
    retention: { ...c.retention, basis: '' },
    evidence: [],
    notes: [],
    response: c.response && { ...c.response, summary: '' },
    ...(c.incoming && { incoming: { ...c.incoming, coveringNote: null } }),
    ...(c.recognition && { recognition: { ...c.recognition, reasons: PURGED_TEXT } }),
    ...(c.reply && { reply: { ...c.reply, summary: '' } }),
    challenge: c.challenge && { ...c.challenge, personId: null, statement: '', attachmentIds: [] },
    decision: c.decision && { ...c.decision, reasons: PURGED_TEXT },
    remedies: c.remedies.map((r) => ({ ...r, description: '', done: r.done && { ...r.done, note: '' } })),
    ladder: c.ladder.map((s) => ({
      ...s,
      reasons: PURGED_TEXT,
      exception: s.exception && { reason: PURGED_TEXT },
      review: s.review && { ...s.review, note: '' },
    })),
    deadlines: c.deadlines.map((d) => ({
      ...d,
      extensions: d.extensions.map((e) => ({ ...e, reason: PURGED_TEXT })),
      suspensions: d.suspensions.map((s) => ({ ...s, reason: PURGED_TEXT })),
    })),
    closure: c.closure && { ...c.closure, note: '' },
    purgedAt: now,
  };
}

export const purgeStep: StepDefinition<'purge'> = {
  type: 'purge',
  label: 'purge the case data',
  capacity: 'caseworker',
  stages: () => ['closed'],
  gate(c, _actor, env) {
    if (c.retention.purgeAt === null) return [workflowMessage('no-retention-date')];
    if (Date.parse(c.retention.purgeAt) > env.nowMs)
      return [workflowMessage('retention-running', { date: c.retention.purgeAt, timeZone: caseTimeZone(c) })];
    // Purging a person's data while their notice is only deferred would make telling them impossible: notice, or a
    // recorded lawful ground for withholding it, comes first (see noticeStages: both stay possible after closing).
    return c.affectedPeople.flatMap((person, index) =>
      person.notice.state === 'deferred' ? [workflowMessage('purge-notice-deferred', { n: index + 1 })] : [],
    );
  },
  run(c, _actor, _action, env) {
    return { ok: true, case: purgedCopy(c, env.now), toStage: 'purged', eventType: 'case-purged', details: {} };
  },
};
