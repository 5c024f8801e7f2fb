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
import { describeWorkflowMessages } from '@shared/workflow/describe-workflow-message';
import { workflowMessage } from '@shared/workflow/workflow-message';

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
      missing: [workflowMessage('rung-skipped', { rung: 'remedial-order', below: 'warning' })],
    });
    expect(
      refused(
        t,
        alice,
        { type: 'take-ladder-rung', rung: 'warning', reasons: '', exceptionReason: 'not needed' },
        context,
      ).missing,
    ).toEqual([workflowMessage('rung-needs-reasons', { rung: 'warning' }), workflowMessage('exception-not-needed')]);
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
    ).toEqual([workflowMessage('rung-skipped', { rung: 'invasive-measure', below: 'penalty' })]);
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
    ).toEqual([workflowMessage('rejected-exception-needs-note')]);
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
      workflowMessage('not-an-emergency'),
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
    ).toEqual([workflowMessage('emergency-review-needs-reasons'), workflowMessage('new-sunset-not-future')]);
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
        message: workflowMessage('emergency-lapsed'),
      }),
    );
    t = apply(t, alice, { type: 'review-emergency', reasons: 'No longer urgent.', newSunsetAt: null }, context);
    expect(t.case.emergency?.sunsetAt).toBe(clock.iso());
    const codes = requiredNow(t.case, clock.ms, context.settings).items.map((i) => i.message.code);
    expect(codes.filter((code) => code.startsWith('emergency'))).toEqual([]);
  });
});

