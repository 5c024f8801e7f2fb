import { rightToKnowGaps } from '../right-to-know';
import { type Case } from '../../domain/case';
import { caseSide } from '../../domain/case-side';
import { type CaseStage } from '../../domain/case-stage';
import { deadlineState } from '../../deadlines/tracked-deadline';
import { isKnownCode } from '../../vocab/vocabulary';
import { caseTimeZone, isBlank, markMet, periodStartRefusal, runningDeadline, startPeriodsOn } from '../step-helpers';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';

const challengeStages = (c: Case): readonly CaseStage[] =>
  c.kind === 'rights-complaint' ? ['authorised'] : ['challenge-window'];

export const lodgeChallengeStep: StepDefinition<'lodge-challenge'> = {
  type: 'lodge-challenge',
  label: 'record a challenge',
  capacity: 'caseworker',
  sides: ['issuing'],
  stages: challengeStages,
  gate(c, _actor, env) {
    const window = runningDeadline(c, 'challenge-window');
    if (c.stage === 'challenge-window' && window && deadlineState(window, env.nowMs) === 'lapsed') {
      return [
        workflowMessage('challenge-window-closed-on', { date: window.dueAt ?? env.now, timeZone: window.timeZone }),
      ];
    }
    return [];
  },
  run(c, actor, action, env): StepOutcome {
    const missing: WorkflowMessage[] = [];
    if (action.grounds.length === 0) missing.push(workflowMessage('challenge-needs-ground'));
    for (const code of action.grounds)
      if (!isKnownCode('challenge-grounds', code))
        missing.push(workflowMessage('challenge-ground-unknown', { ground: code }));
    if (isBlank(action.statement)) missing.push(workflowMessage('challenger-statement-empty'));
    if (action.personId !== null) {
      const challenger = c.affectedPeople.find((p) => p.id === action.personId);
      if (!challenger) missing.push(workflowMessage('person-unknown', { id: action.personId }));
      else if (c.kind !== 'rights-complaint' && challenger.notice.state !== 'issued')
        missing.push(workflowMessage('challenger-not-notified'));
    }
    for (const id of action.attachmentIds)
      if (!c.evidence.some((e) => e.id === id)) missing.push(workflowMessage('attachment-unknown', { id }));
    if (missing.length > 0) return refuse('invalid-input', missing);
    const started = startPeriodsOn(c, 'challenge-lodged', env);
    if (!started.ok) return periodStartRefusal(started.error);
    return {
      ok: true,
      case: {
        ...c,
        challenge: {
          lodgedAt: env.now,
          recordedBy: actor.id,
          personId: action.personId,
          grounds: action.grounds,
          statement: action.statement,
          attachmentIds: action.attachmentIds,
        },
        deadlines: [...markMet(c.deadlines, 'challenge-window', env.now), ...started.value],
      },
      toStage: 'challenge-lodged',
      details: { personId: action.personId, grounds: action.grounds, attachments: action.attachmentIds.length },
    };
  },
};

export const closeChallengeWindowStep: StepDefinition<'close-challenge-window'> = {
  type: 'close-challenge-window',
  label: 'close the challenge window',
  capacity: 'caseworker',
  sides: ['issuing'],
  stages: () => ['challenge-window'],
  gate(c, _actor, env) {
    const missing: WorkflowMessage[] = [];
    const timeZone = caseTimeZone(c);
    for (const [index, p] of c.affectedPeople.entries()) {
      if (p.notice.state === 'deferred') {
        missing.push(
          workflowMessage('deferred-notice-blocks-window', { n: index + 1, date: p.notice.reviewAt, timeZone }),
        );
      }
    }
    const window = runningDeadline(c, 'challenge-window');
    if (!window) missing.push(workflowMessage('no-challenge-window'));
    else if (window.dueAt === null) missing.push(workflowMessage('challenge-window-clock-stopped'));
    else if (deadlineState(window, env.nowMs) !== 'lapsed')
      missing.push(workflowMessage('challenge-window-open-until', { date: window.dueAt, timeZone: window.timeZone }));
    return missing;
  },
  run(c, actor, _action, env) {
    return {
      ok: true,
      case: {
        ...c,
        closure: { at: env.now, by: actor.id, reason: 'window-closed-unchallenged', note: '' },
        deadlines: markMet(c.deadlines, 'challenge-window', env.now),
      },
      toStage: 'closed',
      details: { closure: 'window-closed-unchallenged' },
    };
  },
};

