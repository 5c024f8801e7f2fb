import { describe, expect, it } from 'vitest';
import { availableActions } from '@shared/workflow/available-actions';
import { requiredNow } from '@shared/workflow/required-now';
import { ACTION_TYPES } from '@shared/workflow/workflow-action';
import { alice, apply, DAY, makeContext, open, requestTo, rita } from './workflow-fixtures';
import { describeWorkflowMessages } from '@shared/workflow/describe-workflow-message';
import { workflowMessage } from '@shared/workflow/workflow-message';

describe('available actions', () => {
  it('lists every action, with reasons for the unavailable ones', () => {
    const { context } = makeContext();
    const t = open('data-access-request', context);
    const list = availableActions(t.case, alice, context);
    expect(list.map((a) => a.type)).toEqual(ACTION_TYPES);
    expect(
      list
        .filter((a) => a.available)
        .map((a) => a.type)
        .sort(),
    ).toEqual([
      'add-evidence',
      'add-note',
      'hand-over',
      'record-translation',
      'update-draft',
      'view-sensitive',
      'withdraw',
    ]);
    const authorise = list.find((a) => a.type === 'authorise');
    expect(authorise).toMatchObject({ available: false, code: 'preconditions-unmet' });
    expect(authorise && !authorise.available && authorise.reasons).toContainEqual(
      workflowMessage('statement-empty', { statement: 'proportionality' }),
    );
    const decide = list.find((a) => a.type === 'decide');
    const reasons = decide && !decide.available ? decide.reasons : [];
    expect(reasons).toEqual([
      workflowMessage('action-wrong-stage', { action: 'decide', stages: ['redress-review'], stage: 'draft' }),
    ]);
    // The English rendering (audit trail, logs, CLI) still names the action and the stages in words.
    expect(describeWorkflowMessages(reasons)).toEqual([
      '"decide the challenge" is possible only in stage redress review; this case is in stage draft',
    ]);
  });

  it('agrees with transition: an available action without input problems succeeds, an unavailable one is refused', () => {
    const { context, clock } = makeContext();
    const t = requestTo('challenge-lodged', context, clock);
    const forRita = availableActions(t.case, rita, context);
    expect(forRita.find((a) => a.type === 'begin-review')?.available).toBe(true);
    expect(forRita.find((a) => a.type === 'update-draft')).toMatchObject({ available: false, code: 'wrong-stage' });
    const forAlice = availableActions(t.case, alice, context);
    expect(forAlice.find((a) => a.type === 'begin-review')).toMatchObject({
      available: false,
      code: 'role-not-permitted',
      reasons: [workflowMessage('only-redress-officer', { action: 'begin-review' })],
    });
    expect(apply(t, rita, { type: 'begin-review' }, context).case.stage).toBe('redress-review');
  });
});

describe('required now', () => {
  it('tells the stepper what is missing and what lies ahead', () => {
    const { context, clock } = makeContext();
    const draft = open('rights-complaint', context);
    const now = requiredNow(draft.case, clock.ms, context.settings);
    expect(now.stagesAhead).toEqual([
      'authorised',
      'challenge-lodged',
      'redress-review',
      'remedies',
      'closed',
      'purged',
    ]);
    // A complaint's to-do is its admissibility, never the proportionality statements of a request.
    const messages = now.items.map((i) => i.message);
    expect(messages).toContainEqual(workflowMessage('admissibility-unanswered', { question: 'competent' }));
    expect(messages.filter((m) => m.code === 'statement-empty')).toEqual([]);

    const sent = requestTo('request-sent', context, clock);
    expect(requiredNow(sent.case, clock.ms, context.settings).items).toEqual([
      { severity: 'todo', message: workflowMessage('record-response'), dueAt: null },
    ]);

    const remedies = requestTo('remedies', context, clock);
    clock.advance(20 * DAY);
    expect(requiredNow(remedies.case, clock.ms, context.settings).items).toEqual([
      {
        severity: 'overdue',
        message: workflowMessage('carry-out-remedy', { remedy: 'erase-data' }),
        dueAt: remedies.case.remedies[0]?.dueAt,
      },
    ]);
  });

  it('shows the decision deadline and flags it once overdue', () => {
    const { context, clock } = makeContext();
    const t = requestTo('challenge-lodged', context, clock);
    const due = t.case.deadlines.find((d) => d.purpose === 'decision')?.dueAt ?? null;
    expect(requiredNow(t.case, clock.ms, context.settings).items).toEqual([
      { severity: 'todo', message: workflowMessage('take-review'), dueAt: due },
    ]);
    clock.advance(90 * DAY);
    expect(requiredNow(t.case, clock.ms, context.settings).items).toContainEqual({
      severity: 'overdue',
      message: workflowMessage('stage-deadline-lapsed', {
        label: 'Redress decision',
        lapse: 'overdue',
        stage: 'challenge-lodged',
      }),
      dueAt: due,
    });
  });
});