describe('deadlines on a case', () => {
  it('extends only within the template limit, with a reason, by the right role', () => {
    const { context, clock } = makeContext();
    const t0 = requestTo('challenge-lodged', context, clock);
    const decision = t0.case.deadlines.find((d) => d.purpose === 'decision');
    const id = decision?.id ?? '';
    expect(refused(t0, alice, { type: 'extend-deadline', deadlineId: id, reason: 'busy' }, context).missing).toEqual([
      workflowMessage('only-redress-changes-decision-deadline'),
    ]);
    expect(refused(t0, rita, { type: 'extend-deadline', deadlineId: id, reason: '' }, context).missing).toEqual([
      workflowMessage('extension-needs-reason'),
    ]);
    const t1 = apply(t0, rita, { type: 'extend-deadline', deadlineId: id, reason: 'Expert opinion needed.' }, context);
    const extended = t1.case.deadlines.find((d) => d.id === id);
    expect(Date.parse(extended?.dueAt ?? '') - Date.parse(decision?.dueAt ?? '')).toBeGreaterThanOrEqual(29 * DAY);
    expect(t1.case.caseworkerIds).not.toContain('rita');
    expect(refused(t1, rita, { type: 'extend-deadline', deadlineId: id, reason: 'Again.' }, context).missing).toEqual([
      workflowMessage('deadline-extended-max', { label: 'Redress decision', count: 1 }),
    ]);
    const response = requestTo('request-sent', context, clock);
    expect(response.case.deadlines).toHaveLength(0);
    expect(caseViolations(t1.case)).toEqual([]);
  });

  it('refuses extensions a period does not allow', () => {
    const { context, clock } = makeContext();
    let t = open('data-access-request', context, alice, { id: 'epo-2023-1543-production-order', version: 2 });
    t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
    t = apply(t, alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request' }, context);
    const id = t.case.deadlines[0]?.id ?? '';
    const notExtendable = refused(t, alice, { type: 'extend-deadline', deadlineId: id, reason: 'r' }, context).missing;
    expect(notExtendable.map((m) => m.code)).toEqual(['deadline-not-extendable']);
    // The English names the period and quotes its legal source in full.
    expect(describeWorkflowMessages(notExtendable)).toEqual([
      `"Service provider delivers the data" cannot be extended under Art. 10(2)–(3) Regulation (EU) 2023/1543: within 10 days following receipt of the EPOC; Art. 10(4): within 8 hours in an emergency. Counted from sending. Whether the weekend roll of Reg. 1182/71 applies is undecided (unverified): counted on calendar days without it.`,
    ]);
    expect(refused(t, alice, { type: 'extend-deadline', deadlineId: 'nope', reason: 'r' }, context).missing).toEqual([
      workflowMessage('deadline-unknown', { id: 'nope' }),
    ]);
    // The provider's period is the workflow's own: recording the response meets it, not a click.
    expect(refused(t, alice, { type: 'mark-period-met', deadlineId: id }, context).missing).toEqual([
      workflowMessage('deadline-met-by-step'),
    ]);
  });

  it('stops and restarts the clock, adding the stopped time back', () => {
    const { context, clock } = makeContext('2026-06-01T08:00:00Z');
    let t = open('data-access-request', context, alice, { id: 'eio-art12-recognition-execution', version: 1 });
    t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
    t = apply(t, alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request' }, context);
    // Art. 12(3) counts from receipt of the EIO: the caseworker records it (here, the day it was sent).
    t = apply(t, alice, { type: 'start-period', periodId: 'recognition' }, context);
    const recognition = t.case.deadlines[0];
    expect(recognition?.periodId).toBe('recognition');
    const id = recognition?.id ?? '';
    expect(refused(t, alice, { type: 'resume-deadline', deadlineId: id }, context).missing).toEqual([
      workflowMessage('no-clock-stopped'),
    ]);
    expect(refused(t, alice, { type: 'suspend-deadline', deadlineId: id, reason: '' }, context).missing).toEqual([
      workflowMessage('stopping-needs-reason'),
    ]);
    t = apply(t, alice, { type: 'suspend-deadline', deadlineId: id, reason: 'Translation requested.' }, context);
    expect(t.case.deadlines[0]?.dueAt).toBeNull();
    expect(refused(t, alice, { type: 'suspend-deadline', deadlineId: id, reason: 'x' }, context).missing).toEqual([
      workflowMessage('clock-already-stopped'),
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
      workflowMessage('period-already-running', { label: 'Executing authority carries out the measure' }),
    ]);
    expect(refused(t, alice, { type: 'start-period', periodId: 'recognition' }, context).missing).toEqual([
      workflowMessage('period-already-ran', { label: 'Executing authority decides on recognition' }),
    ]);
    expect(refused(t, alice, { type: 'start-period', periodId: 'nope' }, context).missing).toEqual([
      workflowMessage('period-unknown', { id: 'nope' }),
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
      message: workflowMessage('deadline-lapsed', {
        label: 'Concerned authorities object to the draft decision',
        lapse: 'deemed-agreement',
      }),
      dueAt: '2026-07-01T21:59:59.999Z',
    });
  });
});

describe('records', () => {
  it('keeps notes, evidence with chain of custody, and views of sensitive data', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    expect(refused(t, alice, { type: 'add-note', text: '' }, context).missing).toEqual([workflowMessage('note-empty')]);
    expect(
      refused(t, alice, { type: 'record-custody', evidenceId: 'e1', action: 'accessed', note: '' }, context).missing,
    ).toEqual([workflowMessage('no-evidence')]);
    expect(
      refused(
        t,
        alice,
        { type: 'add-evidence', title: '', mediaType: '', sizeBytes: 0, contentHash: 'b'.repeat(64), note: '' },
        context,
      ).missing,
    ).toEqual([workflowMessage('evidence-needs-title'), workflowMessage('evidence-needs-media-type')]);
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
    expect(t.events.at(-1)?.details).toEqual({ evidenceId: id, custody: 'copied', contentHash: 'b'.repeat(64) });
    t = apply(t, bob, { type: 'record-custody', evidenceId: id, action: 'destroyed', note: 'Retention' }, context);
    expect(
      refused(t, bob, { type: 'record-custody', evidenceId: id, action: 'accessed', note: '' }, context).missing,
    ).toEqual([workflowMessage('evidence-destroyed')]);
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
