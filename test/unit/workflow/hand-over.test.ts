import { describe, expect, it } from 'vitest';
import { openCase } from '@shared/workflow/open-case';
import { alice, apply, bob, makeContext, open, refused, requestTo, rita } from './workflow-fixtures';
import { workflowMessage } from '@shared/workflow/workflow-message';

describe('case owners and hand-over', () => {
  it('the person who opens a case owns it; a case opened for a partner office is unassigned', () => {
    const { context } = makeContext();
    expect(open('data-access-request', context).case.ownerId).toBe('alice');
    const imported = openCase(
      { id: 'c-in', reference: 'R-IN', kind: 'data-access-request', title: 't', originatingJurisdiction: 'FR' },
      { id: 'office:0123456789abcdef', role: 'caseworker' },
      context,
    );
    expect(imported.ok && imported.case.ownerId).toBeNull();
  });

  it('the owner hands over; a colleague takes over only with a reason, kept as a note; all recorded in the trail', () => {
    const { context } = makeContext();
    let t = open('data-access-request', context);
    t = apply(t, alice, { type: 'hand-over', to: 'bob', reason: '' }, context);
    expect(t.case.ownerId).toBe('bob');
    expect(t.events.at(-1)).toMatchObject({
      action: 'hand-over',
      type: 'record-changed',
      details: { from: 'alice', to: 'bob', takeOver: false },
    });
    expect(refused(t, alice, { type: 'hand-over', to: 'alice', reason: ' ' }, context).missing).toEqual([
      workflowMessage('take-over-needs-reason'),
    ]);
    t = apply(t, alice, { type: 'hand-over', to: 'alice', reason: 'Bob is on leave until May.' }, context);
    expect(t.case.ownerId).toBe('alice');
    expect(t.case.notes.at(-1)).toMatchObject({ by: 'alice', text: 'Bob is on leave until May.' });
    expect(t.events.at(-1)?.details).toMatchObject({ from: 'bob', to: 'alice', takeOver: true });
    expect(refused(t, alice, { type: 'hand-over', to: 'alice', reason: '' }, context).missing).toEqual([
      workflowMessage('already-owner'),
    ]);
    expect(refused(t, rita, { type: 'hand-over', to: 'rita', reason: 'x' }, context).code).toBe('role-not-permitted');
  });

  it('never gives a case to its independent reviewer', () => {
    const { context, clock } = makeContext();
    const t = requestTo('redress-review', context, clock);
    expect(t.case.review?.officerId).toBe('rita');
    expect(refused(t, alice, { type: 'hand-over', to: 'rita', reason: '' }, context)).toEqual({
      code: 'conflict-of-interest',
      missing: [workflowMessage('reviewer-cannot-own')],
    });
    expect(apply(t, alice, { type: 'hand-over', to: 'bob', reason: '' }, context).case.ownerId).toBe(bob.id);
  });
});
