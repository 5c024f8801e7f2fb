import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@shared/audit/audit-chain';
import { openCase } from '@shared/workflow/open-case';
import { transition } from '@shared/workflow/transition';
import { caseViolations } from '@shared/workflow/case-invariants';
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
} from './workflow-fixtures';
import { workflowMessage } from '@shared/workflow/workflow-message';

describe('opening a case', () => {
  it('creates a draft with a one-event audit chain', () => {
    const { context } = makeContext();
    const t = open('data-access-request', context);
    expect(t.case.stage).toBe('draft');
    expect(t.events[0]?.type).toBe('case-created');
    expect(verifyAuditChain(t.events, hash, { head: t.case.audit }).ok).toBe(true);
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('refuses a redress officer, an unknown jurisdiction and an unknown template', () => {
    const { context } = makeContext();
    const base = {
      id: 'c1',
      reference: 'R-1',
      kind: 'rights-complaint' as const,
      title: '',
      originatingJurisdiction: 'DE',
    };
    const byOfficer = openCase(base, rita, context);
    expect(!byOfficer.ok && byOfficer.refusal).toEqual({
      code: 'role-not-permitted',
      missing: [workflowMessage('only-caseworker-opens-case')],
    });
    const bad = openCase(
      { ...base, originatingJurisdiction: 'XX', procedure: { id: 'nope', version: 1 } },
      alice,
      context,
    );
    expect(!bad.ok && bad.refusal.missing).toEqual([
      workflowMessage('jurisdiction-unknown', { jurisdiction: 'XX' }),
      workflowMessage('procedure-unknown', { procedure: 'nope', version: 1 }),
    ]);
  });
});

describe('draft', () => {
  it('records which fields changed, never their values', () => {
    const { context, clock } = makeContext();
    const t = apply(
      open('data-access-request', context),
      alice,
      { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) },
      context,
    );
    const event = t.events[1];
    expect(event?.details.fields).toContain('assessment');
    expect(JSON.stringify(event)).not.toContain('Person One');
    expect(t.case.dataCategories).toEqual([
      { code: 'subscriber', sensitivity: 'personal' },
      { code: 'traffic', sensitivity: 'sensitive' },
    ]);
  });

  it('refuses vocabulary codes it does not know', () => {
    const { context } = makeContext();
    const refusal = refused(
      open('data-access-request', context),
      alice,
      {
        type: 'update-draft',
        changes: {
          legalBasis: { code: 'made-up', text: '' },
          dataCategoryCodes: ['subscriber', 'subscriber', 'dna'],
          partnerJurisdiction: 'ZZ',
          procedure: { id: 'missing', version: 3 },
          affectedPeople: [
            { id: 'p', name: 'A', contactForNotice: 'a', preferredLanguage: 'en' },
            { id: 'p', name: 'B', contactForNotice: 'b', preferredLanguage: 'de' },
          ],
        },
      },
      context,
    );
    expect(refusal).toEqual({
      code: 'invalid-input',
      missing: [
        workflowMessage('legal-basis-unknown', { legalBasis: 'made-up' }),
        workflowMessage('data-category-unknown', { category: 'dna' }),
        workflowMessage('data-category-twice'),
        workflowMessage('jurisdiction-unknown', { jurisdiction: 'ZZ' }),
        workflowMessage('procedure-unknown', { procedure: 'missing', version: 3 }),
        workflowMessage('person-id-twice'),
      ],
    });
  });

  it('refuses edits by a redress officer and after authorisation', () => {
    const { context, clock } = makeContext();
    const t = requestTo('authorised', context, clock);
    expect(refused(t, alice, { type: 'update-draft', changes: { title: 'x' } }, context).code).toBe('wrong-stage');
    expect(
      refused(open('data-access-request', context), rita, { type: 'update-draft', changes: { title: 'x' } }, context),
    ).toEqual({
      code: 'role-not-permitted',
      missing: [workflowMessage('only-caseworker', { action: 'update-draft' })],
    });
  });
});

describe('authorisation', () => {
  it('lists exactly what an empty draft is missing', () => {
    const { context } = makeContext();
    expect(refused(open('data-access-request', context), alice, { type: 'authorise' }, context)).toEqual({
      code: 'preconditions-unmet',
      missing: [
        workflowMessage('statement-empty', { statement: 'necessity' }),
        workflowMessage('statement-empty', { statement: 'proportionality' }),
        workflowMessage('statement-empty', { statement: 'nonDiscrimination' }),
        workflowMessage('statement-empty', { statement: 'minimisation' }),
        workflowMessage('legal-basis-not-chosen'),
        workflowMessage('purpose-empty'),
        workflowMessage('no-data-category'),
        workflowMessage('partner-not-set'),
        workflowMessage('no-affected-person'),
        workflowMessage('retention-not-set'),
      ],
    });
  });

  it('names a single empty statement, and emergency and retention problems', () => {
    const { context, clock } = makeContext();
    let t = requestTo('draft-complete', context, clock);
    t = apply(
      t,
      alice,
      {
        type: 'update-draft',
        changes: {
          assessment: { proportionality: '   ' },
          emergency: { justification: '', sunsetAt: clock.iso(-DAY) },
          retention: { purgeAt: clock.iso(-1), basis: '' },
          dataTimeRange: { from: clock.iso(0), to: clock.iso(-DAY) },
          affectedPeople: [{ id: 'p1', name: '', contactForNotice: '', preferredLanguage: 'es' }],
        },
      },
      context,
    );
    expect(refused(t, alice, { type: 'authorise' }, context).missing).toEqual([
      workflowMessage('statement-empty', { statement: 'proportionality' }),
      workflowMessage('data-range-reversed'),
      workflowMessage('person-no-name', { n: 1 }),
      workflowMessage('person-no-contact', { n: 1 }),
      workflowMessage('emergency-justification-empty'),
      workflowMessage('emergency-sunset-not-future'),
      workflowMessage('retention-not-future'),
    ]);
  });

  it('refuses a template that does not fit the kind of case', () => {
    const { context, clock } = makeContext();
    let t = requestTo('draft-complete', context, clock);
    t = apply(
      t,
      alice,
      { type: 'update-draft', changes: { procedure: { id: 'gdpr-art60-draft-decision', version: 1 } } },
      context,
    );
    expect(refused(t, alice, { type: 'authorise' }, context).missing).toEqual([
      workflowMessage('procedure-not-for-kind', {
        template: 'GDPR one-stop-shop draft decision and objections',
        kind: 'data-access-request',
      }),
    ]);
  });

  it('enforces the second-person rule when the office requires it', () => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z', true);
    const t = requestTo('draft-complete', context, clock);
    expect(refused(t, alice, { type: 'authorise' }, context).missing).toEqual([
      workflowMessage('second-person-required'),
    ]);
    const done = apply(t, bob, { type: 'authorise' }, context);
    expect(done.case.authorisation).toEqual({ by: 'bob', at: clock.iso(), secondPerson: true });
    expect(done.case.caseworkerIds).toEqual(['alice', 'bob']);
    expect(caseViolations(done.case)).toEqual([]);
  });

  it('an authoriser (a supervisor, say) confirms the draft, does no caseworker work, and counts as working on the case', () => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z', true);
    const ada = { id: 'ada', role: 'authoriser' } as const;
    const t = requestTo('draft-complete', context, clock);
    expect(refused(t, ada, { type: 'update-draft', changes: { purpose: 'other' } }, context)).toMatchObject({
      code: 'role-not-permitted',
    });
    const done = apply(t, ada, { type: 'authorise' }, context);
    expect(done.case.authorisation).toMatchObject({ by: 'ada', secondPerson: true });
    // Authorising is work on the case: the authoriser counts as one of its caseworkers for independence.
    expect(done.case.caseworkerIds).toEqual(['alice', 'ada']);
    expect(refused(t, rita, { type: 'authorise' }, context).missing).toEqual([
      workflowMessage('only-authoriser', { action: 'authorise' }),
    ]);
  });

  it('lets the creator authorise when the office does not require a second person', () => {
    const { context, clock } = makeContext();
    const t = requestTo('authorised', context, clock);
    expect(t.case.stage).toBe('authorised');
    expect(t.events.at(-1)).toMatchObject({
      type: 'stage-changed',
      action: 'authorise',
      fromStage: 'draft',
      toStage: 'authorised',
    });
  });
});

