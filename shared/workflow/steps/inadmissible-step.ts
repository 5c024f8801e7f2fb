import type { Case } from '../../domain/case';
import { ADMISSIBILITY_QUESTIONS } from '../../domain/admissibility';
import { isBlank } from '../step-helpers';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import type { StepDefinition, StepEnv } from '../workflow-types';

/** The questions a complaint's record answers "no": the grounds it is inadmissible on. */
export const inadmissibleOn = (c: Case) => ADMISSIBILITY_QUESTIONS.filter((q) => c.admissibility?.[q] === 'no');

/**
 * What declaring a complaint inadmissible needs: a ground (an answer "no"), the reasons the complainant will be told,
 * a complainant to tell, and, where the office requires it, a second person (as for admitting it).
 */
export function inadmissibilityGaps(c: Case, actorId: string, env: StepEnv): WorkflowMessage[] {
  const gaps: WorkflowMessage[] = [];
  if (inadmissibleOn(c).length === 0) gaps.push(workflowMessage('inadmissible-needs-a-no'));
  if (isBlank(c.admissibility?.reasons ?? '')) gaps.push(workflowMessage('admissibility-reasons-empty'));
  if (c.affectedPeople.length === 0) gaps.push(workflowMessage('complainant-not-recorded'));
  c.affectedPeople.forEach((person, index) => {
    if (isBlank(person.name)) gaps.push(workflowMessage('person-no-name', { n: index + 1 }));
    if (isBlank(person.contactForNotice)) gaps.push(workflowMessage('person-no-contact', { n: index + 1 }));
  });
  if (env.settings.requireSecondPersonAuthorisation && actorId === c.createdBy)
    gaps.push(workflowMessage('second-person-required'));
  return gaps;
}

/**
 * Declaring a rights complaint inadmissible is a decision, not a silent drop: it is taken on the admissibility
 * record (an answer "no" and the reasons), by someone who may admit a complaint, and closes the case with those
 * reasons, which are what the complainant is told.
 */
export const declareInadmissibleStep: StepDefinition<'declare-inadmissible'> = {
  type: 'declare-inadmissible',
  label: 'declare the complaint inadmissible',
  capacity: 'authorise',
  kinds: ['rights-complaint'],
  sides: ['issuing'],
  stages: () => ['draft'],
  gate: (c, actor, env) => inadmissibilityGaps(c, actor.id, env),
  run(c, actor, _action, env) {
    return {
      ok: true,
      case: {
        ...c,
        closure: { at: env.now, by: actor.id, reason: 'inadmissible', note: c.admissibility?.reasons ?? '' },
        deadlines: c.deadlines.map((d) => (d.metAt === null ? { ...d, metAt: env.now } : d)),
      },
      toStage: 'closed',
      // The grounds as codes; the reasons may name the complainant and stay out of the trail.
      details: { closure: 'inadmissible', grounds: inadmissibleOn(c) },
    };
  },
};
