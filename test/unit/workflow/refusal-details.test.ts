import { describe, expect, it } from 'vitest';
import { caseViolations } from '@shared/workflow/case-invariants';
import {
  alice,
  apply,
  completeDraftChanges,
  DAY,
  makeContext,
  open,
  refused,
  requestTo,
  rita,
  type Trail,
} from './workflow-fixtures';
import { type WorkflowContext } from '@shared/workflow/workflow-types';
import { type TestClock } from './workflow-fixtures';
import { workflowMessage } from '@shared/workflow/workflow-message';
import { describeWorkflowMessage } from '@shared/workflow/describe-workflow-message';

function eio(context: WorkflowContext, clock: TestClock): Trail {
  let t = open('data-access-request', context, alice, { id: 'eio-art12-recognition-execution', version: 1 });
  t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
  t = apply(t, alice, { type: 'authorise' }, context);
  t = apply(t, alice, { type: 'send-request' }, context);
  // Art. 12(3) counts from receipt of the EIO: the caseworker records it.
  return apply(t, alice, { type: 'start-period', periodId: 'recognition' }, context);
}

describe('refusals in detail', () => {
  it('renews a deferral only after its review date, naming the person', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    t = apply(t, alice, { type: 'defer-notice', personId: 'p2', reasons: 'r', reviewAt: clock.iso(10 * DAY) }, context);
    // p1 is still pending, so deferral is open in general; p2's own deferral is still running.
    const refusal = refused(
      t,
      alice,
      { type: 'defer-notice', personId: 'p2', reasons: 'r', reviewAt: clock.iso(20 * DAY) },
      context,
    );
    expect(refusal.code).toBe('invalid-input');
    expect(refusal.missing[0]).toEqual(
      workflowMessage('deferral-still-running', { date: clock.iso(10 * DAY), timeZone: 'Europe/Berlin' }),
    );
    // In English the date is written in the case's own time zone, which it names.
    expect(refusal.missing.map(describeWorkflowMessage)[0]).toBe(
      "this person's deferral runs until 14 Mar 2026, 10:00 (Europe/Berlin); renew it after that date",
    );
  });

  it('refuses deadline changes that do not fit the deadline', () => {
    const { context, clock } = makeContext('2026-06-01T08:00:00Z');
    let t = eio(context, clock);
    const id = t.case.deadlines[0]?.id ?? '';
    t = apply(t, alice, { type: 'start-period', periodId: 'execution' }, context);
    const execution = t.case.deadlines[1]?.id ?? '';
    t = apply(t, alice, { type: 'suspend-deadline', deadlineId: execution, reason: 'Awaiting translation.' }, context);
    expect(refused(t, alice, { type: 'resume-deadline', deadlineId: id }, context).missing).toEqual([
      workflowMessage('clock-not-stopped'),
    ]);
    t = apply(t, alice, { type: 'mark-period-met', deadlineId: id }, context);
    expect(refused(t, alice, { type: 'extend-deadline', deadlineId: id, reason: 'r' }, context).missing).toEqual([
      workflowMessage('deadline-already-met'),
    ]);
    expect(refused(t, alice, { type: 'mark-period-met', deadlineId: id }, context).missing).toEqual([
      workflowMessage('deadline-already-met'),
    ]);
    expect(refused(t, alice, { type: 'mark-period-met', deadlineId: 'nope' }, context).missing).toEqual([
      workflowMessage('deadline-unknown', { id: 'nope' }),
    ]);
    expect(refused(t, rita, { type: 'suspend-deadline', deadlineId: execution, reason: 'r' }, context).missing).toEqual(
      [workflowMessage('only-caseworker-changes-deadline')],
    );
    t = apply(t, alice, { type: 'resume-deadline', deadlineId: execution }, context);
    clock.advance(200 * DAY);
    expect(
      refused(t, alice, { type: 'suspend-deadline', deadlineId: execution, reason: 'late' }, context).missing,
    ).toEqual([workflowMessage('deadline-passed-cannot-stop')]);
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('refuses to mark a workflow deadline as met by hand', () => {
    const { context, clock } = makeContext();
    const t = eio(context, clock);
    const withWindow = requestTo('challenge-window', context, clock);
    const window = withWindow.case.deadlines.find((d) => d.purpose === 'challenge-window')?.id ?? '';
    expect(refused(withWindow, alice, { type: 'mark-period-met', deadlineId: window }, context).code).toBe(
      'preconditions-unmet',
    );
    const started = apply(t, alice, { type: 'start-period', periodId: 'execution' }, context);
    const merged = {
      ...started,
      case: { ...started.case, deadlines: [...started.case.deadlines, ...withWindow.case.deadlines] },
    };
    expect(refused(merged, alice, { type: 'mark-period-met', deadlineId: window }, context).missing).toEqual([
      workflowMessage('deadline-met-by-step'),
    ]);
  });

  it('reviews only real, unreviewed exceptions', () => {
    const { context, clock } = makeContext();
    let t = open('enforcement-action', context);
    t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('enforcement-action', clock) }, context);
    t = apply(t, alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'take-ladder-rung', rung: 'warning', reasons: 'w', exceptionReason: null }, context);
    t = apply(
      t,
      alice,
      { type: 'take-ladder-rung', rung: 'penalty', reasons: 'p', exceptionReason: 'Grave.' },
      context,
    );
    const [warning, penalty] = t.case.ladder;
    expect(
      refused(
        t,
        rita,
        { type: 'review-ladder-exception', stepId: warning?.id ?? '', confirmed: true, note: '' },
        context,
      ).missing,
    ).toEqual([workflowMessage('step-not-exception')]);
    expect(
      refused(t, rita, { type: 'review-ladder-exception', stepId: 'x', confirmed: true, note: '' }, context).missing,
    ).toEqual([workflowMessage('ladder-step-unknown', { id: 'x' })]);
    t = apply(
      t,
      rita,
      { type: 'review-ladder-exception', stepId: penalty?.id ?? '', confirmed: false, note: 'Not grave enough.' },
      context,
    );
    expect(t.case.ladder[1]?.review?.confirmed).toBe(false);
  });

  it('refuses to purge a withdrawn draft that never had a retention date', () => {
    const { context } = makeContext();
    const t = apply(open('rights-complaint', context), alice, { type: 'withdraw', reason: 'Duplicate.' }, context);
    expect(refused(t, alice, { type: 'purge' }, context).missing).toEqual([workflowMessage('no-retention-date')]);
  });
});
