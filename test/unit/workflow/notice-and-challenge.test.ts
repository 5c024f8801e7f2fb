import { describe, expect, it } from 'vitest';
import { caseViolations } from '@shared/workflow/case-invariants';
import { requiredNow } from '@shared/workflow/required-now';
import { alice, apply, completeDraftChanges, DAY, makeContext, open, refused, requestTo } from './workflow-fixtures';
import { workflowMessage } from '@shared/workflow/workflow-message';

const settings = { requireSecondPersonAuthorisation: false, holidayRegions: {} };

describe('notice', () => {
  it('opens the challenge window once everyone is notified, 30 days from the latest notice', () => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z');
    let t = requestTo('response-received', context, clock);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
    expect(t.case.stage).toBe('notice');
    clock.advance(DAY);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p2', method: 'registered-post', language: 'en' }, context);
    expect(t.case.stage).toBe('challenge-window');
    const windows = t.case.deadlines.filter((d) => d.purpose === 'challenge-window');
    expect(windows).toHaveLength(1);
    // Notice on Friday 5 March (Berlin) + 30 days = Sunday 4 April 2026 (Easter), rolled to Tuesday 7 April after Easter Monday.
    expect(windows[0]?.dueAt).toBe('2026-04-07T21:59:59.999Z');
    expect(t.events.at(-1)?.details).toMatchObject({ personId: 'p2', method: 'registered-post', language: 'en' });
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('refuses unknown people, repeat notices, and deferrals without reasons or an end date', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    expect(
      refused(t, alice, { type: 'issue-notice', personId: 'nobody', method: 'email', language: 'en' }, context).missing,
    ).toEqual([workflowMessage('person-unknown', { id: 'nobody' })]);
    expect(refused(t, alice, { type: 'defer-notice', personId: 'p1', reasons: '', reviewAt: null }, context)).toEqual({
      code: 'invalid-input',
      missing: [workflowMessage('deferral-needs-reasons'), workflowMessage('deferral-needs-end')],
    });
    expect(
      refused(
        t,
        alice,
        { type: 'defer-notice', personId: 'p1', reasons: 'Ongoing investigation', reviewAt: clock.iso(-1) },
        context,
      ).missing,
    ).toEqual([workflowMessage('deferral-end-not-future')]);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
    expect(
      refused(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context).missing,
    ).toEqual([workflowMessage('notice-already-issued', { id: 'p1' })]);
    expect(
      refused(t, alice, { type: 'defer-notice', personId: 'p1', reasons: 'x', reviewAt: clock.iso(DAY) }, context)
        .missing,
    ).toEqual([workflowMessage('notice-issued-cannot-defer')]);
  });

  it('refuses notice before the response on a request', () => {
    const { context, clock } = makeContext();
    expect(
      refused(
        requestTo('request-sent', context, clock),
        alice,
        { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' },
        context,
      ).code,
    ).toBe('wrong-stage');
  });

  it('keeps a deferred notice on the clock: when the review date passes, notice is due again', () => {
    const { context, clock } = makeContext('2026-03-02T09:00:00Z');
    let t = requestTo('response-received', context, clock);
    t = apply(
      t,
      alice,
      {
        type: 'defer-notice',
        personId: 'p2',
        reasons: 'Would alert suspects (Art. 13(2)).',
        reviewAt: clock.iso(10 * DAY),
      },
      context,
    );
    expect(t.case.stage).toBe('notice');
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
    expect(t.case.stage).toBe('challenge-window');

    // While deferred, a renewal is refused and the window cannot close.
    expect(
      refused(
        t,
        alice,
        { type: 'defer-notice', personId: 'p2', reasons: 'again', reviewAt: clock.iso(20 * DAY) },
        context,
      ).missing,
    ).toEqual([workflowMessage('nobody-awaiting-notice')]);
    clock.advance(40 * DAY);
    const closing = refused(t, alice, { type: 'close-challenge-window' }, context);
    expect(closing.missing).toHaveLength(1);
    expect(closing.missing[0]).toMatchObject({ code: 'deferred-notice-blocks-window', params: { n: 2 } });
    expect(requiredNow(t.case, clock.ms, settings).items).toContainEqual({
      severity: 'overdue',
      message: workflowMessage('notice-due-again', { n: 2 }),
      dueAt: '2026-03-14T09:00:00.000Z',
    });

    // Renewal after expiry needs fresh reasons and date; issuing restarts the window from that notice.
    t = apply(
      t,
      alice,
      { type: 'defer-notice', personId: 'p2', reasons: 'Investigation continues.', reviewAt: clock.iso(5 * DAY) },
      context,
    );
    const p2 = t.case.affectedPeople[1]?.notice;
    expect(p2?.state === 'deferred' && p2.deferralCount).toBe(2);
    clock.advance(6 * DAY);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p2', method: 'post', language: 'en' }, context);
    const window = t.case.deadlines.filter((d) => d.purpose === 'challenge-window' && d.metAt === null);
    expect(window).toHaveLength(1);
    expect(window[0]?.startedAt).toBe(clock.iso());
    const issued = t.case.affectedPeople[1]?.notice;
    expect(issued?.state === 'issued' && issued.deferralCount).toBe(2);
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('stays in notice while everyone is deferred', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    t = apply(t, alice, { type: 'defer-notice', personId: 'p1', reasons: 'r', reviewAt: clock.iso(DAY) }, context);
    t = apply(t, alice, { type: 'defer-notice', personId: 'p2', reasons: 'r', reviewAt: clock.iso(DAY) }, context);
    expect(t.case.stage).toBe('notice');
    expect(
      refused(t, alice, { type: 'defer-notice', personId: 'p1', reasons: 'r', reviewAt: clock.iso(2 * DAY) }, context),
    ).toEqual({
      code: 'preconditions-unmet',
      missing: [workflowMessage('nobody-awaiting-notice')],
    });
  });

  it('lets an enforcement action go to notice straight after authorisation', () => {
    const { context, clock } = makeContext();
    let t = open('enforcement-action', context);
    t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('enforcement-action', clock) }, context);
    t = apply(t, alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'secure-portal', language: 'fr' }, context);
    expect(t.case.stage).toBe('notice');
  });
});

