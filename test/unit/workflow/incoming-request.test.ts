import { describe, expect, it } from 'vitest';
import { type Case } from '@shared/domain/case';
import { caseViolations } from '@shared/workflow/case-invariants';
import { openIncomingCase, type IncomingCaseInput } from '@shared/workflow/open-incoming-case';
import { requiredNow } from '@shared/workflow/required-now';
import { purgedCopy } from '@shared/workflow/steps/purge-step';
import { transition } from '@shared/workflow/transition';
import { type WorkflowAction } from '@shared/workflow/workflow-action';
import { alice, bob, DAY, makeContext, type TestClock } from './workflow-fixtures';

const GDPR_61 = { id: 'gdpr-art61-mutual-assistance', version: 2 };
const EIO = { id: 'eio-art12-recognition-execution', version: 2 };

/** Paris (FR) receives a request from Bonn (DE), imported on Tuesday 2 March 2026 at 09:00 UTC. */
function received(procedure = GDPR_61, clockStart = '2026-03-02T09:00:00Z') {
  const { context, clock } = makeContext(clockStart);
  const input: IncomingCaseInput = {
    id: 'in-1',
    reference: 'FR-CPC-2026-0001',
    kind: 'data-access-request',
    title: 'Subscriber data',
    originatingJurisdiction: 'DE',
    procedure,
    incoming: {
      receivedAt: clock.iso(0),
      importedAt: clock.iso(0),
      sentAt: clock.iso(-3 * DAY),
      from: { office: 'Bureau of Quiet Harbours', jurisdiction: 'DE', reference: 'DE-BQH-2026-0007' },
      ownJurisdiction: 'FR',
      bundleId: 'ab'.repeat(16),
      coveringNote: 'Please answer by letter too.',
    },
    fields: { purpose: 'Identify an account', dataCategoryCodes: ['subscriber'] },
    opens: { side: 'executing' },
  };
  const opened = openIncomingCase(input, alice, context);
  if (!opened.ok) throw new Error(JSON.stringify(opened.refusal));
  return { c: opened.case, context, clock };
}

function act(c: Case, action: WorkflowAction, context: ReturnType<typeof makeContext>['context']): Case {
  const result = transition(c, bob, action, context);
  if (!result.ok) throw new Error(JSON.stringify(result.refusal));
  expect(caseViolations(result.case)).toEqual([]);
  return result.case;
}

const refusal = (c: Case, action: WorkflowAction, context: ReturnType<typeof makeContext>['context']) => {
  const result = transition(c, bob, action, context);
  return result.ok ? null : result.refusal;
};

