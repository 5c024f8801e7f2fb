import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CASE_STAGES } from '@shared/domain/case-stage';
import { type CaseSummary, summariseCase } from '@shared/workflow/case-summary';
import { dashboard } from '@shared/workflow/dashboard';
import { DAY, HOUR, makeContext, requestTo } from './workflow-fixtures';

const summary = (overrides: Partial<CaseSummary>): CaseSummary => ({
  caseId: 'c',
  reference: 'R',
  kind: 'data-access-request',
  stage: 'request-sent',
  updatedAtMs: 0,
  deadlines: [],
  openRemedies: [],
  emergencySunsetMs: null,
  noticeReviewMs: null,
  purgeAtMs: null,
  ...overrides,
});

describe('dashboard', () => {
  // Saturday 28 March 2026, 20:00 in Berlin (CET); the clocks go forward that night.
  const nowMs = Date.parse('2026-03-28T19:00:00Z');

  it('buckets by the office day, across a DST change', () => {
    const board = dashboard(
      [
        summary({ caseId: 'a', deadlines: [{ id: 'd1', label: 'reply', dueMs: nowMs - 1 }] }),
        summary({
          caseId: 'b',
          deadlines: [{ id: 'd2', label: 'reply', dueMs: Date.parse('2026-03-28T22:59:59.999Z') }],
        }),
        summary({
          caseId: 'c',
          deadlines: [{ id: 'd3', label: 'reply', dueMs: Date.parse('2026-03-28T23:00:00.000Z') }],
        }),
        // End of Friday 3 April in Berlin (CEST) is the last moment of "this week".
        summary({
          caseId: 'd',
          stage: 'remedies',
          openRemedies: [{ id: 'r', code: 'erase-data', dueMs: Date.parse('2026-04-03T21:59:59.999Z') }],
        }),
        summary({
          caseId: 'e',
          deadlines: [{ id: 'd5', label: 'reply', dueMs: Date.parse('2026-04-03T22:00:00.000Z') }],
        }),
      ],
      { nowMs, timeZone: 'Europe/Berlin' },
    );
    expect(board.due.map((i) => [i.caseId, i.bucket])).toEqual([
      ['a', 'overdue'],
      ['b', 'today'],
      ['c', 'this-week'],
      ['d', 'this-week'],
    ]);
    const tally = (cases: number, items = cases) => ({ cases, items });
    expect(board.perStage['request-sent']).toEqual({ overdue: tally(1), today: tally(1), thisWeek: tally(1) });
    expect(board.perStage.remedies).toEqual({ overdue: tally(0), today: tally(0), thisWeek: tally(1) });
  });

  it('counts cases and their deadlines apart, and never counts a partner’s deadline as ours', () => {
    const d = (id: string, dueMs: number, over: Partial<CaseSummary['deadlines'][number]> = {}) => ({
      id,
      label: `deadline ${id}`,
      dueMs,
      ...over,
    });
    const board = dashboard(
      [
        // Two of ours overdue on one case, one on another: 2 cases, 3 deadlines.
        summary({ caseId: 'a', deadlines: [d('a1', nowMs - DAY), d('a2', nowMs - HOUR)] }),
        summary({ caseId: 'b', stage: 'executing', deadlines: [d('b1', nowMs - DAY, { actingParty: 'office' })] }),
        // The partner's reply is late: awaited, not ours.
        summary({
          caseId: 'c',
          deadlines: [
            d('c1', nowMs - DAY, { actingParty: 'partner' }),
            d('c2', nowMs - HOUR, { actingParty: 'partner' }),
          ],
        }),
        // A partner's deadline still running is not on our lists at all.
        summary({ caseId: 'e', deadlines: [d('e1', nowMs + HOUR, { actingParty: 'partner' })] }),
        // A period whose lapse is a consequence (deemed agreement) drops off once passed, and is listed before.
        summary({
          caseId: 'f',
          deadlines: [
            d('f1', nowMs - HOUR, { lateWhenPassed: false }),
            d('f2', nowMs + HOUR, { lateWhenPassed: false }),
          ],
        }),
      ],
      { nowMs, timeZone: 'Europe/Berlin' },
    );
    expect(board.totals.overdue).toEqual({ cases: 2, items: 3 });
    expect(board.totals.today).toEqual({ cases: 1, items: 1 });
    expect(board.perStage['request-sent'].overdue).toEqual({ cases: 1, items: 2 });
    expect(board.perStage.executing.overdue).toEqual({ cases: 1, items: 1 });
    expect(board.due.filter((i) => i.bucket === 'overdue').map((i) => i.caseId)).toEqual(['a', 'b', 'a']);
    expect(board.due.some((i) => i.caseId === 'c' || i.caseId === 'e')).toBe(false);
    expect(board.due.filter((i) => i.caseId === 'f').map((i) => i.label)).toEqual(['deadline f2']);
    expect(board.awaitingPartner.map((i) => i.label)).toEqual(['deadline c1', 'deadline c2']);
    expect(board.awaitingPartnerCases).toBe(1);
  });

  it('lists emergency sunsets, deferred-notice reviews and purges that are near', () => {
    const board = dashboard(
      [
        summary({ caseId: 'a', emergencySunsetMs: nowMs + 2 * HOUR }),
        summary({ caseId: 'b', noticeReviewMs: nowMs - DAY }),
        summary({ caseId: 'c', stage: 'closed', purgeAtMs: nowMs + 3 * DAY }),
        summary({ caseId: 'd', emergencySunsetMs: nowMs + 30 * DAY }),
      ],
      { nowMs, timeZone: 'Europe/Berlin' },
    );
    expect(board.emergencySunsets.map((i) => [i.caseId, i.bucket])).toEqual([['a', 'today']]);
    expect(board.noticeReviews.map((i) => [i.caseId, i.bucket])).toEqual([['b', 'overdue']]);
    expect(board.purges.map((i) => [i.caseId, i.bucket])).toEqual([['c', 'this-week']]);
    expect(board.due).toEqual([]);
  });

  it('agrees with a plain filter over random summaries', () => {
    const endOfToday = Date.parse('2026-03-28T22:59:59.999Z');
    const endOfWeek = Date.parse('2026-04-03T21:59:59.999Z');
    const arb = fc.array(
      fc.record({
        stage: fc.constantFrom(...CASE_STAGES),
        dues: fc.array(fc.integer({ min: -10 * DAY, max: 10 * DAY }), { maxLength: 3 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const summaries = rows.map((r, i) =>
          summary({
            caseId: `c${i}`,
            stage: r.stage,
            deadlines: r.dues.map((d, k) => ({ id: `d${k}`, label: 'x', dueMs: nowMs + d })),
          }),
        );
        const board = dashboard(summaries, { nowMs, timeZone: 'Europe/Berlin' });
        for (const stage of CASE_STAGES) {
          const dues = summaries.filter((s) => s.stage === stage).flatMap((s) => s.deadlines.map((d) => d.dueMs));
          const inStage = summaries.filter((s) => s.stage === stage);
          const tally = (inBucket: (dueMs: number) => boolean) => ({
            cases: inStage.filter((s) => s.deadlines.some((d) => inBucket(d.dueMs))).length,
            items: dues.filter(inBucket).length,
          });
          expect(board.perStage[stage]).toEqual({
            overdue: tally((d) => d < nowMs),
            today: tally((d) => d >= nowMs && d <= endOfToday),
            thisWeek: tally((d) => d > endOfToday && d <= endOfWeek),
          });
        }
      }),
    );
  });

  it('summarises a real case: open deadlines, remedies, emergency', () => {
    const { context, clock } = makeContext();
    const t = requestTo('challenge-lodged', context, clock);
    const s = summariseCase(t.case);
    expect(s).toMatchObject({ caseId: t.case.id, stage: 'challenge-lodged', emergencySunsetMs: null, purgeAtMs: null });
    expect(s.deadlines.map((d) => d.label)).toEqual(['Redress decision']);
  });
});
