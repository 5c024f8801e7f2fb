import { seeksOnlyIdentification } from '../identification';
import { isBlank } from '../step-helpers';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';

/**
 * A request to identify an unknown user was authorised and sent without an affected person (nobody could be named).
 * When the response names someone, the caseworker records them here: they join the case with their notice pending,
 * so their right to know applies from that moment (the case cannot close until they are told, or notice is deferred
 * or withheld on a recorded ground). Only before the challenge window opens: later, the window would have opened
 * without them.
 */
export const recordIdentifiedPersonStep: StepDefinition<'record-identified-person'> = {
  type: 'record-identified-person',
  label: 'record the person the response identified',
  capacity: 'caseworker',
  sides: ['issuing'],
  kinds: ['data-access-request'],
  stages: () => ['response-received', 'notice'],
  gate: (c) => (seeksOnlyIdentification(c) ? [] : [workflowMessage('not-an-identification-request')]),
  run(c, _actor, action, env): StepOutcome {
    const n = c.affectedPeople.length + 1;
    const missing: WorkflowMessage[] = [];
    if (isBlank(action.name)) missing.push(workflowMessage('person-no-name', { n }));
    if (isBlank(action.contactForNotice)) missing.push(workflowMessage('person-no-contact', { n }));
    if (missing.length > 0) return refuse('invalid-input', missing);
    // Derived from the audit sequence, so replaying the trail gives the same id.
    const id = `identified-${env.seq}`;
    const person = {
      id,
      name: action.name.trim(),
      contactForNotice: action.contactForNotice.trim(),
      preferredLanguage: action.preferredLanguage,
      notice: { state: 'pending' as const },
    };
    return {
      ok: true,
      case: { ...c, affectedPeople: [...c.affectedPeople, person] },
      // Someone is now owed notice: the case waits at the notice stage until that is settled.
      toStage: 'notice',
      details: { personId: id },
    };
  },
};
