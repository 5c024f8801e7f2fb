import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@shared/audit/audit-chain';
import { ADMISSIBILITY_QUESTIONS, admissibilityGaps, EMPTY_ADMISSIBILITY } from '@shared/domain/admissibility';
import { caseViolations } from '@shared/workflow/case-invariants';
import { requiredNow } from '@shared/workflow/required-now';
import { workflowMessage } from '@shared/workflow/workflow-message';
import {
  ADMISSIBLE,
  alice,
  apply,
  bob,
  completeDraftChanges,
  DAY,
  hash,
  makeContext,
  open,
  refused,
  requestTo,
  type Trail,
} from './workflow-fixtures';
import type { WorkflowContext } from '@shared/workflow/workflow-types';
import type { TestClock } from './workflow-fixtures';

const FOUR_STATEMENTS = {
  necessity: 'No other means.',
  proportionality: 'Three months only.',
  nonDiscrimination: 'Not on protected traits.',
  minimisation: 'No content data.',
};

/** A complaint whose draft is complete but for its admissibility record. */
function complaintWithout(context: WorkflowContext, clock: TestClock): Trail {
  const { admissibility: _left, ...rest } = completeDraftChanges('rights-complaint', clock);
  return apply(open('rights-complaint', context), alice, { type: 'update-draft', changes: rest }, context);
}