describe('a request received from another office', () => {
  it('opens at "received" on the executing side, its reply period running one month from receipt on Paris’s calendar', () => {
    const { c } = received();
    expect(c.side).toBe('executing');
    expect(c.stage).toBe('received');
    expect(c.authorisation).toBeNull();
    expect(c.references.partner).toEqual([{ jurisdiction: 'DE', reference: 'DE-BQH-2026-0007' }]);
    expect(caseViolations(c)).toEqual([]);
    const reply = c.deadlines.find((d) => d.periodId === 'reply');
    // Art. 61(2): one month from receipt; 2 April 2026 is a Thursday, a working day in France.
    expect(reply).toMatchObject({ startedAt: '2026-03-02T09:00:00.000Z', calendarJurisdiction: 'FR', metAt: null });
    expect(reply?.timeZone).toBe('Europe/Paris');
    expect(reply?.dueAt?.slice(0, 10)).toBe('2026-04-02');
  });

  it('never takes an issuing-side action: authorising, sending or editing the draft is the wrong side', () => {
    const { c, context } = received();
    for (const action of [
      { type: 'authorise' },
      { type: 'send-request' },
      { type: 'update-draft', changes: { purpose: 'x' } },
    ] satisfies WorkflowAction[])
      expect(refusal(c, action, context)?.code).toBe('wrong-side');
  });

  it('refusing in part needs a ground of this procedure and reasons', () => {
    const { c, context } = received();
    const none = refusal(
      c,
      { type: 'decide-recognition', outcome: 'accepted-in-part', grounds: [], reasons: '' },
      context,
    );
    expect(none?.missing.map((m) => m.code)).toEqual(['recognition-needs-ground', 'recognition-needs-reasons']);
    // An EIO ground is not a ground under GDPR Art. 61(4).
    const foreign = refusal(
      c,
      { type: 'decide-recognition', outcome: 'refused', grounds: ['eio-11-1-d-ne-bis-in-idem'], reasons: 'r' },
      context,
    );
    expect(foreign?.missing.map((m) => m.code)).toEqual(['recognition-ground-unknown']);
    const refused = act(
      c,
      { type: 'decide-recognition', outcome: 'refused', grounds: ['gdpr-61-4-a-not-competent'], reasons: 'Not ours.' },
      context,
    );
    expect(refused.stage).toBe('refused');
    expect(refused.deadlines.find((d) => d.periodId === 'reply')?.metAt).toBeNull();
  });

  it('the answer meets the reply period, and the case closes as answered; with this office’s retention set, purging clears the covering note', () => {
    const { c, context, clock } = received();
    let current = act(c, { type: 'decide-recognition', outcome: 'accepted', grounds: [], reasons: '' }, context);
    expect(current.stage).toBe('executing');
    expect(requiredNow(current, clock.ms, context.settings).items[0]?.message.code).toBe('execute-and-answer');
    expect(refusal(current, { type: 'send-response', summary: ' ' }, context)?.code).toBe('invalid-input');
    current = act(current, { type: 'send-response', summary: 'Record attached.' }, context);
    expect(current.stage).toBe('response-sent');
    expect(current.deadlines.every((d) => d.metAt !== null)).toBe(true);
    current = act(current, { type: 'close' }, context);
    expect(current.closure?.reason).toBe('answered');
    // This office's own retention: until it is set the case cannot be purged, and "required now" asks for it.
    expect(requiredNow(current, clock.ms, context.settings).items.map((i) => i.message.code)).toContain(
      'set-retention',
    );
    expect(refusal(current, { type: 'purge' }, context)?.missing.map((m) => m.code)).toEqual(['no-retention-date']);
    expect(
      refusal(current, { type: 'set-retention', purgeAt: clock.iso(-DAY), basis: ' ' }, context)?.missing.map(
        (m) => m.code,
      ),
    ).toEqual(['retention-not-future', 'retention-needs-basis']);
    current = act(
      current,
      { type: 'set-retention', purgeAt: clock.iso(30 * DAY), basis: 'Office policy 4.2' },
      context,
    );
    clock.advance(31 * DAY);
    const purged = act(current, { type: 'purge' }, context);
    expect(purged.incoming?.coveringNote).toBeNull();
    expect(purged.reply?.summary).toBe('');
    expect(purged.recognition?.reasons).toBe(purgedCopy(current, clock.iso(0)).recognition?.reasons);
  });

  it('EIO: recognition is met by the decision, which starts 90 days to execute (Art. 12(3), 12(4))', () => {
    const { c, context, clock } = received(EIO);
    expect(c.deadlines.map((d) => d.periodId)).toEqual(['recognition']);
    expect(c.deadlines[0]?.dueAt?.slice(0, 10)).toBe('2026-04-01');
    clock.advance(5 * DAY);
    const decided = act(c, { type: 'decide-recognition', outcome: 'accepted', grounds: [], reasons: '' }, context);
    expect(decided.deadlines.find((d) => d.periodId === 'recognition')?.metAt).not.toBeNull();
    const execution = decided.deadlines.find((d) => d.periodId === 'execution');
    expect(execution).toMatchObject({ startedAt: '2026-03-07T09:00:00.000Z', metAt: null });
    // 90 days from Saturday 7 March 2026 is Friday 5 June 2026.
    expect(execution?.dueAt?.slice(0, 10)).toBe('2026-06-05');
  });

  it('a day of receipt recorded earlier restarts the receipt periods from it, never after the import or before sending', () => {
    const { c, context, clock } = received();
    const day = (offsetDays: number, t: TestClock = clock) => t.iso(offsetDays * DAY);
    expect(
      refusal(c, { type: 'correct-receipt', receivedAt: day(1), reason: 'x' }, context)?.missing.map((m) => m.code),
    ).toEqual(['receipt-after-import']);
    expect(
      refusal(c, { type: 'correct-receipt', receivedAt: day(-4), reason: 'x' }, context)?.missing.map((m) => m.code),
    ).toEqual(['receipt-before-request']);
    expect(
      refusal(c, { type: 'correct-receipt', receivedAt: day(-2), reason: ' ' }, context)?.missing.map((m) => m.code),
    ).toEqual(['receipt-correction-needs-reason']);
    const corrected = act(
      c,
      { type: 'correct-receipt', receivedAt: day(-2), reason: 'The courier delivered it on Saturday.' },
      context,
    );
    expect(corrected.incoming?.receivedAt).toBe('2026-02-28T09:00:00.000Z');
    const reply = corrected.deadlines.find((d) => d.periodId === 'reply');
    // One month from 28 February is 28 March, a Saturday: it rolls to Monday 30 March.
    expect(reply?.startedAt).toBe('2026-02-28T09:00:00.000Z');
    expect(reply?.dueAt?.slice(0, 10)).toBe('2026-03-30');
  });
});
