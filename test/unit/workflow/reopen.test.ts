import { describe, expect, it } from 'vitest';
import { workflowMessage } from '@shared/workflow/workflow-message';
import {
  alice,
  apply,
  bob,
  completeDraftChanges,
  DAY,
  makeContext,
  open,
  refused,
  type TestClock,
  type Trail,
} from './workflow-fixtures';
import type { WorkflowContext } from '@shared/workflow/workflow-types';

/** A production order (Reg. 2023/1543): sending it starts the provider's response period and a tracked one. */
function productionOrder(
  point: 'authorised' | 'request-sent' | 'response-received',
  context: WorkflowContext,
  clock: TestClock,
): Trail {
  let t = open('data-access-request', context, alice, { id: 'epo-2023-1543-production-order', version: 2 });
  t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
  t = apply(t, alice, { type: 'authorise' }, context);
  if (point === 'authorised') return t;
  t = apply(t, alice, { type: 'send-request', channel: 'secure-network' }, context);
  if (point === 'request-sent') return t;
  clock.advance(2 * DAY);
  return apply(t, alice, { type: 'record-response', summary: 'Subscriber record for the account.' }, context);
}

describe('sending a request another way, and the audited reopen', () => {
  it('a request posted yesterday and recorded today runs its response period from yesterday', () => {
    const { context, clock } = makeContext();
    const t = productionOrder('authorised', context, clock);
    clock.advance(DAY);
    const yesterday = clock.iso(-DAY + 3_600_000);
    const sent = apply(
      t,
      alice,
      { type: 'send-request', channel: 'post', sentAt: yesterday, reference: ' RR 1234 5678 DE ' },
      context,
    );
    expect(sent.case.stage).toBe('request-sent');
    expect(sent.case.request).toEqual({
      sentAt: yesterday,
      by: 'alice',
      channel: 'post',
      reference: 'RR 1234 5678 DE',
    });
    const started = sent.case.deadlines.filter((d) => d.startedAt === yesterday);
    expect(started.length).toBeGreaterThan(0);
    expect(sent.events.at(-1)?.details).toMatchObject({ channel: 'post' });
  });

  it('refuses a sending date in the future or before the case was authorised', () => {
    const { context, clock } = makeContext();
    const t = productionOrder('authorised', context, clock);
    expect(
      refused(t, alice, { type: 'send-request', channel: 'post', sentAt: clock.iso(DAY) }, context).missing,
    ).toEqual([workflowMessage('sent-date-in-future')]);
    expect(
      refused(t, alice, { type: 'send-request', channel: 'courier', sentAt: clock.iso(-30 * DAY) }, context).missing,
    ).toEqual([workflowMessage('sent-before-authorisation')]);
  });

  it('takes a request marked sent by mistake back to "authorised", with a reason kept, and lets it be sent again', () => {
    const { context, clock } = makeContext();
    const t = productionOrder('request-sent', context, clock);
    const running = t.case.deadlines.length;
    expect(running).toBeGreaterThan(0);
    expect(refused(t, alice, { type: 'reopen', reason: '  ' }, context).missing).toEqual([
      workflowMessage('reopen-needs-reason'),
    ]);
    const back = apply(t, alice, { type: 'reopen', reason: 'Marked sent on the wrong case.' }, context);
    expect(back.case.stage).toBe('authorised');
    expect(back.case.request).toBeNull();
    expect(back.case.deadlines).toHaveLength(0);
    expect(back.case.reopenings).toEqual([
      {
        at: clock.iso(),
        by: 'alice',
        fromStage: 'request-sent',
        toStage: 'authorised',
        reason: 'Marked sent on the wrong case.',
      },
    ]);
    expect(back.events.at(-1)).toMatchObject({
      action: 'reopen',
      fromStage: 'request-sent',
      toStage: 'authorised',
      details: { removedDeadlines: running },
    });
    expect(apply(back, alice, { type: 'send-request' }, context).case.stage).toBe('request-sent');
  });

  it('never takes back a request that left as a bundle, nor a response the partner sent in one', () => {
    const { context, clock } = makeContext();
    const t = productionOrder('authorised', context, clock);
    const bundled = apply(t, alice, { type: 'send-request', channel: 'bundle' }, context);
    expect(refused(bundled, alice, { type: 'reopen', reason: 'Oops.' }, context).missing).toEqual([
      workflowMessage('reopen-bundle-left'),
    ]);
    const answered = apply(
      bundled,
      alice,
      { type: 'record-response', summary: 'Data.', responderReference: 'FR-77' },
      context,
    );
    expect(refused(answered, alice, { type: 'reopen', reason: 'Oops.' }, context).missing).toEqual([
      workflowMessage('reopen-response-from-partner'),
    ]);
  });

  it('takes a typed response back to "request sent" and its response period runs again', () => {
    const { context, clock } = makeContext();
    const t = productionOrder('response-received', context, clock);
    expect(t.case.deadlines.some((d) => d.purpose === 'response' && d.metAt !== null)).toBe(true);
    const back = apply(t, alice, { type: 'reopen', reason: 'That answer belongs to another request.' }, context);
    expect(back.case.stage).toBe('request-sent');
    expect(back.case.response).toBeNull();
    expect(back.case.deadlines.filter((d) => d.purpose === 'response').every((d) => d.metAt === null)).toBe(true);
  });

  it('a withdrawn case stays withdrawn: there is nothing to reopen', () => {
    const { context, clock } = makeContext();
    const t = productionOrder('authorised', context, clock);
    const withdrawn = apply(t, alice, { type: 'withdraw', reason: 'The partner no longer needs it.' }, context);
    expect(refused(withdrawn, alice, { type: 'reopen', reason: 'Changed our mind.' }, context).code).toBe(
      'wrong-stage',
    );
  });

  it('with the second-person rule, someone other than the person who took the step reopens it', () => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z', true);
    let t = open('data-access-request', context);
    t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
    t = apply(t, bob, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request', channel: 'post' }, context);
    expect(refused(t, alice, { type: 'reopen', reason: 'Wrong case.' }, context).missing).toEqual([
      workflowMessage('reopen-second-person-required'),
    ]);
    expect(apply(t, bob, { type: 'reopen', reason: 'Wrong case.' }, context).case.stage).toBe('authorised');
  });
});
