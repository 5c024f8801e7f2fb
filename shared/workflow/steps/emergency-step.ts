import { isBlank } from '../step-helpers';
import { ACTIVE_STAGES } from '../stage-labels';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';

/** An emergency lapses at its sunset unless someone records why it must continue (or ends it early). */
export const reviewEmergencyStep: StepDefinition<'review-emergency'> = {
  type: 'review-emergency',
  label: 'review the emergency measure',
  capacity: 'caseworker',
  sides: ['issuing'],
  stages: () => ACTIVE_STAGES,
  gate: (c) => (c.emergency === null ? [workflowMessage('not-an-emergency')] : []),
  run(c, actor, action, env): StepOutcome {
    if (c.emergency === null) return refuse('preconditions-unmet', [workflowMessage('not-an-emergency')]);
    const missing: WorkflowMessage[] = [];
    if (isBlank(action.reasons)) missing.push(workflowMessage('emergency-review-needs-reasons'));
    if (action.newSunsetAt !== null && Date.parse(action.newSunsetAt) <= env.nowMs)
      missing.push(workflowMessage('new-sunset-not-future'));
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
