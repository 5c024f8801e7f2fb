import { type Case } from '../../domain/case';
import { type TrackedDeadline } from '../../deadlines/tracked-deadline';
import { findProcedureTemplate } from '../../procedures/procedure-registry';
import { isBlank, markMet, periodStartRefusal, startPeriodsOn } from '../step-helpers';
import { workflowMessage } from '../workflow-message';
import { refuse, type StepDefinition } from '../workflow-types';

export const sendRequestStep: StepDefinition<'send-request'> = {
  type: 'send-request',
  label: 'send the request to the partner',
  capacity: 'caseworker',
  sides: ['issuing'],
  kinds: ['data-access-request'],
  stages: () => ['authorised'],
  gate(c, _actor, env) {
    if (c.emergency && Date.parse(c.emergency.sunsetAt) <= env.nowMs) {
      return [workflowMessage('emergency-sunset-passed-before-sending')];
    }
    return [];
  },
  run(c, actor, { channel, sentAt: recordedSentAt, reference }, env) {
    const sentAt = recordedSentAt ?? env.now;
    const sentMs = Date.parse(sentAt);
    if (sentMs > env.nowMs) return refuse('invalid-input', [workflowMessage('sent-date-in-future')]);
    if (c.authorisation && sentMs < Date.parse(c.authorisation.at))
      return refuse('invalid-input', [workflowMessage('sent-before-authorisation')]);
    // The response period runs from the day the request left, not the day it was recorded.
    const started = startPeriodsOn(c, 'request-sent', env, sentAt);
    if (!started.ok) return periodStartRefusal(started.error);
    const trimmed = reference?.trim() ?? '';
    return {
      ok: true,
      case: {
        ...c,
        request: {
          sentAt,
          by: actor.id,
          ...(channel !== undefined && { channel }),
          ...(trimmed !== '' && { reference: trimmed }),
        },
        deadlines: [...c.deadlines, ...started.value],
      },
      toStage: 'request-sent',
      // The partner and legal basis, as the transparency report counts them, so an oversight body can check those
      // breakdowns against the trail (docs/oversight.md §7). Codes only: never the legal basis's text.
      details: {
        deadlinesStarted: started.value.map((d) => d.id),
        channel: channel ?? null,
        partnerJurisdiction: c.partnerJurisdiction ?? 'unknown',
        legalBasis: c.legalBasis.code ?? 'other',
      },
    };
  },
};

/** The partner's periods that its response meets (`metByResponse`), besides the workflow's own response period. */
function markMetByResponse(deadlines: readonly TrackedDeadline[], c: Case, now: string): TrackedDeadline[] {
  const met = new Set(
    (findProcedureTemplate(c.procedure)?.periods ?? []).filter((p) => p.metByResponse).map((p) => p.id),
  );
  return deadlines.map((d) => (d.metAt === null && met.has(d.periodId) ? { ...d, metAt: now } : d));
}

export const recordResponseStep: StepDefinition<'record-response'> = {
  type: 'record-response',
  label: "record the partner's response",
  capacity: 'caseworker',
  sides: ['issuing'],
  kinds: ['data-access-request'],
  stages: () => ['request-sent'],
  run(c, actor, { summary, responderReference, recognition }, env) {
    if (isBlank(summary)) return refuse('invalid-input', [workflowMessage('response-summary-empty')]);
    const partner = c.partnerJurisdiction;
    // The answering office's own reference joins the case's references, so both offices' numbers are linked.
    const known = c.references.partner.some((r) => r.reference === responderReference);
    return {
      ok: true,
      case: {
        ...c,
        ...(responderReference !== undefined &&
          partner !== null &&
          !known && {
            references: {
              ...c.references,
              partner: [...c.references.partner, { jurisdiction: partner, reference: responderReference }],
            },
          }),
        response: {
          receivedAt: env.now,
          by: actor.id,
          summary,
          ...(responderReference !== undefined && { responderReference }),
          ...(recognition !== undefined && {
            recognition: { outcome: recognition.outcome, grounds: [...recognition.grounds] },
          }),
        },
        deadlines: markMetByResponse(markMet(c.deadlines, 'response', env.now), c, env.now),
      },
      toStage: 'response-received',
      details: {
        outcome: recognition?.outcome ?? null,
        responderReference: responderReference ?? null,
        // From now on these people are owed notice (case-local ids, no names).
        people: c.affectedPeople.map((p) => p.id),
      },
    };
  },
};
