import { hasReachedPeople, latestDeferralReview } from '../right-to-know';
import { type Case } from '../../domain/case';
import { type CaseStage } from '../../domain/case-stage';
import { type NoticeStatus } from '../../domain/notice-status';
import { type AffectedPerson } from '../../domain/parties';
import { caseTimeZone, isBlank, periodStartRefusal, startPeriodsOn } from '../step-helpers';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepEnv, type StepOutcome } from '../workflow-types';

/** Stages where notice decides the next stage; later, telling someone leaves the stage as it is. */
const OPENING_STAGES: readonly CaseStage[] = ['response-received', 'authorised', 'notice', 'challenge-window'];

/**
 * Where notice can be given, per kind: after the response for a request, straight after authorisation otherwise,
 * and from then on at every stage: to another person after a challenge was lodged, and after closing to a person
 * whose notice was deferred (the right to know outlives the case).
 */
export const noticeStages = (c: Case): readonly CaseStage[] => [
  c.kind === 'data-access-request' ? 'response-received' : 'authorised',
  'notice',
  'challenge-window',
  'challenge-lodged',
  'redress-review',
  'remedies',
  ...(hasReachedPeople(c) ? (['closed'] as const) : []),
];

export const NOTICE_KINDS = ['data-access-request', 'enforcement-action'] as const;

/** Stage after a notice action: the window opens once everyone is either told or (for now) deferred, and someone was told. */
function stageAfterNotice(people: readonly AffectedPerson[]): CaseStage {
  const settled = people.every((p) => p.notice.state !== 'pending');
  const someoneTold = people.some((p) => p.notice.state === 'issued');
  return settled && someoneTold ? 'challenge-window' : 'notice';
}

/** The case's people with one person's notice replaced. */
export const withNotice = (c: Case, personId: string, notice: NoticeStatus): AffectedPerson[] =>
  c.affectedPeople.map((p) => (p.id === personId ? { ...p, notice } : p));

/**
 * Stage after a person is settled without being told (deferred, or withheld for good): an open window or a later
 * stage stays as it is; before that, the window opens once everyone is settled and someone was told.
 */
export const stageAfterSettling = (c: Case, people: readonly AffectedPerson[]): CaseStage =>
  c.stage === 'challenge-window' || !OPENING_STAGES.includes(c.stage) ? c.stage : stageAfterNotice(people);

function person(c: Case, personId: string): AffectedPerson | undefined {
  return c.affectedPeople.find((p) => p.id === personId);
}

/**
 * A complaint declared inadmissible is closed with a complainant still to tell; the letter telling them is recorded
 * as their notice (method, language, date, who), after closing. A complaint never reaches anyone else.
 */
const issueNoticeStages = (c: Case): readonly CaseStage[] =>
  c.kind !== 'rights-complaint' ? noticeStages(c) : c.closure?.reason === 'inadmissible' ? ['closed'] : [];

export const issueNoticeStep: StepDefinition<'issue-notice'> = {
  type: 'issue-notice',
  label: 'issue notice',
  capacity: 'caseworker',
  sides: ['issuing'],
  kinds: [...NOTICE_KINDS, 'rights-complaint'],
  stages: issueNoticeStages,
  gate: (c) =>
    c.affectedPeople.some((p) => p.notice.state !== 'issued') ? [] : [workflowMessage('everyone-notified')],
  run(c, actor, action, env): StepOutcome {
    const target = person(c, action.personId);
    if (!target) return refuse('invalid-input', [workflowMessage('person-unknown', { id: action.personId })]);
    if (target.notice.state === 'issued')
      return refuse('invalid-input', [workflowMessage('notice-already-issued', { id: action.personId })]);
    const deferralCount = target.notice.state === 'deferred' ? target.notice.deferralCount : 0;
    const people = withNotice(c, target.id, {
      state: 'issued',
      method: action.method,
      issuedAt: env.now,
      issuedBy: actor.id,
      language: action.language,
      deferralCount,
    });
    if (!OPENING_STAGES.includes(c.stage)) {
      // After a challenge or after closing: the person is told; the case's own periods are not restarted.
      return {
        ok: true,
        case: { ...c, affectedPeople: people },
        toStage: c.stage,
        details: { personId: target.id, method: action.method, language: action.language, windowDeadline: null },
      };
    }
    // The window runs from the latest notice, so everyone notified gets the full period.
    const started = startPeriodsOn({ ...c, affectedPeople: people }, 'notice-issued', env);
    if (!started.ok) return periodStartRefusal(started.error);
    const deadlines = [
      ...c.deadlines.filter((d) => !(d.purpose === 'challenge-window' && d.metAt === null)),
      ...started.value,
    ];
    return {
      ok: true,
      case: { ...c, affectedPeople: people, deadlines },
      toStage: stageAfterNotice(people),
      details: {
        personId: target.id,
        method: action.method,
        language: action.language,
        windowDeadline: started.value[0]?.id ?? null,
      },
    };
  },
};

export const deferNoticeStep: StepDefinition<'defer-notice'> = {
  type: 'defer-notice',
  label: 'defer notice',
  capacity: 'caseworker',
  sides: ['issuing'],
  kinds: NOTICE_KINDS,
  stages: noticeStages,
  gate: (c, _actor, env) =>
    c.affectedPeople.some((p) => canDefer(p, env)) ? [] : [workflowMessage('nobody-awaiting-notice')],
  run(c, actor, action, env): StepOutcome {
    const target = person(c, action.personId);
    if (!target) return refuse('invalid-input', [workflowMessage('person-unknown', { id: action.personId })]);
    const missing: WorkflowMessage[] = [];
    if (target.notice.state === 'issued') missing.push(workflowMessage('notice-issued-cannot-defer'));
    else if (!canDefer(target, env))
      missing.push(
        workflowMessage('deferral-still-running', {
          date: target.notice.state === 'deferred' ? target.notice.reviewAt : env.now,
          timeZone: caseTimeZone(c),
        }),
      );
    if (isBlank(action.reasons)) missing.push(workflowMessage('deferral-needs-reasons'));
    if (action.reviewAt === null) missing.push(workflowMessage('deferral-needs-end'));
    else if (Date.parse(action.reviewAt) <= env.nowMs) missing.push(workflowMessage('deferral-end-not-future'));
    else {
      const { months, latestMs } = latestDeferralReview(c, env.nowMs);
      if (Date.parse(action.reviewAt) > latestMs)
        missing.push(
          workflowMessage('deferral-too-long', {
            months,
            date: new Date(latestMs).toISOString(),
            timeZone: caseTimeZone(c),
          }),
        );
    }
    if (missing.length > 0 || action.reviewAt === null) return refuse('invalid-input', missing);
    const deferralCount = (target.notice.state === 'deferred' ? target.notice.deferralCount : 0) + 1;
    const people = withNotice(c, target.id, {
      state: 'deferred',
      reasons: action.reasons,
      reviewAt: action.reviewAt,
      deferredAt: env.now,
      deferredBy: actor.id,
      deferralCount,
    });
    return {
      ok: true,
      case: { ...c, affectedPeople: people },
      toStage: stageAfterSettling(c, people),
      details: { personId: target.id, reviewAt: action.reviewAt, deferralCount },
    };
  },
};

/** A pending notice can be deferred; a deferral can be renewed only once its review date has come. */
function canDefer(p: AffectedPerson, env: StepEnv): boolean {
  if (p.notice.state === 'pending') return true;
  return p.notice.state === 'deferred' && Date.parse(p.notice.reviewAt) <= env.nowMs;
}