describe('challenge window', () => {
  it('closes unchallenged only after the window lapsed', () => {
    const { context, clock } = makeContext();
    let t = requestTo('challenge-window', context, clock);
    const refusal = refused(t, alice, { type: 'close-challenge-window' }, context);
    expect(refusal.code).toBe('preconditions-unmet');
    expect(refusal.missing[0]).toMatchObject({ code: 'challenge-window-open-until' });
    clock.advance(45 * DAY);
    t = apply(t, alice, { type: 'close-challenge-window' }, context);
    expect(t.case.stage).toBe('closed');
    expect(t.case.closure?.reason).toBe('window-closed-unchallenged');
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('records a challenge with grounds from the vocabulary, and starts the decision clock', () => {
    const { context, clock } = makeContext();
    let t = requestTo('challenge-window', context, clock);
    expect(
      refused(
        t,
        alice,
        { type: 'lodge-challenge', personId: 'p9', grounds: [], statement: '', attachmentIds: ['e404'] },
        context,
      ),
    ).toEqual({
      code: 'invalid-input',
      missing: [
        workflowMessage('challenge-needs-ground'),
        workflowMessage('challenger-statement-empty'),
        workflowMessage('person-unknown', { id: 'p9' }),
        workflowMessage('attachment-unknown', { id: 'e404' }),
      ],
    });
    expect(
      refused(
        t,
        alice,
        { type: 'lodge-challenge', personId: null, grounds: ['astrology'], statement: 's', attachmentIds: [] },
        context,
      ).missing,
    ).toEqual([workflowMessage('challenge-ground-unknown', { ground: 'astrology' })]);
    t = apply(
      t,
      alice,
      {
        type: 'add-evidence',
        title: 'Letter',
        mediaType: 'application/pdf',
        sizeBytes: 1234,
        contentHash: 'a'.repeat(64),
        note: 'by post',
      },
      context,
    );
    const evidenceId = t.case.evidence[0]?.id ?? '';
    t = apply(
      t,
      alice,
      {
        type: 'lodge-challenge',
        personId: 'p2',
        grounds: ['excessive-data', 'not-necessary'],
        statement: 'Why my traffic data?',
        attachmentIds: [evidenceId],
      },
      context,
    );
    expect(t.case.stage).toBe('challenge-lodged');
    expect(t.case.deadlines.find((d) => d.purpose === 'challenge-window')?.metAt).toBe(clock.iso());
    expect(t.case.deadlines.find((d) => d.purpose === 'decision')).toMatchObject({
      templateId: 'generic-notice-challenge-decision',
      duration: { amount: 60, unit: 'calendar-days' },
    });
    expect(JSON.stringify(t.events.at(-1))).not.toContain('traffic data?');
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('refuses a late challenge and one from a person not yet notified', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    t = apply(t, alice, { type: 'defer-notice', personId: 'p2', reasons: 'r', reviewAt: clock.iso(90 * DAY) }, context);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
    expect(
      refused(
        t,
        alice,
        { type: 'lodge-challenge', personId: 'p2', grounds: ['notice-not-given'], statement: 's', attachmentIds: [] },
        context,
      ).missing,
    ).toEqual([workflowMessage('challenger-not-notified')]);
    clock.advance(60 * DAY);
    expect(
      refused(
        t,
        alice,
        { type: 'lodge-challenge', personId: 'p1', grounds: ['disproportionate'], statement: 's', attachmentIds: [] },
        context,
      ).missing[0],
    ).toMatchObject({ code: 'challenge-window-closed-on' });
  });
});
