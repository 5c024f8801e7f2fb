import { describe, expect, it } from 'vitest';
import { requiredNow } from '@shared/workflow/required-now';
import { transition } from '@shared/workflow/transition';
import { describeWorkflowMessage } from '@shared/workflow/describe-workflow-message';
import { type WorkflowAction } from '@shared/workflow/workflow-action';
import { isWorkflowMessageCode, WORKFLOW_MESSAGE_CODES, type WorkflowMessage } from '@shared/workflow/workflow-message';
import { alice, DAY, makeContext, open, refused, requestTo, rita, type Trail } from './workflow-fixtures';
import { SAMPLE_MESSAGES } from './workflow-message-samples';

/** A message is data a catalog can word: a known code and plain values, no sentence hidden in it. */
function checkMessage(m: WorkflowMessage): string[] {
  const problems: string[] = [];
  if (!isWorkflowMessageCode(m.code)) problems.push(`unknown code ${JSON.stringify(m.code)}`);
  for (const [key, value] of Object.entries(m.params)) {
    const plain =
      typeof value === 'number' ||
      typeof value === 'string' ||
      (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!plain) problems.push(`${m.code}.${key} is not a plain value`);
  }
  const english = describeWorkflowMessage(m);
  if (english.trim() === '' || english.includes('undefined')) problems.push(`${m.code} has no English: "${english}"`);
  return problems;
}

describe('workflow messages', () => {
  it('lists every code once', () => {
    expect(new Set(WORKFLOW_MESSAGE_CODES).size).toBe(WORKFLOW_MESSAGE_CODES.length);
    expect(isWorkflowMessageCode('purpose-empty')).toBe(true);
    expect(isWorkflowMessageCode('purpose is empty')).toBe(false);
  });

  it('words every code in English, with its parameters filled in', () => {
    expect(SAMPLE_MESSAGES.flatMap(checkMessage)).toEqual([]);
    const english = (code: WorkflowMessage['code']) =>
      describeWorkflowMessage(SAMPLE_MESSAGES.find((m) => m.code === code) ?? { code: 'case-purged', params: {} });
    expect(english('statement-empty')).toBe('proportionality statement is empty');
    expect(english('only-redress-officer')).toBe('only a redress officer can take the redress review');
    expect(english('remedy-not-done')).toBe('remedy "erase-data" is not done (due 4 Sept 2026, 10:00 (Europe/Berlin))');
    expect(english('stage-deadline-lapsed')).toBe('"Redress decision" is overdue (challenge lodged)');
  });

  it('every refusal of a representative invalid action carries known codes, never free text', () => {
    const { context, clock } = makeContext();
    const draft = open('data-access-request', context);
    const cases: [Trail, typeof alice, WorkflowAction][] = [
      [draft, alice, { type: 'authorise' }],
      [draft, rita, { type: 'update-draft', changes: { title: 'x' } }],
      [draft, alice, { type: 'decide', outcome: 'quashed', reasons: '', remedies: [] }],
      [draft, alice, { type: 'add-note', text: ' ' }],
      [
        draft,
        alice,
        { type: 'update-draft', changes: { legalBasis: { code: 'made-up', text: '' }, dataCategoryCodes: ['dna'] } },
      ],
    ];
    const notice = requestTo('response-received', context, clock);
    cases.push(
      [notice, alice, { type: 'defer-notice', personId: 'p1', reasons: '', reviewAt: clock.iso(3650 * DAY) }],
      [notice, alice, { type: 'issue-notice', personId: 'nobody', method: 'email', language: 'en' }],
      [notice, alice, { type: 'withdraw', reason: 'No longer needed.' }],
    );
    const lodged = requestTo('challenge-lodged', context, clock);
    cases.push([lodged, alice, { type: 'begin-review' }]);

    const refusals = cases.map(([trail, actor, action]) => refused(trail, actor, action, context));
    expect(refusals.map((r) => r.code)).toEqual([
      'preconditions-unmet',
      'role-not-permitted',
      'wrong-stage',
      'invalid-input',
      'invalid-input',
      'invalid-input',
      'invalid-input',
      'preconditions-unmet',
      'role-not-permitted',
    ]);
    for (const refusal of refusals) expect(refusal.missing.length).toBeGreaterThan(0);
    expect(refusals.flatMap((r) => r.missing.flatMap(checkMessage))).toEqual([]);
    // Messages are data: a sentence cannot slip through as a "message".
    expect(refusals.flatMap((r) => r.missing).every((m) => typeof m === 'object')).toBe(true);
  });

  it('every "required now" item along a case carries a known code', () => {
    const { context, clock } = makeContext();
    const stages = ['draft-complete', 'authorised', 'request-sent', 'challenge-window', 'remedies'] as const;
    const items = stages.flatMap(
      (stage) => requiredNow(requestTo(stage, context, clock).case, clock.ms, context.settings).items,
    );
    expect(items.length).toBeGreaterThanOrEqual(stages.length);
    expect(items.flatMap((item) => checkMessage(item.message))).toEqual([]);
    const opened = transition(open('rights-complaint', context).case, rita, { type: 'authorise' }, context);
    expect(!opened.ok && opened.refusal.missing.flatMap(checkMessage)).toEqual([]);
  });
});
