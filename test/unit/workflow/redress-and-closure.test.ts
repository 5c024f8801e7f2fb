import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@shared/audit/audit-chain';
import { caseViolations } from '@shared/workflow/case-invariants';
import { requiredNow } from '@shared/workflow/required-now';
import { PURGED_TEXT } from '@shared/workflow/steps/purge-step';
import {
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
  rita,
  ruth,
  sam,
} from './workflow-fixtures';
import { workflowMessage } from '@shared/workflow/workflow-message';

const remedy = (dueAt: string) => ({ code: 'erase-data', description: 'Erase the traffic data', dueAt });

describe('redress review', () => {
  it('is taken by a redress officer, never a caseworker', () => {
    const { context, clock } = makeContext();
    const t = requestTo('challenge-lodged', context, clock);
    expect(refused(t, alice, { type: 'begin-review' }, context)).toEqual({
      code: 'role-not-permitted',
      missing: [workflowMessage('only-redress-officer', { action: 'begin-review' })],
    });
    const taken = apply(t, rita, { type: 'begin-review' }, context);
    expect(taken.case.review).toEqual({ officerId: 'rita', startedAt: clock.iso() });
    expect(taken.case.caseworkerIds).not.toContain('rita');
    expect(refused(taken, rita, { type: 'begin-review' }, context).missing).toEqual([
      workflowMessage('already-reviewing'),
    ]);
    const reassigned = apply(taken, ruth, { type: 'begin-review' }, context);
    expect(reassigned.case.review?.officerId).toBe('ruth');
    expect(reassigned.events.at(-1)?.details).toEqual({ reassigned: true });
  });

  it('bars someone holding both roles who worked on the case as caseworker', () => {
    const { context, clock } = makeContext();
    let t = open('data-access-request', context, sam);
    t = apply(t, sam, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
    t = apply(t, alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request' }, context);
    t = apply(t, alice, { type: 'record-response', summary: 'ok' }, context);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p2', method: 'email', language: 'en' }, context);
    t = apply(
      t,
      alice,
      { type: 'lodge-challenge', personId: 'p1', grounds: ['no-legal-basis'], statement: 's', attachmentIds: [] },
      context,
    );
    expect(refused(t, sam, { type: 'begin-review' }, context)).toEqual({
      code: 'conflict-of-interest',
      missing: [workflowMessage('conflict-worked-as-caseworker')],
    });
  });

  it('bars the reviewing officer holding both roles from caseworker work on the case under review', () => {
    const { context, clock } = makeContext();
    let t = requestTo('challenge-lodged', context, clock);
    t = apply(t, sam, { type: 'begin-review' }, context);
    const conflict = {
      code: 'conflict-of-interest',
      missing: [workflowMessage('conflict-reviewer-does-casework')],
    };
    expect(
      refused(
        t,
        sam,
        {
          type: 'add-evidence',
          title: 'Log',
          mediaType: 'application/pdf',
          sizeBytes: 10,
          contentHash: 'd'.repeat(64),
          note: '',
        },
        context,
      ),
    ).toEqual(conflict);
    const other = t.case.deadlines.find((d) => d.purpose !== 'decision' && d.metAt === null);
    if (other)
      expect(refused(t, sam, { type: 'suspend-deadline', deadlineId: other.id, reason: 'Waiting.' }, context)).toEqual(
        conflict,
      );
    expect(t.case.caseworkerIds).not.toContain('sam');
    // Another caseworker still can; redress work on the case stays open to the reviewer.
    t = apply(
      t,
      alice,
      {
        type: 'add-evidence',
        title: 'Log',
        mediaType: 'application/pdf',
        sizeBytes: 10,
        contentHash: 'd'.repeat(64),
        note: '',
      },
      context,
    );
    t = apply(t, sam, { type: 'decide', outcome: 'upheld', reasons: 'Lawful.', remedies: [] }, context);
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('bars a caseworker on the case holding both roles from changing the decision deadline', () => {
    const { context, clock } = makeContext();
    let t = open('data-access-request', context, sam);
    t = apply(t, sam, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
    t = apply(t, alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request' }, context);
    t = apply(t, alice, { type: 'record-response', summary: 'ok' }, context);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p2', method: 'email', language: 'en' }, context);
    t = apply(
      t,
      alice,
      { type: 'lodge-challenge', personId: 'p1', grounds: ['no-legal-basis'], statement: 's', attachmentIds: [] },
      context,
    );
    t = apply(t, rita, { type: 'begin-review' }, context);
    const decision = t.case.deadlines.find((d) => d.purpose === 'decision' && d.metAt === null);
    expect(decision).toBeDefined();
    const conflict = {
      code: 'conflict-of-interest',
      missing: [workflowMessage('conflict-worked-as-caseworker')],
    };
    for (const action of [
      { type: 'extend-deadline', deadlineId: decision?.id ?? '', reason: 'More time.' },
      { type: 'suspend-deadline', deadlineId: decision?.id ?? '', reason: 'Waiting.' },
    ] as const) {
      expect(refused(t, sam, action, context)).toEqual(conflict);
    }
  });

  it('lets someone holding both roles decide a case they never worked on', () => {
    const { context, clock } = makeContext();
    let t = requestTo('challenge-lodged', context, clock);
    t = apply(t, sam, { type: 'add-note', text: 'Read the file.' }, context);
    t = apply(t, sam, { type: 'view-sensitive', what: 'challenge-statement', itemId: null }, context);
    t = apply(t, sam, { type: 'begin-review' }, context);
    t = apply(
      t,
      sam,
      { type: 'decide', outcome: 'upheld', reasons: 'Lawful and proportionate.', remedies: [] },
      context,
    );
    expect(t.case.decision?.decidedBy).toBe('sam');
    expect(caseViolations(t.case)).toEqual([]);
  });
});

describe('decision', () => {
  it('refuses caseworkers, other officers, missing reasons and missing remedies', () => {
    const { context, clock } = makeContext();
    const t = requestTo('redress-review', context, clock);
    expect(refused(t, alice, { type: 'decide', outcome: 'upheld', reasons: 'x', remedies: [] }, context).code).toBe(
      'role-not-permitted',
    );
    expect(
      refused(t, ruth, { type: 'decide', outcome: 'upheld', reasons: 'x', remedies: [] }, context).missing,
    ).toEqual([workflowMessage('only-reviewing-officer-decides')]);
    expect(refused(t, rita, { type: 'decide', outcome: 'quashed', reasons: '', remedies: [] }, context)).toEqual({
      code: 'invalid-input',
      missing: [
        workflowMessage('decision-needs-reasons'),
        workflowMessage('decision-needs-remedy', { outcome: 'quashed' }),
      ],
    });
    expect(
      refused(
        t,
        rita,
        {
          type: 'decide',
          outcome: 'modified',
          reasons: 'r',
          remedies: [{ code: 'flogging', description: '', dueAt: clock.iso(-DAY) }],
        },
        context,
      ).missing,
    ).toEqual([
      workflowMessage('remedy-code-unknown', { n: 1, remedy: 'flogging' }),
      workflowMessage('remedy-due-not-future', { n: 1 }),
    ]);
    expect(
      refused(
        requestTo('challenge-lodged', context, clock),
        rita,
        { type: 'decide', outcome: 'upheld', reasons: 'x', remedies: [] },
        context,
      ).code,
    ).toBe('wrong-stage');
  });

  it('turns remedies into tasks with due dates, and closes only when they are done', () => {
    const { context, clock } = makeContext();
    let t = requestTo('redress-review', context, clock);
    t = apply(
      t,
      rita,
      {
        type: 'decide',
        outcome: 'quashed',
        reasons: 'No necessity shown.',
        remedies: [
          remedy(clock.iso(14 * DAY)),
          { code: 'notify-partner', description: 'Tell FR', dueAt: clock.iso(7 * DAY) },
        ],
      },
      context,
    );
    expect(t.case.stage).toBe('remedies');
    expect(t.case.remedies.map((r) => [r.code, r.done])).toEqual([
      ['erase-data', null],
      ['notify-partner', null],
    ]);
    expect(t.case.deadlines.find((d) => d.purpose === 'decision')?.metAt).toBe(clock.iso());
    // The trail says which period the decision met, so an oversight body can check it without the case record.
    const decisionDeadline = t.case.deadlines.find((d) => d.purpose === 'decision')?.id;
    expect(t.events.at(-1)?.details).toEqual({
      outcome: 'quashed',
      remedies: ['erase-data', 'notify-partner'],
      deadlinesMet: [decisionDeadline],
    });

    const closing = refused(t, alice, { type: 'close' }, context);
    expect(closing.missing).toHaveLength(2);
    expect(closing.missing[0]).toMatchObject({ code: 'remedy-not-done', params: { remedy: 'erase-data' } });
    expect(refused(t, alice, { type: 'complete-remedy', remedyId: 'r-x', note: '' }, context).missing).toEqual([
      workflowMessage('remedy-unknown', { id: 'r-x' }),
    ]);
    const [first, second] = t.case.remedies;
    t = apply(
      t,
      alice,
      { type: 'complete-remedy', remedyId: first?.id ?? '', note: 'Erased on all systems.' },
      context,
    );
    expect(
      refused(t, alice, { type: 'complete-remedy', remedyId: first?.id ?? '', note: '' }, context).missing,
    ).toEqual([workflowMessage('remedy-already-done')]);
    clock.advance(10 * DAY);
    t = apply(t, alice, { type: 'complete-remedy', remedyId: second?.id ?? '', note: '' }, context);
    expect(t.events.at(-1)?.details).toEqual({ remedyId: second?.id, late: true });
    expect(
      refused(t, alice, { type: 'complete-remedy', remedyId: second?.id ?? '', note: '' }, context).missing,
    ).toEqual([workflowMessage('no-remedy-outstanding')]);
    t = apply(t, alice, { type: 'close' }, context);
    expect(t.case.closure?.reason).toBe('remedies-done');
    expect(caseViolations(t.case)).toEqual([]);
  });
});

describe('closing, withdrawing and purging', () => {
  it('purges at retention end, keeping no personal data, and refuses everything afterwards', () => {
    const { context, clock } = makeContext();
    let t = requestTo('challenge-window', context, clock);
    t = apply(t, alice, { type: 'add-note', text: 'Called Person One.' }, context);
    clock.advance(45 * DAY);
    t = apply(t, alice, { type: 'close-challenge-window' }, context);
    expect(refused(t, alice, { type: 'purge' }, context).missing[0]).toMatchObject({ code: 'retention-running' });
    clock.advance(400 * DAY);
    t = apply(t, bob, { type: 'purge' }, context);
    expect(t.case.stage).toBe('purged');
    expect(t.events.at(-1)?.type).toBe('case-purged');
    const text = JSON.stringify(t.case);
    for (const secret of ['Person One', 'p1@example.org', 'Rue 1', 'Called Person One', 'No other means'])
      expect(text).not.toContain(secret);
    expect(caseViolations(t.case)).toEqual([]);
    expect(verifyAuditChain(t.events, hash, { head: t.case.audit }).ok).toBe(true);
    expect(refused(t, alice, { type: 'add-note', text: 'x' }, context)).toEqual({
      code: 'case-purged',
      missing: [workflowMessage('case-purged')],
    });
    expect(PURGED_TEXT).toBe('(purged)');
  });

  it('never purges while a notice is only deferred: the person must be told, or a lawful ground recorded, first', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    t = apply(
      t,
      alice,
      { type: 'defer-notice', personId: 'p2', reasons: 'Would alert suspects.', reviewAt: clock.iso(10 * DAY) },
      context,
    );
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
    t = apply(t, alice, { type: 'withdraw', reason: 'Partner resolved it locally.' }, context);
    expect(t.case.stage).toBe('closed');
    clock.advance(800 * DAY);
    expect(refused(t, bob, { type: 'purge' }, context).missing).toEqual([
      workflowMessage('purge-notice-deferred', { n: 2 }),
    ]);
    const todo = requiredNow(t.case, clock.ms, context.settings).items.map((item) => item.message.code);
    expect(todo).toContain('notice-due-again');
    expect(todo).not.toContain('purge-now');
    t = apply(t, alice, { type: 'issue-notice', personId: 'p2', method: 'email', language: 'fr' }, context);
    expect(requiredNow(t.case, clock.ms, context.settings).items.map((item) => item.message.code)).toContain(
      'purge-now',
    );
    expect(apply(t, bob, { type: 'purge' }, context).case.stage).toBe('purged');
  });

  it('withdraws with a reason, but not once a challenge is lodged', () => {
    const { context, clock } = makeContext();
    const t = requestTo('request-sent', context, clock);
    expect(refused(t, alice, { type: 'withdraw', reason: ' ' }, context).missing).toEqual([
      workflowMessage('withdrawal-needs-reason'),
    ]);
    const withdrawn = apply(t, alice, { type: 'withdraw', reason: 'Partner resolved it locally.' }, context);
    expect(withdrawn.case.stage).toBe('closed');
    expect(withdrawn.case.deadlines.every((d) => d.metAt !== null)).toBe(true);
    expect(caseViolations(withdrawn.case)).toEqual([]);
    expect(
      refused(requestTo('challenge-lodged', context, clock), alice, { type: 'withdraw', reason: 'x' }, context).code,
    ).toBe('wrong-stage');
    const draft = apply(
      open('rights-complaint', context),
      alice,
      { type: 'withdraw', reason: 'Opened by mistake.' },
      context,
    );
    expect(caseViolations(draft.case)).toEqual([]);
  });
});

describe('rights complaint', () => {
  it('goes from admission straight to redress, and closes without remedies when upheld', () => {
    const { context, clock } = makeContext();
    let t = open('rights-complaint', context);
    t = apply(
      t,
      alice,
      {
        type: 'update-draft',
        changes: {
          ...completeDraftChanges('rights-complaint', clock),
          affectedPeople: [
            { id: 'c', name: 'Complainant', contactForNotice: 'c@example.org', preferredLanguage: 'de' },
          ],
        },
      },
      context,
    );
    t = apply(t, alice, { type: 'authorise' }, context);
    // An admitted complaint gives no notice; only the letter of an inadmissible one is recorded as notice.
    expect(
      refused(t, alice, { type: 'issue-notice', personId: 'c', method: 'email', language: 'de' }, context).code,
    ).toBe('wrong-stage');
    t = apply(
      t,
      alice,
      {
        type: 'lodge-challenge',
        personId: 'c',
        grounds: ['fundamental-rights'],
        statement: 'My account was disclosed.',
        attachmentIds: [],
      },
      context,
    );
    t = apply(t, rita, { type: 'begin-review' }, context);
    t = apply(
      t,
      rita,
      { type: 'decide', outcome: 'upheld', reasons: 'The disclosure was lawful.', remedies: [] },
      context,
    );
    t = apply(t, alice, { type: 'close' }, context);
    expect(t.case.stage).toBe('closed');
    expect(t.events.map((e) => e.toStage)).toEqual([
      'draft',
      'draft',
      'authorised',
      'challenge-lodged',
      'redress-review',
      'remedies',
      'closed',
    ]);
    expect(caseViolations(t.case)).toEqual([]);
  });
});
