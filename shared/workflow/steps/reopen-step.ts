import { type Case } from '../../domain/case';
import { caseSide } from '../../domain/case-side';
import { type CaseStage } from '../../domain/case-stage';
import { findProcedureTemplate } from '../../procedures/procedure-registry';
import { isBlank } from '../step-helpers';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepEnv } from '../workflow-types';

/**
 * Where a mistaken one-way step can be taken back, and where it lands:
 * - "request sent" back to "authorised", unless a bundle carried it (the partner holds it: nothing to take back);
 * - "response received" back to "request sent", unless the response came in the partner's signed bundle;
 * - "closed" back to the stage it closed from, unless the case was withdrawn or its challenge window ran out
 *   (both are facts, not mistakes; a new case is opened instead).
 */
export function reopenTarget(c: Case): CaseStage | null {
  if (c.purgedAt !== null) return null;
  if (c.stage === 'request-sent') return 'authorised';
  if (c.stage === 'response-received') return 'request-sent';
  if (c.stage === 'closed' && c.closure?.reason === 'remedies-done') return 'remedies';
  if (c.stage === 'closed' && c.closure?.reason === 'answered') return 'response-sent';
  return null;
}

/** Who took the step being undone: with the second-person rule, someone else must take it back. */
function stepTakenBy(c: Case): string | null {
  if (c.stage === 'request-sent') return c.request?.by ?? null;
  if (c.stage === 'response-received') return c.response?.by ?? null;
  return c.closure?.by ?? null;
}

function reopenGaps(c: Case, actorId: string, env: StepEnv): WorkflowMessage[] {
  const gaps: WorkflowMessage[] = [];
  if (c.stage === 'request-sent' && c.request?.channel === 'bundle') gaps.push(workflowMessage('reopen-bundle-left'));
  if (c.stage === 'response-received' && (c.response?.responderReference !== undefined || c.response?.recognition))
    gaps.push(workflowMessage('reopen-response-from-partner'));
  if (env.settings.requireSecondPersonAuthorisation && stepTakenBy(c) === actorId)
    gaps.push(workflowMessage('reopen-second-person-required'));
  return gaps;
}

/** The periods the request started: its response period and the tracked periods that start on sending. */
function startedBySending(c: Case): Set<string> {
  const template = findProcedureTemplate(c.procedure);
  return new Set(
    (template?.periods ?? [])
      .filter((p) => p.purpose === 'response' || (p.purpose === 'tracked' && p.startsOn === 'request-sent'))
      .map((p) => p.id),
  );
}

function reopened(c: Case): Case {
  switch (c.stage) {
    case 'request-sent': {
      const sentAt = c.request?.sentAt;
      const periods = startedBySending(c);
      // The periods the mistaken sending started go with it; the audit trail keeps that they ran.
      const deadlines = c.deadlines.filter((d) => !(d.startedAt === sentAt && periods.has(d.periodId)));
      return { ...c, request: null, deadlines };
    }
    case 'response-received': {
      const receivedAt = c.response?.receivedAt;
      const deadlines = c.deadlines.map((d) =>
        d.metAt !== null && d.metAt === receivedAt ? { ...d, metAt: null } : d,
      );
      return { ...c, response: null, deadlines };
    }
    default:
      return { ...c, closure: null };
  }
}

export const reopenStep: StepDefinition<'reopen'> = {
  type: 'reopen',
  label: 'reopen the last step',
  capacity: 'caseworker',
  stages: (c) => (reopenTarget(c) !== null ? [c.stage] : []),
  gate: (c, actor, env) => reopenGaps(c, actor.id, env),
  run(c, actor, { reason }, env) {
    const toStage = reopenTarget(c);
    // `stages` already admitted only reopenable cases; this keeps the type honest.
    if (toStage === null)
      return refuse('wrong-stage', [
        workflowMessage('action-wrong-stage', { action: 'reopen', stages: [], stage: c.stage }),
      ]);
    if (isBlank(reason)) return refuse('invalid-input', [workflowMessage('reopen-needs-reason')]);
    const reopening = { at: env.now, by: actor.id, fromStage: c.stage, toStage, reason: reason.trim() };
    const next = reopened(c);
    return {
      ok: true,
      case: { ...next, reopenings: [...(c.reopenings ?? []), reopening] },
      toStage,
      details: { fromStage: c.stage, side: caseSide(c), removedDeadlines: c.deadlines.length - next.deadlines.length },
    };
  },
};