describe('a rights complaint is admitted on admissibility, not on proportionality', () => {
  it('lists every admissibility question and the reasons for an empty complaint, and no statement', () => {
    const { context } = makeContext();
    expect(refused(open('rights-complaint', context), alice, { type: 'authorise' }, context)).toEqual({
      code: 'preconditions-unmet',
      missing: [
        workflowMessage('admissibility-unanswered', { question: 'competent' }),
        workflowMessage('admissibility-unanswered', { question: 'entitled' }),
        workflowMessage('admissibility-unanswered', { question: 'inTime' }),
        workflowMessage('admissibility-unanswered', { question: 'notUnfounded' }),
        workflowMessage('admissibility-unanswered', { question: 'notDecidedElsewhere' }),
        workflowMessage('admissibility-reasons-empty'),
        workflowMessage('legal-basis-not-chosen'),
        workflowMessage('purpose-empty'),
        workflowMessage('complainant-not-recorded'),
        workflowMessage('retention-not-set'),
      ],
    });
  });

  it('does not admit a complaint on the four statements of a data request', () => {
    const { context, clock } = makeContext();
    const t = apply(
      complaintWithout(context, clock),
      alice,
      { type: 'update-draft', changes: { assessment: FOUR_STATEMENTS } },
      context,
    );
    expect(refused(t, alice, { type: 'authorise' }, context).missing).toEqual([
      ...ADMISSIBILITY_QUESTIONS.map((question) => workflowMessage('admissibility-unanswered', { question })),
      workflowMessage('admissibility-reasons-empty'),
    ]);
  });

  it('admits only on "yes" to every question with reasons; "unclear" and "no" are named', () => {
    const { context, clock } = makeContext();
    let t = complaintWithout(context, clock);
    t = apply(
      t,
      alice,
      {
        type: 'update-draft',
        changes: { admissibility: { ...ADMISSIBLE, inTime: 'unclear', notDecidedElsewhere: 'no', reasons: '  ' } },
      },
      context,
    );
    expect(refused(t, alice, { type: 'authorise' }, context).missing).toEqual([
      workflowMessage('admissibility-unclear', { question: 'inTime' }),
      workflowMessage('admissibility-not-met', { question: 'notDecidedElsewhere' }),
      workflowMessage('admissibility-reasons-empty'),
    ]);
    t = apply(t, alice, { type: 'update-draft', changes: { admissibility: ADMISSIBLE } }, context);
    const event = t.events.at(-1);
    // The audit trail names the field, never the reasons (they may name the complainant).
    expect(event?.details.fields).toEqual(['admissibility']);
    expect(JSON.stringify(event)).not.toContain('main establishment');
    t = apply(t, alice, { type: 'authorise' }, context);
    expect(t.case.stage).toBe('authorised');
    expect(t.case.admissibility).toEqual(ADMISSIBLE);
    // Nothing of the data request's checklist was asked for, or stored.
    expect(Object.values(t.case.assessment).join('')).toBe('');
    expect(caseViolations(t.case)).toEqual([]);
    expect(verifyAuditChain(t.events, hash, { head: t.case.audit }).ok).toBe(true);
  });

  it('still needs a second person to admit when the office requires one', () => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z', true);
    const t = apply(
      open('rights-complaint', context),
      alice,
      { type: 'update-draft', changes: completeDraftChanges('rights-complaint', clock) },
      context,
    );
    expect(refused(t, alice, { type: 'authorise' }, context).missing).toEqual([
      workflowMessage('second-person-required'),
    ]);
    const done = apply(t, bob, { type: 'authorise' }, context);
    expect(done.case.authorisation).toMatchObject({ by: 'bob', secondPerson: true });
    expect(caseViolations(done.case)).toEqual([]);
  });

  it('keeps a data request on its four statements and refuses an admissibility record on it', () => {
    const { context, clock } = makeContext();
    const draft = apply(
      open('data-access-request', context),
      alice,
      { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) },
      context,
    );
    expect(refused(draft, alice, { type: 'update-draft', changes: { admissibility: ADMISSIBLE } }, context)).toEqual({
      code: 'invalid-input',
      missing: [workflowMessage('admissibility-not-for-kind', { kind: 'data-access-request' })],
    });
    const blank = apply(draft, alice, { type: 'update-draft', changes: { assessment: { necessity: '' } } }, context);
    expect(refused(blank, alice, { type: 'authorise' }, context).missing).toEqual([
      workflowMessage('statement-empty', { statement: 'necessity' }),
    ]);
    expect(requiredNow(blank.case, clock.ms, context.settings).items.map((i) => i.message.code)).not.toContain(
      'admissibility-unanswered',
    );
  });

  it('flags an admitted complaint without a complete record, and keeps no reasons after the purge', () => {
    const { context, clock } = makeContext();
    const admitted = apply(
      apply(
        open('rights-complaint', context),
        alice,
        { type: 'update-draft', changes: completeDraftChanges('rights-complaint', clock) },
        context,
      ),
      alice,
      { type: 'authorise' },
      context,
    );
    expect(caseViolations({ ...admitted.case, admissibility: { ...ADMISSIBLE, entitled: 'unclear' } })).toContain(
      'an admitted complaint has an incomplete admissibility record',
    );
    // A complaint admitted before the record existed was authorised on the four statements: still legal.
    expect(caseViolations({ ...admitted.case, admissibility: undefined, assessment: FOUR_STATEMENTS })).toEqual([]);
    expect(caseViolations({ ...admitted.case, kind: 'enforcement-action', stage: 'authorised' })).toContain(
      'an admissibility record on a case not a complaint',
    );

    let t = apply(
      apply(
        open('rights-complaint', context),
        alice,
        { type: 'update-draft', changes: completeDraftChanges('rights-complaint', clock) },
        context,
      ),
      alice,
      { type: 'withdraw', reason: 'The complainant withdrew the complaint.' },
      context,
    );
    clock.advance(400 * DAY);
    t = apply(t, alice, { type: 'purge' }, context);
    expect(t.case.admissibility).toEqual({ ...ADMISSIBLE, reasons: '' });
    expect(JSON.stringify(t.case)).not.toContain('main establishment');
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('reads a record never started as every gap', () => {
    expect(admissibilityGaps(undefined)).toEqual(admissibilityGaps(EMPTY_ADMISSIBILITY));
    expect(admissibilityGaps(ADMISSIBLE)).toEqual([]);
  });
});