describe('request and response', () => {
  it('starts the Art. 61 reply period at the receipt the caseworker records, on the partner clock', () => {
    const { context, clock } = makeContext('2026-04-01T09:00:00Z');
    let t = open('data-access-request', context, alice, { id: 'gdpr-art61-mutual-assistance', version: 2 });
    t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
    t = apply(t, alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request' }, context);
    // Art. 61(2) counts from receipt, so sending starts nothing.
    expect(t.case.deadlines).toEqual([]);
    clock.advance(8 * DAY);
    // A receipt in the future cannot be recorded.
    expect(
      transition(t.case, alice, { type: 'start-period', periodId: 'reply', startedAt: clock.iso(DAY) }, context).ok,
    ).toBe(false);
    t = apply(t, alice, { type: 'start-period', periodId: 'reply', startedAt: '2026-04-08T08:00:00.000Z' }, context);
    const [deadline] = t.case.deadlines;
    // One month from receipt on 8 April is Friday 8 May, a French public holiday: Monday 11 May, Paris time.
    // (Counted from sending on 1 April it would have ended on 4 May, a week early.)
    expect(deadline).toMatchObject({
      purpose: 'tracked',
      startedAt: '2026-04-08T08:00:00.000Z',
      calendarJurisdiction: 'FR',
      timeZone: 'Europe/Paris',
      dueAt: '2026-05-11T21:59:59.999Z',
      lapseOutcome: 'provisional-measures-allowed',
    });
    t = apply(t, alice, { type: 'mark-period-met', deadlineId: deadline?.id ?? '' }, context);
    expect(t.case.deadlines[0]?.metAt).toBe(clock.iso());
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('uses the 8-hour emergency period of a production order', () => {
    const { context, clock } = makeContext('2026-03-28T22:30:00Z');
    let t = open('data-access-request', context, alice, { id: 'epo-2023-1543-production-order', version: 1 });
    t = apply(
      t,
      alice,
      {
        type: 'update-draft',
        changes: {
          ...completeDraftChanges('data-access-request', clock),
          emergency: { justification: 'Imminent threat to life.', sunsetAt: clock.iso(2 * DAY) },
        },
      },
      context,
    );
    t = apply(t, alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request' }, context);
    expect(t.case.deadlines.map((d) => [d.periodId, d.dueAt])).toEqual([
      ['provider-delivers', '2026-03-29T06:30:00.000Z'],
      ['enforcing-state-grounds', '2026-04-01T22:30:00.000Z'],
    ]);
  });

  it('refuses to send for other kinds, or after the emergency sunset', () => {
    const { context, clock } = makeContext();
    let enforcement = open('enforcement-action', context);
    enforcement = apply(
      enforcement,
      alice,
      { type: 'update-draft', changes: completeDraftChanges('enforcement-action', clock) },
      context,
    );
    enforcement = apply(enforcement, alice, { type: 'authorise' }, context);
    expect(refused(enforcement, alice, { type: 'send-request' }, context)).toEqual({
      code: 'wrong-kind',
      missing: [workflowMessage('action-wrong-kind', { action: 'send-request', kind: 'enforcement-action' })],
    });

    let t = requestTo('draft-complete', context, clock);
    t = apply(
      t,
      alice,
      { type: 'update-draft', changes: { emergency: { justification: 'Urgent.', sunsetAt: clock.iso(HOURS(6)) } } },
      context,
    );
    t = apply(t, alice, { type: 'authorise' }, context);
    clock.advance(HOURS(7));
    expect(refused(t, alice, { type: 'send-request' }, context).missing).toEqual([
      workflowMessage('emergency-sunset-passed-before-sending'),
    ]);
    t = apply(
      t,
      alice,
      { type: 'review-emergency', reasons: 'Threat persists.', newSunsetAt: clock.iso(DAY) },
      context,
    );
    t = apply(t, alice, { type: 'send-request' }, context);
    expect(t.case.stage).toBe('request-sent');
  });

  it('refuses an empty response summary and a response before the request', () => {
    const { context, clock } = makeContext();
    expect(
      refused(requestTo('request-sent', context, clock), alice, { type: 'record-response', summary: ' ' }, context)
        .missing,
    ).toEqual([workflowMessage('response-summary-empty')]);
    expect(
      refused(requestTo('authorised', context, clock), alice, { type: 'record-response', summary: 'x' }, context).code,
    ).toBe('wrong-stage');
  });
});

function HOURS(n: number) {
  return n * 3_600_000;
}
