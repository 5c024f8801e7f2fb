import { describe, expect, it } from 'vitest';
import { caseViolations } from '@shared/workflow/case-invariants';
import { summariseCase } from '@shared/workflow/case-summary';
import { dashboard } from '@shared/workflow/dashboard';
import { rightToKnowGaps } from '@shared/workflow/right-to-know';
import { alice, apply, bob, DAY, deferNotice, makeContext, refused, requestTo, rita } from './workflow-fixtures';

const defer = deferNotice;
const withhold = (personId: string, reasons = 'National law omits notice for this investigation (§ 101 StPO).') =>
  ({ type: 'withhold-notice', personId, ground: 'omitted-by-law', reasons }) as const;

describe('ending the duty to tell on a recorded lawful ground', () => {
  it('takes a deferred person off the dashboard after closing once another person records the ground', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
    t = apply(t, alice, defer('p2', clock.iso(20 * DAY)), context);
    t = apply(t, alice, { type: 'withdraw', reason: 'The partner withdrew its data.' }, context);
    clock.advance(25 * DAY);
    const board = () =>
      dashboard([summariseCase(t.case)], { nowMs: clock.ms, timeZone: 'Europe/Berlin' }).noticeReviews;
    expect(board()).toHaveLength(1);

    const strict = { ...context, settings: { ...context.settings, requireSecondPersonAuthorisation: true } };
    // The person who deferred may not also end the duty to tell, where the office requires a second person.
    expect(refused(t, alice, withhold('p2'), strict)).toMatchObject({ code: 'invalid-input' });
    expect(refused(t, bob, withhold('p2', '  '), strict)).toMatchObject({ code: 'invalid-input' });
    t = apply(t, bob, withhold('p2'), strict);

    const notice = t.case.affectedPeople[1]?.notice;
    expect(notice).toMatchObject({ state: 'withheld', ground: 'omitted-by-law', withheldBy: 'bob', deferralCount: 1 });
    expect(t.events.at(-1)).toMatchObject({ action: 'withhold-notice', actor: { id: 'bob' }, toStage: 'closed' });
    expect(board()).toEqual([]);
    expect(caseViolations(t.case)).toEqual([]);
    // Withheld is final: it cannot be withheld again, and nobody is left to defer.
    expect(refused(t, bob, withhold('p2'), strict).code).toBe('preconditions-unmet');
  });

  it('lets a case close once a person nobody will tell has a recorded ground, and counts nobody as owed notice', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    expect(rightToKnowGaps(t.case, clock.ms)).toHaveLength(2);
    t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
    t = apply(t, alice, withhold('p2'), context);
    expect(rightToKnowGaps(t.case, clock.ms)).toEqual([]);
    // Everyone is settled and someone was told: the challenge window runs as after the last notice.
    expect(t.case.stage).toBe('challenge-window');
    clock.advance(40 * DAY);
    t = apply(t, alice, { type: 'close-challenge-window' }, context);
    expect(t.case.stage).toBe('closed');
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('is caseworker-side work: the independent reviewer of the case may not record it', () => {
    const { context, clock } = makeContext();
    const t = requestTo('redress-review', context, clock);
    expect(t.case.review?.officerId).toBe(rita.id);
    expect(refused(t, rita, withhold('p1'), context).code).not.toBe('invalid-input');
  });
});
