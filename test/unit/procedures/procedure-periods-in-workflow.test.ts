import { describe, expect, it } from 'vitest';
import { type CaseKind } from '@shared/domain/case-stage';
import { findProcedureTemplate } from '@shared/procedures/procedure-registry';
import { caseViolations } from '@shared/workflow/case-invariants';
import {
  alice,
  apply,
  completeDraftChanges,
  DAY,
  makeContext,
  open,
  refused,
  type TestClock,
  type Trail,
} from '../workflow/workflow-fixtures';
import { type WorkflowContext } from '@shared/workflow/workflow-types';

/** A case of this kind on this template, drafted and authorised (an active stage). */
function authorised(
  kind: CaseKind,
  procedure: { id: string; version: number },
  context: WorkflowContext,
  clock: TestClock,
  dataCategoryCodes?: string[],
): Trail {
  let t = open(kind, context, alice, procedure);
  const changes = completeDraftChanges(kind, clock);
  t = apply(
    t,
    alice,
    { type: 'update-draft', changes: dataCategoryCodes ? { ...changes, dataCategoryCodes } : changes },
    context,
  );
  return apply(t, alice, { type: 'authorise' }, context);
}

describe('procedure periods in the workflow', () => {
  it.each([
    ['gdpr-art56-local-case', 'lead-authority-decides'],
    ['gdpr-art61-mutual-assistance', 'reply'],
    ['gdpr-art12-data-subject-request', 'controller-replies'],
  ])('%s: the period starts, at the recorded receipt, for every kind the template applies to', (id, periodId) => {
    const template = findProcedureTemplate({ id, version: 1 });
    expect(template?.appliesTo.length).toBeGreaterThan(0);
    for (const kind of template?.appliesTo ?? []) {
      const { context, clock } = makeContext('2026-03-02T09:00:00Z');
      let t = authorised(kind, { id, version: 1 }, context, clock);
      clock.advance(2 * DAY);
      t = apply(t, alice, { type: 'start-period', periodId, startedAt: '2026-03-03T08:00:00.000Z' }, context);
      const started = t.case.deadlines.find((d) => d.periodId === periodId);
      expect(started, `${id} on ${kind}`).toMatchObject({ startedAt: '2026-03-03T08:00:00.000Z', metAt: null });
      expect(started?.templateVersion).toBe(template?.version);
      t = apply(t, alice, { type: 'mark-period-met', deadlineId: started?.id ?? '' }, context);
      expect(caseViolations(t.case)).toEqual([]);
    }
  });

  it.each([
    [['subscriber'], ['provider-delivers']],
    [['identification'], ['provider-delivers']],
    [['subscriber', 'identification'], ['provider-delivers']],
    [
      ['subscriber', 'traffic'],
      ['provider-delivers', 'enforcing-state-grounds'],
    ],
    [['content'], ['provider-delivers', 'enforcing-state-grounds']],
  ])('Reg. 2023/1543 Art. 8: an order for %j starts %j', (categories, periods) => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z');
    let t = authorised(
      'data-access-request',
      { id: 'epo-2023-1543-production-order', version: 2 },
      context,
      clock,
      categories,
    );
    t = apply(t, alice, { type: 'send-request' }, context);
    expect(t.case.deadlines.map((d) => d.periodId)).toEqual(periods);
  });

  it('EIO Art. 12(6): execution can be extended more than three times, each with a reason', () => {
    const { context, clock } = makeContext('2026-06-01T08:00:00Z');
    let t = authorised('data-access-request', { id: 'eio-art12-recognition-execution', version: 2 }, context, clock);
    t = apply(t, alice, { type: 'send-request' }, context);
    t = apply(t, alice, { type: 'start-period', periodId: 'execution' }, context);
    const execution = t.case.deadlines.find((d) => d.periodId === 'execution');
    expect(execution?.extensionRule).toEqual({ duration: { amount: 30, unit: 'calendar-days' }, maxCount: null });
    for (let n = 1; n <= 5; n += 1) {
      t = apply(
        t,
        alice,
        {
          type: 'extend-deadline',
          deadlineId: execution?.id ?? '',
          reason: `Delay ${n}: house search postponed; timing agreed with the issuing authority.`,
        },
        context,
      );
    }
    expect(t.case.deadlines.find((d) => d.periodId === 'execution')?.extensions).toHaveLength(5);
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('EIO Art. 32(2): the provisional-measure decision is due 24 hours after the recorded receipt', () => {
    const { context, clock } = makeContext('2026-06-01T08:00:00Z');
    let t = authorised('data-access-request', { id: 'eio-art12-recognition-execution', version: 2 }, context, clock);
    clock.advance(DAY);
    t = apply(
      t,
      alice,
      { type: 'start-period', periodId: 'provisional-measure', startedAt: '2026-06-01T16:45:00.000Z' },
      context,
    );
    expect(t.case.deadlines.find((d) => d.periodId === 'provisional-measure')?.dueAt).toBe('2026-06-02T16:45:00.000Z');
  });
});

describe('recording the day a period starts', () => {
  it('refuses a receipt before the request was sent, and a start in the future', () => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z');
    let t = authorised('data-access-request', { id: 'gdpr-art61-mutual-assistance', version: 2 }, context, clock);
    t = apply(t, alice, { type: 'send-request' }, context);
    clock.advance(DAY);
    const early = refused(
      t,
      alice,
      { type: 'start-period', periodId: 'reply', startedAt: '2026-03-01T12:00:00.000Z' },
      context,
    );
    expect(early.missing.map((m) => m.code)).toEqual(['receipt-before-sending']);
    const later = refused(
      t,
      alice,
      { type: 'start-period', periodId: 'reply', startedAt: '2026-03-05T12:00:00.000Z' },
      context,
    );
    expect(later.missing.map((m) => m.code)).toEqual(['period-start-in-future']);
    t = apply(t, alice, { type: 'start-period', periodId: 'reply', startedAt: '2026-03-02T15:00:00.000Z' }, context);
    expect(t.events.at(-1)).toMatchObject({ action: 'start-period', actor: { id: 'alice' } });
    expect(t.case.deadlines.find((d) => d.periodId === 'reply')?.startedAt).toBe('2026-03-02T15:00:00.000Z');
    // The requested authority's reply is the response: recording it meets the Art. 61(2) period.
    t = apply(t, alice, { type: 'record-response', summary: 'Information received.' }, context);
    expect(t.case.deadlines.find((d) => d.periodId === 'reply')?.metAt).toBe(t.case.response?.receivedAt);
    expect(caseViolations(t.case)).toEqual([]);
  });
});

describe('a template replaced on a date', () => {
  it('refuses to authorise a case on a template not in force on the day it was opened (Reg. 2025/2518 from 2 April 2027)', () => {
    const { context, clock } = makeContext('2027-04-02T08:00:00Z');
    let t = open('rights-complaint', context, alice, { id: 'gdpr-art60-draft-decision', version: 1 });
    t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('rights-complaint', clock) }, context);
    const refusal = refused(t, alice, { type: 'authorise' }, context);
    expect(refusal.missing.map((m) => m.code)).toEqual(['procedure-not-in-force']);
    t = apply(
      t,
      alice,
      { type: 'update-draft', changes: { procedure: { id: 'gdpr-2025-2518-cross-border-enforcement', version: 1 } } },
      context,
    );
    expect(apply(t, alice, { type: 'authorise' }, context).case.stage).toBe('authorised');
  });
});