export const beginReviewStep: StepDefinition<'begin-review'> = {
  type: 'begin-review',
  label: 'take the redress review',
  capacity: 'redress',
  sides: ['issuing', 'redress-body'],
  stages: () => ['challenge-lodged', 'redress-review'],
  gate: (c, actor) => (c.review?.officerId === actor.id ? [workflowMessage('already-reviewing')] : []),
  run(c, actor, _action, env) {
    return {
      ok: true,
      case: { ...c, review: { officerId: actor.id, startedAt: env.now } },
      toStage: 'redress-review',
      details: { reassigned: c.review !== null },
    };
  },
};

export const decideStep: StepDefinition<'decide'> = {
  type: 'decide',
  label: 'decide the challenge',
  capacity: 'redress',
  sides: ['issuing', 'redress-body'],
  stages: () => ['redress-review'],
  gate: (c, actor) =>
    c.review && c.review.officerId !== actor.id ? [workflowMessage('only-reviewing-officer-decides')] : [],
  run(c, actor, action, env): StepOutcome {
    const missing: WorkflowMessage[] = [];
    if (isBlank(action.reasons)) missing.push(workflowMessage('decision-needs-reasons'));
    if (action.outcome !== 'upheld' && action.remedies.length === 0)
      missing.push(workflowMessage('decision-needs-remedy', { outcome: action.outcome }));
    action.remedies.forEach((remedy, index) => {
      if (!isKnownCode('remedies', remedy.code))
        missing.push(workflowMessage('remedy-code-unknown', { n: index + 1, remedy: remedy.code }));
      if (Date.parse(remedy.dueAt) <= env.nowMs)
        missing.push(workflowMessage('remedy-due-not-future', { n: index + 1 }));
    });
    if (missing.length > 0) return refuse('invalid-input', missing);
    const remedies = action.remedies.map((remedy, index) => ({ id: `r${env.seq}-${index}`, ...remedy, done: null }));
    return {
      ok: true,
      case: {
        ...c,
        decision: { outcome: action.outcome, reasons: action.reasons, decidedAt: env.now, decidedBy: actor.id },
        remedies: [...c.remedies, ...remedies],
        deadlines: markMet(c.deadlines, 'decision', env.now),
      },
      toStage: 'remedies',
      details: { outcome: action.outcome, remedies: remedies.map((r) => r.code) },
    };
  },
};

export const completeRemedyStep: StepDefinition<'complete-remedy'> = {
  type: 'complete-remedy',
  label: 'mark a remedy done',
  capacity: 'caseworker',
  sides: ['issuing', 'redress-body'],
  stages: () => ['remedies'],
  gate: (c) => (c.remedies.some((r) => r.done === null) ? [] : [workflowMessage('no-remedy-outstanding')]),
  run(c, actor, action, env): StepOutcome {
    const remedy = c.remedies.find((r) => r.id === action.remedyId);
    if (!remedy) return refuse('invalid-input', [workflowMessage('remedy-unknown', { id: action.remedyId })]);
    if (remedy.done) return refuse('invalid-input', [workflowMessage('remedy-already-done')]);
    return {
      ok: true,
      case: {
        ...c,
        remedies: c.remedies.map((r) =>
          r.id === remedy.id ? { ...r, done: { at: env.now, by: actor.id, note: action.note } } : r,
        ),
      },
      toStage: 'remedies',
      details: { remedyId: remedy.id, late: Date.parse(remedy.dueAt) < env.nowMs },
    };
  },
};

export const closeStep: StepDefinition<'close'> = {
  type: 'close',
  label: 'close the case',
  capacity: 'caseworker',
  // A received request closes once answered; any other case once its remedies are done.
  stages: (c) => (caseSide(c) === 'executing' ? ['response-sent'] : ['remedies']),
  gate: (c, _actor, env) =>
    caseSide(c) === 'executing'
      ? []
      : [
          ...c.remedies
            .filter((r) => r.done === null)
            .map((r) =>
              workflowMessage('remedy-not-done', { remedy: r.code, date: r.dueAt, timeZone: caseTimeZone(c) }),
            ),
          ...rightToKnowGaps(c, env.nowMs),
        ],
  run(c, actor, _action, env) {
    const reason = caseSide(c) === 'executing' ? ('answered' as const) : ('remedies-done' as const);
    return {
      ok: true,
      case: { ...c, closure: { at: env.now, by: actor.id, reason, note: '' } },
      toStage: 'closed',
      details: { closure: reason },
    };
  },
};
