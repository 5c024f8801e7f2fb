import { isReviewerOf } from '../roles';
import { isBlank } from '../step-helpers';
import { LIVE_STAGES } from '../stage-labels';
import { workflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';

/**
 * Hands a case to another caseworker, who owns it from then on. The owner hands over; a colleague may take over a
 * case that is not theirs (its owner is away or has left) or an unassigned one, giving a reason, which is kept as a
 * case note. The independent reviewer of a case never owns it. The app offers only people who hold the caseworker
 * role as the new owner.
 */
export const handOverStep: StepDefinition<'hand-over'> = {
  type: 'hand-over',
  label: 'hand the case over',
  capacity: 'caseworker',
  stages: () => LIVE_STAGES,
  run(c, actor, action, env): StepOutcome {
    if (action.to === c.ownerId) return refuse('invalid-input', [workflowMessage('already-owner')]);
    const takeOver = actor.id !== c.ownerId;
    if (takeOver && c.ownerId !== null && isBlank(action.reason))
      return refuse('invalid-input', [workflowMessage('take-over-needs-reason')]);
    if (isReviewerOf(c, action.to)) return refuse('conflict-of-interest', [workflowMessage('reviewer-cannot-own')]);
    const notes = isBlank(action.reason)
      ? c.notes
      : [...c.notes, { id: `n${env.seq}`, at: env.now, by: actor.id, text: action.reason }];
    return {
      ok: true,
      case: { ...c, ownerId: action.to, notes },
      toStage: c.stage,
      details: { from: c.ownerId, to: action.to, takeOver, ...(notes !== c.notes ? { noteId: `n${env.seq}` } : {}) },
      eventType: 'record-changed',
    };
  },
};
