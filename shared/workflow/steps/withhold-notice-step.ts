import { isBlank } from '../step-helpers';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';
import { NOTICE_KINDS, noticeStages, stageAfterSettling, withNotice } from './notice-steps';

/**
 * Ends the duty to tell one person, for good, on a recorded lawful ground (GDPR Art. 14(5)(a), (b); Directive (EU)
 * 2016/680 Art. 13(3)). It is the only way out of a deferral other than notice, so it is a decision with reasons,
 * and where the office requires a second person, not one the person who deferred the notice may take alone.
 */
export const withholdNoticeStep: StepDefinition<'withhold-notice'> = {
  type: 'withhold-notice',
  label: 'record a lawful ground for not giving notice',
  capacity: 'authorise',
  sides: ['issuing'],
  kinds: NOTICE_KINDS,
  stages: noticeStages,
  gate: (c) =>
    c.affectedPeople.some((p) => p.notice.state === 'pending' || p.notice.state === 'deferred')
      ? []
      : [workflowMessage('nobody-to-withhold-from')],
  run(c, actor, action, env): StepOutcome {
    const target = c.affectedPeople.find((p) => p.id === action.personId);
    if (!target) return refuse('invalid-input', [workflowMessage('person-unknown', { id: action.personId })]);
    const missing: WorkflowMessage[] = [];
    if (target.notice.state === 'issued') missing.push(workflowMessage('notice-issued-cannot-withhold'));
    if (target.notice.state === 'withheld') missing.push(workflowMessage('notice-already-withheld'));
    if (isBlank(action.reasons)) missing.push(workflowMessage('withholding-needs-reasons'));
    if (
      env.settings.requireSecondPersonAuthorisation &&
      target.notice.state === 'deferred' &&
      target.notice.deferredBy === actor.id
    )
      missing.push(workflowMessage('withholding-second-person'));
    if (missing.length > 0) return refuse('invalid-input', missing);
    const deferralCount = target.notice.state === 'deferred' ? target.notice.deferralCount : 0;
    const people = withNotice(c, target.id, {
      state: 'withheld',
      ground: action.ground,
      reasons: action.reasons,
      withheldAt: env.now,
      withheldBy: actor.id,
      deferralCount,
    });
    return {
      ok: true,
      case: { ...c, affectedPeople: people },
      toStage: stageAfterSettling(c, people),
      details: { personId: target.id, ground: action.ground, deferralCount },
    };
  },
};
