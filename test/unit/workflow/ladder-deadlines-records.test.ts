import { describe, expect, it } from 'vitest';
import { recomputeDue } from '@shared/deadlines/tracked-deadline';
import { caseViolations } from '@shared/workflow/case-invariants';
import { requiredNow } from '@shared/workflow/required-now';
import {
  alice,
  apply,
  bob,
  completeDraftChanges,
  DAY,
  HOUR,
  makeContext,
  open,
  refused,
  requestTo,
  rita,
  type Trail,
} from './workflow-fixtures';
import { type WorkflowContext } from '@shared/workflow/workflow-types';
import { type TestClock } from './workflow-fixtures';

function enforcement(context: WorkflowContext, clock: TestClock, procedure?: { id: string; version: number }): Trail {
  let t = open('enforcement-action', context, alice, procedure);
  t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('enforcement-action', clock) }, context);
  return apply(t, alice, { type: 'authorise' }, context);
}

describe('enforcement ladder', () => {
  it('climbs one rung at a time', () => {
    const { context, clock } = makeContext();
    let t = enforcement(context, clock);
    expect(
      refused(
        t,
        alice,
        { type: 'take-ladder-rung', rung: 'remedial-order', reasons: 'Repeated breaches.', exceptionReason: null },
        context,
      ),
    ).toEqual({
      code: 'invalid-input',
      missing: ['a remedial order comes after a warning; take that first, or record an exception with reasons'],
    });
    expect(
      refused(
        t,
        alice,
        { type: 'take-ladder-rung', rung: 'warning', reasons: '', exceptionReason: 'not needed' },
        context,
      ).missing,
    ).toEqual([
      'a warning needs reasons',
      'no exception is needed: the rung below was taken; leave the exception empty',
    ]);
    t = apply(
      t,
      alice,
      { type: 'take-ladder-rung', rung: 'warning', reasons: 'First breach.', exceptionReason: null },
      context,
    );
    t = apply(
      t,
      alice,
      { type: 'take-ladder-rung', rung: 'remedial-order', reasons: 'Breach continued.', exceptionReason: null },
      context,
    );
    expect(t.case.ladder.map((s) => [s.rung, s.exception])).toEqual([
      ['warning', null],
      ['remedial-order', null],
    ]);
    expect(
      refused(
        t,
        alice,
        { type: 'take-ladder-rung', rung: 'invasive-measure', reasons: 'x', exceptionReason: '' },
        context,
      ).missing,
    ).toEqual(['an invasive measure comes after a penalty; take that first, or record an exception with reasons']);
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('skips a rung only with a recorded exception that someone else reviews', () => {
    const { context, clock } = makeContext();
    let t = enforcement(context, clock);
    expect(
      refused(t, bob, { type: 'review-ladder-exception', stepId: 'l1', confirmed: true, note: '' }, context).code,
    ).toBe('preconditions-unmet');
    t = apply(
      t,
      alice,
      {
        type: 'take-ladder-rung',
        rung: 'penalty',
        reasons: 'Data of millions exposed.',
        exceptionReason: 'Gravity makes a warning pointless.',
      },
      context,
    );
    const stepId = t.case.ladder[0]?.id ?? '';
    expect(t.events.at(-1)?.details).toMatchObject({ rung: 'penalty', exception: true });
    expect(
      refused(t, alice, { type: 'review-ladder-exception', stepId, confirmed: true, note: '' }, context).code,
    ).toBe('preconditions-unmet');
    expect(
      refused(t, bob, { type: 'review-ladder-exception', stepId, confirmed: false, note: '' }, context).missing,
    ).toEqual(['a rejected exception needs a note saying why']);
    t = apply(t, rita, { type: 'review-ladder-exception', stepId, confirmed: true, note: 'Justified.' }, context);
    expect(t.case.ladder[0]?.review).toMatchObject({ by: 'rita', confirmed: true });
    expect(t.case.caseworkerIds).not.toContain('rita');
    expect(refused(t, bob, { type: 'review-ladder-exception', stepId, confirmed: true, note: '' }, context).code).toBe(
      'preconditions-unmet',
    );
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('does not apply to other kinds of case', () => {
    const { context, clock } = makeContext();
    expect(
      refused(
        requestTo('authorised', context, clock),
        alice,
        { type: 'take-ladder-rung', rung: 'warning', reasons: 'x', exceptionReason: null },
        context,
      ).code,
    ).toBe('wrong-kind');
  });
});

describe('emergency', () => {
  it('is reviewed with reasons: continued to a new sunset, or ended', () => {
    const { context, clock } = makeContext();
    let t = requestTo('draft-complete', context, clock);
    t = apply(t, alice, { type: 'authorise' }, context);
    expect(refused(t, alice, { type: 'review-emergency', reasons: 'x', newSunsetAt: null }, context).missing).toEqual([
      'this case is not an emergency',
    ]);

    t = requestTo('draft-complete', context, clock);
    t = apply(
      t,
      alice,
      {
        type: 'update-draft',
        changes: { emergency: { justification: 'Risk to life.', sunsetAt: clock.iso(2 * DAY) } },
      },
      context,
    );
    t = apply(t, alice, { type: 'authorise' }, context);
    expect(
      refused(t, alice, { type: 'review-emergency', reasons: '', newSunsetAt: clock.iso(-1) }, context).missing,
    ).toEqual(['the emergency review needs reasons', 'the new sunset date must be in the future']);
    t = apply(
      t,
      alice,
      { type: 'review-emergency', reasons: 'Still urgent.', newSunsetAt: clock.iso(5 * DAY) },
      context,
    );
    expect(t.case.emergency?.sunsetAt).toBe(clock.iso(5 * DAY));
    clock.advance(6 * DAY);
    expect(requiredNow(t.case, clock.ms, context.settings).items).toContainEqual(
      expect.objectContaining({
        severity: 'overdue',
        message: 'the emergency measure passed its sunset: it has lapsed unless reviewed',
      }),
    );
    t = apply(t, alice, { type: 'review-emergency', reasons: 'No longer urgent.', newSunsetAt: null }, context);
    expect(t.case.emergency?.sunsetAt).toBe(clock.iso());
    expect(requiredNow(t.case, clock.ms, context.settings).items.some((i) => i.message.includes('emergency'))).toBe(
      false,
    );
  });
});

describe('deadlines on a case', () => {
  it('extends only within the template limit, with a reason, by the right role', () => {
    const { context, clock } = makeContext();
    const t0 = requestTo('challenge-lodged', context, clock);
    const decision = t0.case.deadlines.find((d) => d.purpose === 'decision');
    const id = decision?.id ?? '';
    expect(refused(t0, alice, { type: 'extend-deadline', deadlineId: id, reason: 'busy' }, context).missing).toEqual([
      'only a redress officer can change the decision deadline',
    ]);
    expect(refused(t0, rita, { type: 'extend-deadline', deadlineId: id, reason: '' }, context).missing).toEqual([
      'an extension needs a reason',
    ]);
    const t1 = apply(t0, rita, { type: 'extend-deadline', deadlineId: id, reason: 'Expert opinion needed.' }, context);
    const extended = t1.case.deadlines.find((d) => d.id === id);
    expect(Date.parse(extended?.dueAt ?? '') - Date.parse(decision?.dueAt ?? '')).toBeGreaterThanOrEqual(29 * DAY);
    expect(t1.case.caseworkerIds).not.toContain('rita');
    expect(refused(t1, rita, { type: 'extend-deadline', deadlineId: id, reason: 'Again.' }, context).missing).toEqual([
      '"Redress decision" was already extended 1 time(s), the most the procedure allows',
    ]);
    const response = requestTo('request-sent', context, clock);
    expect(response.case.deadlines).toHaveLength(0);
    expect(caseViolations(t1.case)).toEqual([]);
  });

  it('refuses extensions a period does not allow', () => {
    const { context, clock } = makeContext();
    let t = open('data-access-request', context, alice, { id: 'gdpr-art61-mutual-assistance', version: 1 });
    t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
    t = apply(t, alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request' }, context);
    const id = t.case.deadlines[0]?.id ?? '';
    expect(refused(t, alice, { type: 'extend-deadline', deadlineId: id, reason: 'r' }, context).missing).toEqual([
      '"Requested authority replies" cannot be extended under Art. 61(2) GDPR: without undue delay and no later than one month after receiving the request',
    ]);
    expect(refused(t, alice, { type: 'extend-deadline', deadlineId: 'nope', reason: 'r' }, context).missing).toEqual([
      'deadline "nope" is not on this case',
    ]);
    expect(refused(t, alice, { type: 'mark-period-met', deadlineId: id }, context).code).toBe('preconditions-unmet');
  });

  it('stops and restarts the clock, adding the stopped time back', () => {
    const { context, clock } = makeContext('2026-06-01T08:00:00Z');
    let t = open('data-access-request', context, alice, { id: 'eio-art12-recognition-execution', version: 1 });
    t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
    t = apply(t, alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request' }, context);
    const recognition = t.case.deadlines[0];
    expect(recognition?.periodId).toBe('recognition');
    const id = recognition?.id ?? '';
    expect(refused(t, alice, { type: 'resume-deadline', deadlineId: id }, context).missing).toEqual([
      'no deadline clock is stopped',
    ]);
    expect(refused(t, alice, { type: 'suspend-deadline', deadlineId: id, reason: '' }, context).missing).toEqual([
      'stopping the clock needs a reason',
    ]);
    t = apply(t, alice, { type: 'suspend-deadline', deadlineId: id, reason: 'Translation requested.' }, context);
    expect(t.case.deadlines[0]?.dueAt).toBeNull();
    expect(refused(t, alice, { type: 'suspend-deadline', deadlineId: id, reason: 'x' }, context).missing).toEqual([
      'the clock is already stopped',
    ]);
    clock.advance(3 * DAY);
    t = apply(t, alice, { type: 'resume-deadline', deadlineId: id }, context);
    // 30 days from 1 June end on 1 July (Paris); 3 stopped days move it to Saturday 4 July, so Monday 6 July.
    expect(recognition?.dueAt).toBe('2026-07-01T21:59:59.999Z');
    expect(t.case.deadlines[0]?.dueAt).toBe('2026-07-06T21:59:59.999Z');
    const stored = t.case.deadlines[0];
    expect(stored && recomputeDue(stored).dueAt).toBe(stored?.dueAt);
    t = apply(t, alice, { type: 'extend-deadline', deadlineId: id, reason: 'Complex request (Art. 12(5)).' }, context);
    expect(t.case.deadlines[0]?.extensions).toHaveLength(1);
    t = apply(t, alice, { type: 'mark-period-met', deadlineId: id }, context);
    t = apply(t, alice, { type: 'start-period', periodId: 'execution' }, context);
    expect(refused(t, alice, { type: 'start-period', periodId: 'execution' }, context).missing).toEqual([
      '"Executing authority carries out the measure" is already running',
    ]);
    expect(refused(t, alice, { type: 'start-period', periodId: 'recognition' }, context).missing).toEqual([
      '"Executing authority decides on recognition" starts by itself when the workflow reaches it',
    ]);
    expect(refused(t, alice, { type: 'start-period', periodId: 'nope' }, context).missing).toEqual([
      'the procedure has no period "nope"',
    ]);
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('reports a lapse outcome: no objection in four weeks is deemed agreement', () => {
    const { context, clock } = makeContext('2026-06-03T10:00:00Z');
    let t = enforcement(context, clock, { id: 'gdpr-art60-draft-decision', version: 1 });
    t = apply(t, alice, { type: 'start-period', periodId: 'objections' }, context);
    expect(t.case.deadlines[0]?.dueAt).toBe('2026-07-01T21:59:59.999Z');
    clock.advance(29 * DAY);
    expect(requiredNow(t.case, clock.ms, context.settings).items).toContainEqual({
      severity: 'warning',
      message: '"Concerned authorities object to the draft decision" lapsed without objection: deemed agreement',
      dueAt: '2026-07-01T21:59:59.999Z',
    });
  });
});

describe('records', () => {
  it('keeps notes, evidence with chain of custody, and views of sensitive data', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    expect(refused(t, alice, { type: 'add-note', text: '' }, context).missing).toEqual(['the note is empty']);
    expect(
      refused(t, alice, { type: 'record-custody', evidenceId: 'e1', action: 'accessed', note: '' }, context).missing,
    ).toEqual(['the case has no evidence items']);
    expect(
      refused(
        t,
        alice,
        { type: 'add-evidence', title: '', mediaType: '', sizeBytes: 0, contentHash: 'b'.repeat(64), note: '' },
        context,
      ).missing,
    ).toEqual(['the evidence item needs a title', 'the evidence item needs a media type']);
    t = apply(
      t,
      alice,
      {
        type: 'add-evidence',
        title: 'Export',
        mediaType: 'text/csv',
        sizeBytes: 42,
        contentHash: 'b'.repeat(64),
        note: 'From response bundle',
      },
      context,
    );
    const id = t.case.evidence[0]?.id ?? '';
    clock.advance(HOUR);
    t = apply(t, bob, { type: 'record-custody', evidenceId: id, action: 'copied', note: 'To USB for FR' }, context);
    t = apply(t, bob, { type: 'record-custody', evidenceId: id, action: 'destroyed', note: 'Retention' }, context);
    expect(
      refused(t, bob, { type: 'record-custody', evidenceId: id, action: 'accessed', note: '' }, context).missing,
    ).toEqual(['this evidence item was destroyed; nothing more can happen to it']);
    expect(t.case.evidence[0]?.custody.map((c) => [c.action, c.by])).toEqual([
      ['received', 'alice'],
      ['copied', 'bob'],
      ['destroyed', 'bob'],
    ]);
    const before = t.case;
    t = apply(t, rita, { type: 'view-sensitive', what: 'data-categories', itemId: null }, context);
    expect(t.events.at(-1)).toMatchObject({
      type: 'sensitive-data-viewed',
      action: 'view-sensitive',
      fromStage: 'response-received',
      toStage: 'response-received',
      details: { what: 'data-categories', itemId: null },
    });
    expect({ ...t.case, audit: before.audit, updatedAt: before.updatedAt }).toEqual(before);
    expect(t.case.caseworkerIds).not.toContain('rita');
  });
});
