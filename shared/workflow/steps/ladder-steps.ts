import { type Case } from '../../domain/case';
import { LADDER_RUNGS, rungBelow, type LadderRung } from '../../domain/enforcement-ladder';
import { isBlank } from '../step-helpers';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';

const RUNG_WORDS: Record<LadderRung, string> = {
  warning: 'a warning',
  'remedial-order': 'a remedial order',
  penalty: 'a penalty',
  'invasive-measure': 'an invasive measure',
};

export const hasTakenRung = (c: Case, rung: LadderRung): boolean => c.ladder.some((step) => step.rung === rung);

export const takeLadderRungStep: StepDefinition<'take-ladder-rung'> = {
  type: 'take-ladder-rung',
  label: 'take an enforcement step',
  capacity: 'caseworker',
  kinds: ['enforcement-action'],
  stages: () => ['authorised', 'notice', 'challenge-window', 'challenge-lodged', 'redress-review', 'remedies'],
  run(c, actor, action, env): StepOutcome {
    const missing: string[] = [];
    if (isBlank(action.reasons)) missing.push(`${RUNG_WORDS[action.rung]} needs reasons`);
    const below = rungBelow(action.rung);
    const skipping = below !== null && !hasTakenRung(c, below);
    if (skipping && (action.exceptionReason === null || isBlank(action.exceptionReason))) {
      missing.push(
        `${RUNG_WORDS[action.rung]} comes after ${RUNG_WORDS[below]}; take that first, or record an exception with reasons`,
      );
    }
    if (!skipping && action.exceptionReason !== null)
      missing.push('no exception is needed: the rung below was taken; leave the exception empty');
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
      : ['no enforcement exception is waiting for review by someone other than the person who took it'],
  run(c, actor, action, env): StepOutcome {
    const step = c.ladder.find((s) => s.id === action.stepId);
    if (!step) return refuse('invalid-input', [`enforcement step "${action.stepId}" is not on this case`]);
    const missing: string[] = [];
    if (step.exception === null) missing.push('this enforcement step was not an exception');
    if (step.review !== null) missing.push('this exception was already reviewed');
    if (step.by === actor.id) missing.push('the person who took the exception cannot review it');
    if (!action.confirmed && isBlank(action.note)) missing.push('a rejected exception needs a note saying why');
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
