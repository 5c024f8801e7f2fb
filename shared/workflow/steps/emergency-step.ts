import { isBlank } from '../step-helpers';
import { ACTIVE_STAGES } from '../stage-labels';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';

/** An emergency lapses at its sunset unless someone records why it must continue (or ends it early). */
export const reviewEmergencyStep: StepDefinition<'review-emergency'> = {
  type: 'review-emergency',
  label: 'review the emergency measure',
  capacity: 'caseworker',
  stages: () => ACTIVE_STAGES,
  gate: (c) => (c.emergency === null ? ['this case is not an emergency'] : []),
  run(c, actor, action, env): StepOutcome {
    if (c.emergency === null) return refuse('preconditions-unmet', ['this case is not an emergency']);
    const missing: string[] = [];
    if (isBlank(action.reasons)) missing.push('the emergency review needs reasons');
    if (action.newSunsetAt !== null && Date.parse(action.newSunsetAt) <= env.nowMs)
      missing.push('the new sunset date must be in the future');
    if (missing.length > 0) return refuse('invalid-input', missing);
    const review = { at: env.now, by: actor.id, reasons: action.reasons, newSunsetAt: action.newSunsetAt };
    return {
      ok: true,
      case: {
        ...c,
        emergency: {
          ...c.emergency,
          sunsetAt: action.newSunsetAt ?? env.now,
          reviews: [...c.emergency.reviews, review],
        },
      },
      toStage: c.stage,
      details: { continued: action.newSunsetAt !== null, newSunsetAt: action.newSunsetAt },
    };
  },
};
