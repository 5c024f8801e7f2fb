import { describe, expect, it } from 'vitest';
import { type WorkflowAction } from '@shared/workflow/workflow-action';
import { caseViolations } from '@shared/workflow/case-invariants';
import { summariseCase } from '@shared/workflow/case-summary';
import { dashboard } from '@shared/workflow/dashboard';
import {
  alice,
  deferNotice,
  apply,
  completeDraftChanges,
  DAY,
  makeContext,
  open,
  refused,
  requestTo,
  rita,
} from './workflow-fixtures';
import { describeWorkflowMessage } from '@shared/workflow/describe-workflow-message';
import { workflowMessage } from '@shared/workflow/workflow-message';

const defer = deferNotice;
/** Person 1 challenges the measure. */
const lodge = (): WorkflowAction => ({
  type: 'lodge-challenge',
  personId: 'p1',
  grounds: ['disproportionate'],
  statement: 'Too much.',
  attachmentIds: [],
});

/** A request whose response came back: person 1 told, person 2 deferred for `days`. */
function toldAndDeferred(days: number) {
  const { context, clock } = makeContext();
  let t = requestTo('response-received', context, clock);
  t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
  t = apply(t, alice, defer('p2', clock.iso(days * DAY)), context);
  return { t, context, clock };
}

describe('the right to know outlives the case', () => {
  it('refuses to withdraw a request once data came back, until each person is told or deferred with reasons', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    expect(refused(t, alice, { type: 'withdraw', reason: 'No longer needed.' }, context)).toEqual({
      code: 'preconditions-unmet',
      missing: [
        workflowMessage('person-not-told', { name: 'Person One' }),
        workflowMessage('person-not-told', { name: 'Person Two' }),
      ],
    });
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
    t = apply(t, alice, defer('p2', clock.iso(30 * DAY)), context);
    t = apply(t, alice, { type: 'withdraw', reason: 'No longer needed.' }, context);
    expect(t.case.stage).toBe('closed');
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('lets a request withdraw freely before any data came back, and an enforcement action only while a draft', () => {
    const { context, clock } = makeContext();
    const sent = requestTo('request-sent', context, clock);
    expect(apply(sent, alice, { type: 'withdraw', reason: 'Resolved locally.' }, context).case.stage).toBe('closed');
    let action = open('enforcement-action', context);
    action = apply(
      action,
      alice,
      { type: 'update-draft', changes: completeDraftChanges('enforcement-action', clock) },
      context,
    );
    expect(apply(action, alice, { type: 'withdraw', reason: 'Opened too early.' }, context).case.stage).toBe('closed');
    action = apply(action, alice, { type: 'authorise' }, context);
    expect(refused(action, alice, { type: 'withdraw', reason: 'Dropped.' }, context).missing[0]).toMatchObject({
      code: 'person-not-told',
    });
  });

  it('caps one deferral at six months; a ten-year deferral is refused', () => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z');
    let t = requestTo('response-received', context, clock);
    const tooLong = refused(t, alice, defer('p1', clock.iso(3650 * DAY)), context);
    expect(tooLong.code).toBe('invalid-input');
    expect(tooLong.missing[0]).toMatchObject({ code: 'deferral-too-long', params: { months: 6 } });
    expect(tooLong.missing.map(describeWorkflowMessage)[0]).toMatch(
      /^a deferral may run for at most 6 months: set an end date on or before 4 Sept/,
    );
    t = apply(t, alice, defer('p1', clock.iso(180 * DAY)), context);
    expect(t.case.affectedPeople[0]?.notice.state).toBe('deferred');
  });

  it('gives notice to another person after a challenge was lodged, without changing the stage', () => {
    const setup = toldAndDeferred(60);
    const { context } = setup;
    let { t } = setup;
    t = apply(t, alice, lodge(), context);
    expect(t.case.stage).toBe('challenge-lodged');
    t = apply(t, alice, { type: 'issue-notice', personId: 'p2', method: 'post', language: 'en' }, context);
    expect(t.case.stage).toBe('challenge-lodged');
    expect(t.case.affectedPeople.map((p) => p.notice.state)).toEqual(['issued', 'issued']);
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('keeps a deferred person on the dashboard after closing, until they are told', () => {
    const setup = toldAndDeferred(20);
    const { context, clock } = setup;
    let { t } = setup;
    t = apply(t, alice, { type: 'withdraw', reason: 'The partner withdrew its data.' }, context);
    clock.advance(25 * DAY);
    const board = () =>
      dashboard([summariseCase(t.case)], { nowMs: clock.ms, timeZone: 'Europe/Berlin' }).noticeReviews;
    expect(board()).toMatchObject([{ caseId: t.case.id, stage: 'closed', bucket: 'overdue' }]);
    // The review date has passed: the deferral is renewed with reasons, or the person is told, even though closed.
    t = apply(t, alice, { type: 'issue-notice', personId: 'p2', method: 'post', language: 'en' }, context);
    expect(t.case.stage).toBe('closed');
    expect(board()).toEqual([]);
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('refuses to close after the decision while a deferral has reached its review date', () => {
    const setup = toldAndDeferred(10);
    const { context, clock } = setup;
    let { t } = setup;
    t = apply(t, alice, lodge(), context);
    t = apply(t, rita, { type: 'begin-review' }, context);
    t = apply(t, rita, { type: 'decide', outcome: 'upheld', reasons: 'Lawful.', remedies: [] }, context);
    clock.advance(11 * DAY);
    const closing = refused(t, alice, { type: 'close' }, context);
    expect(closing.missing).toEqual([workflowMessage('deferral-review-reached', { name: 'Person Two' })]);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p2', method: 'post', language: 'en' }, context);
    expect(apply(t, alice, { type: 'close' }, context).case.stage).toBe('closed');
  });
});