describe('a complaint answered "no" is declared inadmissible, with reasons, not dropped', () => {
  const inadmissible = {
    ...ADMISSIBLE,
    notDecidedElsewhere: 'no' as const,
    reasons: 'A court in Lyon is hearing the same matter.',
  };

  it('closes the draft as inadmissible with its reasons, names the grounds in the trail, and keeps the record', () => {
    const { context, clock } = makeContext();
    let t = complaintWithout(context, clock);
    t = apply(t, alice, { type: 'update-draft', changes: { admissibility: inadmissible } }, context);
    expect(refused(t, alice, { type: 'authorise' }, context).missing).toEqual([
      workflowMessage('admissibility-not-met', { question: 'notDecidedElsewhere' }),
    ]);
    t = apply(t, alice, { type: 'declare-inadmissible' }, context);
    expect(t.case.stage).toBe('closed');
    expect(t.case.closure).toEqual({
      at: clock.iso(),
      by: 'alice',
      reason: 'inadmissible',
      note: 'A court in Lyon is hearing the same matter.',
    });
    expect(t.case.authorisation).toBeNull();
    const event = t.events.at(-1);
    expect(event).toMatchObject({ action: 'declare-inadmissible', fromStage: 'draft', toStage: 'closed' });
    expect(event?.details).toEqual({ closure: 'inadmissible', grounds: ['notDecidedElsewhere'] });
    expect(JSON.stringify(event)).not.toContain('Lyon');
    expect(caseViolations(t.case)).toEqual([]);
    expect(verifyAuditChain(t.events, hash, { head: t.case.audit }).ok).toBe(true);
    expect(refused(t, alice, { type: 'authorise' }, context).code).toBe('wrong-stage');
  });

  it('needs an answer "no", the reasons and a complainant to tell; not on an admissible complaint', () => {
    const { context, clock } = makeContext();
    const admissible = apply(
      open('rights-complaint', context),
      alice,
      { type: 'update-draft', changes: { admissibility: { ...ADMISSIBLE, reasons: '' } } },
      context,
    );
    expect(refused(admissible, alice, { type: 'declare-inadmissible' }, context)).toEqual({
      code: 'preconditions-unmet',
      missing: [
        workflowMessage('inadmissible-needs-a-no'),
        workflowMessage('admissibility-reasons-empty'),
        workflowMessage('complainant-not-recorded'),
      ],
    });
    // Unclear is not a ground: only "no" makes a complaint inadmissible.
    const unclear = apply(
      complaintWithout(context, clock),
      alice,
      { type: 'update-draft', changes: { admissibility: { ...ADMISSIBLE, competent: 'unclear' } } },
      context,
    );
    expect(refused(unclear, alice, { type: 'declare-inadmissible' }, context).missing).toEqual([
      workflowMessage('inadmissible-needs-a-no'),
    ]);
  });

  it('is a decision for someone who may admit, under the second-person rule; never on a request', () => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z', true);
    const t = apply(
      complaintWithout(context, clock),
      alice,
      { type: 'update-draft', changes: { admissibility: inadmissible } },
      context,
    );
    expect(refused(t, alice, { type: 'declare-inadmissible' }, context).missing).toEqual([
      workflowMessage('second-person-required'),
    ]);
    const done = apply(t, bob, { type: 'declare-inadmissible' }, context);
    expect(done.case.closure?.by).toBe('bob');
    expect(caseViolations(done.case)).toEqual([]);
    expect(
      refused(requestTo('draft-complete', context, clock), bob, { type: 'declare-inadmissible' }, context).code,
    ).toBe('wrong-kind');
    // A closure as inadmissible on anything but an unadmitted complaint answered "no" breaks the invariants.
    expect(caseViolations({ ...done.case, admissibility: ADMISSIBLE })).toContain(
      'declared inadmissible other than as an unadmitted complaint with an answer no',
    );
  });
});
