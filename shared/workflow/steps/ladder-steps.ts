import { type Case } from '../../domain/case';
import { LADDER_RUNGS, rungBelow, type LadderRung } from '../../domain/enforcement-ladder';
import { isBlank } from '../step-helpers';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';

export const hasTakenRung = (c: Case, rung: LadderRung): boolean => c.ladder.some((step) => step.rung === rung);

export const takeLadderRungStep: StepDefinition<'take-ladder-rung'> = {
  type: 'take-ladder-rung',
  label: 'take an enforcement step',
  capacity: 'caseworker',
  sides: ['issuing'],
  kinds: ['enforcement-action'],
  stages: () => ['authorised', 'notice', 'challenge-window', 'challenge-lodged', 'redress-review', 'remedies'],
  run(c, actor, action, env): StepOutcome {
    const missing: WorkflowMessage[] = [];
    if (isBlank(action.reasons)) missing.push(workflowMessage('rung-needs-reasons', { rung: action.rung }));
    const below = rungBelow(action.rung);
    const skipping = below !== null && !hasTakenRung(c, below);
    if (skipping && (action.exceptionReason === null || isBlank(action.exceptionReason))) {
      missing.push(workflowMessage('rung-skipped', { rung: action.rung, below }));
    }
    if (!skipping && action.exceptionReason !== null) missing.push(workflowMessage('exception-not-needed'));
    if (missing.length > 0) return refuse('invalid-input', missing);
    const step = {
      id: `l${env.seq}`,
      rung: action.rung,
      at: env.now,
      by: actor.id,
      reasons: action.reasons,
      exception: skipping && action.exceptionReason ? { reason: action.exceptionReason } : null,
      review: null,
    };
    return {
      ok: true,
      case: { ...c, ladder: [...c.ladder, step] },
      toStage: c.stage,
      details: {
        stepId: step.id,
        rung: step.rung,
        exception: step.exception !== null,
        level: LADDER_RUNGS.indexOf(step.rung),
      },
    };
  },
};

export const reviewLadderExceptionStep: StepDefinition<'review-ladder-exception'> = {
  type: 'review-ladder-exception',
  label: 'review an enforcement exception',
  capacity: 'anyone',
  sides: ['issuing'],
  kinds: ['enforcement-action'],
  stages: () => [
    'authorised',
    'notice',
    'challenge-window',
    'challenge-lodged',
    'redress-review',
    'remedies',
    'closed',
  ],
  gate: (c, actor) =>
    c.ladder.some((s) => s.exception !== null && s.review === null && s.by !== actor.id)
      ? []
      : [workflowMessage('no-exception-to-review')],
  run(c, actor, action, env): StepOutcome {
    const step = c.ladder.find((s) => s.id === action.stepId);
    if (!step) return refuse('invalid-input', [workflowMessage('ladder-step-unknown', { id: action.stepId })]);
    const missing: WorkflowMessage[] = [];
    if (step.exception === null) missing.push(workflowMessage('step-not-exception'));
    if (step.review !== null) missing.push(workflowMessage('exception-already-reviewed'));
    if (step.by === actor.id) missing.push(workflowMessage('exception-own-review'));
    if (!action.confirmed && isBlank(action.note)) missing.push(workflowMessage('rejected-exception-needs-note'));
    if (missing.length > 0) return refuse('invalid-input', missing);
    return {
      ok: true,
      case: {
        ...c,
        ladder: c.ladder.map((s) =>
          s.id === step.id
            ? { ...s, review: { by: actor.id, at: env.now, confirmed: action.confirmed, note: action.note } }
            : s,
        ),
      },
      toStage: c.stage,
      details: { stepId: step.id, confirmed: action.confirmed },
    };
  },
};
