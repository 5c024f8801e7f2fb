import { describe, expect, it } from 'vitest';
import {
  deadlineChangeDetails,
  encodeDeadlineMark,
  parseDeadlineMark,
  type DeadlineMark,
} from '@shared/workflow/deadline-marks';
import { DAY, alice, apply, makeContext, requestTo, rita } from './workflow-fixtures';

const mark: DeadlineMark = {
  id: 'd7-redress-decision',
  templateId: 'generic-notice-challenge-decision',
  templateVersion: 1,
  periodId: 'redress-decision',
  dueAt: '2026-05-04T21:59:59.999Z',
};

describe('deadline marks in the audit trail', () => {
  it('round-trips a mark, a stopped clock included, and rejects text that is not one', () => {
    expect(parseDeadlineMark(encodeDeadlineMark(mark))).toEqual(mark);
    expect(parseDeadlineMark(encodeDeadlineMark({ ...mark, dueAt: null }))).toEqual({ ...mark, dueAt: null });
    for (const bad of ['', 'd1|t|x|p|', 'd1|t|1|p|not-a-date', 'd1|t|1|p', '|t|1|p|'])
      expect(parseDeadlineMark(bad), bad).toBeNull();
  });

  it('records each period a step starts, moves, meets or drops, and nothing when none changed', () => {
    const { clock, context } = makeContext();
    const lodged = requestTo('challenge-lodged', context, clock);
    const decision = lodged.case.deadlines.find((d) => d.purpose === 'decision');
    if (!decision) throw new Error('fixture');
    expect(lodged.events.at(-1)?.details['deadlinesDue']).toEqual([encodeDeadlineMark(decision)]);

    clock.advance(DAY);
    const extended = apply(
      lodged,
      rita,
      { type: 'extend-deadline', deadlineId: decision.id, reason: 'Expert opinion awaited.' },
      context,
    );
    const moved = extended.case.deadlines.find((d) => d.id === decision.id);
    expect(moved?.dueAt).not.toBe(decision.dueAt);
    expect(extended.events.at(-1)?.details['deadlinesDue']).toEqual([encodeDeadlineMark(moved ?? decision)]);

    const noted = apply(extended, alice, { type: 'add-note', text: 'Called the platform.' }, context);
    expect(Object.keys(noted.events.at(-1)?.details ?? {}).filter((k) => k.startsWith('deadlines'))).toEqual([]);

    expect(
      deadlineChangeDetails(extended.case.deadlines, [...extended.case.deadlines.filter((d) => d.id !== decision.id)]),
    ).toEqual({ deadlinesDropped: [decision.id] });
    expect(
      deadlineChangeDetails(
        extended.case.deadlines,
        extended.case.deadlines.map((d) => ({ ...d, metAt: d.metAt ?? clock.iso() })),
      ),
    ).toEqual({ deadlinesMet: [decision.id] });
  });
});
