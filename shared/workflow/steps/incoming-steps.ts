import { type Case } from '../../domain/case';
import { recomputeDue } from '../../deadlines/tracked-deadline';
import { findProcedureTemplate } from '../../procedures/procedure-registry';
import { refusalGroundsFor } from '../../vocab/vocabulary';
import {
  caseTimeZone,
  isBlank,
  meetReceivingOfficePeriods,
  periodStartRefusal,
  startReceivingOfficePeriods,
} from '../step-helpers';
import { SIDE_STAGES } from '../stage-labels';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';

/**
 * The office that received a request decides whether to recognise (and execute) it: in full, in part, or not at
 * all. A refusal, whole or partial, names its grounds from the procedure's list and gives reasons. Recognition
 * meets the receiving office's recognition period and starts its execution period (EIO Art. 12(3), 12(4)).
 */
export const decideRecognitionStep: StepDefinition<'decide-recognition'> = {
  type: 'decide-recognition',
  label: 'decide whether to recognise the request',
  capacity: 'caseworker',
  sides: ['executing'],
  stages: () => ['received'],
  run(c, actor, action, env): StepOutcome {
    const missing: WorkflowMessage[] = [];
    const allowed = new Set(refusalGroundsFor(c.procedure.id).map((ground) => ground.code));
    if (action.outcome !== 'accepted') {
      if (action.grounds.length === 0) missing.push(workflowMessage('recognition-needs-ground'));
      if (isBlank(action.reasons)) missing.push(workflowMessage('recognition-needs-reasons'));
    }
    for (const code of action.grounds)
      if (!allowed.has(code))
        missing.push(workflowMessage('recognition-ground-unknown', { refusalGround: code, procedure: c.procedure.id }));
    if (missing.length > 0) return refuse('invalid-input', missing);
    const grounds = action.outcome === 'accepted' ? [] : [...new Set(action.grounds)];
    const decided: Case = {
      ...c,
      recognition: { outcome: action.outcome, grounds, reasons: action.reasons, at: env.now, by: actor.id },
      deadlines: meetReceivingOfficePeriods(c, 'recognition', env.now),
    };
    const started =
      action.outcome === 'refused'
        ? { ok: true as const, value: [] }
        : startReceivingOfficePeriods(decided, 'recognition', env);
    if (!started.ok) return periodStartRefusal(started.error);
    return {
      ok: true,
      case: { ...decided, deadlines: [...decided.deadlines, ...started.value] },
      toStage: action.outcome === 'refused' ? 'refused' : 'executing',
      details: { outcome: action.outcome, grounds, deadlinesStarted: started.value.map((d) => d.id) },
    };
  },
};

/** Sending the answer (the response bundle) meets every period the procedure gives the receiving office. */
export const sendResponseStep: StepDefinition<'send-response'> = {
  type: 'send-response',
  label: 'send the answer to the requesting office',
  capacity: 'caseworker',
  sides: ['executing'],
  stages: () => ['executing', 'refused'],
  gate: (c) => (c.recognition ? [] : [workflowMessage('response-needs-recognition')]),
  run(c, actor, { summary }, env): StepOutcome {
    if (isBlank(summary)) return refuse('invalid-input', [workflowMessage('response-summary-empty')]);
    return {
      ok: true,
      case: {
        ...c,
        reply: { sentAt: env.now, by: actor.id, summary },
        deadlines: meetReceivingOfficePeriods(c, 'response', env.now),
      },
      toStage: 'response-sent',
      details: { outcome: c.recognition?.outcome ?? null },
    };
  },
};

/**
 * The stick reached the office before anyone imported it: a person records the day of receipt, with a reason, and
 * the periods counted from receipt run from that day instead (never later than the import, never before the
 * request was written).
 */
export const correctReceiptStep: StepDefinition<'correct-receipt'> = {
  type: 'correct-receipt',
  label: 'record the day the request was received',
  capacity: 'caseworker',
  sides: ['executing'],
  stages: () => ['received', 'executing', 'refused'],
  run(c, _actor, action): StepOutcome {
    // Every executing case has its incoming record (caseViolations); the fallbacks only keep the types honest.
    const importedAt = c.incoming?.importedAt ?? c.createdAt;
    const sentAt = c.incoming?.sentAt ?? c.createdAt;
    const missing: WorkflowMessage[] = [];
    const timeZone = caseTimeZone(c);
    if (Date.parse(action.receivedAt) > Date.parse(importedAt))
      missing.push(workflowMessage('receipt-after-import', { date: importedAt, timeZone }));
    if (Date.parse(action.receivedAt) < Date.parse(sentAt))
      missing.push(workflowMessage('receipt-before-request', { date: sentAt, timeZone }));
    if (isBlank(action.reason)) missing.push(workflowMessage('receipt-correction-needs-reason'));
    if (missing.length > 0) return refuse('invalid-input', missing);
    const fromReceipt = new Set(
      (findProcedureTemplate(c.procedure)?.periods ?? [])
        .filter((p) => p.atReceivingOffice?.startsOn === 'receipt')
        .map((p) => p.id),
    );
    const restarted = c.deadlines.map((d) => {
      if (!fromReceipt.has(d.periodId)) return d;
      const moved = { ...d, startedAt: action.receivedAt };
      return { ...moved, dueAt: recomputeDue(moved).dueAt };
    });
    return {
      ok: true,
      case: {
        ...c,
        ...(c.incoming && { incoming: { ...c.incoming, receivedAt: action.receivedAt } }),
        deadlines: restarted,
      },
      toStage: c.stage,
      details: { receivedAt: action.receivedAt, reason: action.reason, restarted: [...fromReceipt] },
    };
  },
};

/**
 * How long this office keeps its copy of a case it received (the issuing side sets it in the draft): a date in the
 * future and its basis. Until it is set the case cannot be purged, and "required now" says so once it is answered.
 */
export const setRetentionStep: StepDefinition<'set-retention'> = {
  type: 'set-retention',
  label: "set how long this office keeps the case's data",
  capacity: 'caseworker',
  sides: ['executing', 'redress-body'],
  stages: () => [...SIDE_STAGES.executing, ...SIDE_STAGES['redress-body']].filter((s) => s !== 'purged'),
  run(c, _actor, action, env): StepOutcome {
    const missing: WorkflowMessage[] = [];
    if (Date.parse(action.purgeAt) <= env.nowMs) missing.push(workflowMessage('retention-not-future'));
    if (isBlank(action.basis)) missing.push(workflowMessage('retention-needs-basis'));
    if (missing.length > 0) return refuse('invalid-input', missing);
    return {
      ok: true,
      case: { ...c, retention: { purgeAt: action.purgeAt, basis: action.basis } },
      toStage: c.stage,
      details: { purgeAt: action.purgeAt },
    };
  },
};
