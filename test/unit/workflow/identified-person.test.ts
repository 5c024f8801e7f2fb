import { describe, expect, it } from 'vitest';
import { caseViolations } from '@shared/workflow/case-invariants';
import { rightToKnowGaps } from '@shared/workflow/right-to-know';
import { requiredNow } from '@shared/workflow/required-now';
import {
  alice,
  apply,
  completeDraftChanges,
  DAY,
  makeContext,
  open,
  refused,
  requestTo,
  type TestClock,
} from './workflow-fixtures';
import type { WorkflowContext } from '@shared/workflow/workflow-types';

/** A request made only to identify who uses an account: identification data, nobody named. */
function identificationRequest(context: WorkflowContext, clock: TestClock) {
  let t = open('data-access-request', context);
  t = apply(
    t,
    alice,
    {
      type: 'update-draft',
      changes: {
        ...completeDraftChanges('data-access-request', clock),
        dataCategoryCodes: ['identification'],
        affectedPeople: [],
      },
    },
    context,
  );
  return t;
}

const identified = {
  type: 'record-identified-person',
  name: 'Marta López',
  contactForNotice: 'Calle Mayor 3, Madrid',
  preferredLanguage: 'es',
} as const;

describe('a request to identify an unknown user', () => {
  it('is authorised with nobody named; any other data request still needs its affected person', () => {
    const { context, clock } = makeContext();
    const t = apply(identificationRequest(context, clock), alice, { type: 'authorise' }, context);
    expect(t.case.stage).toBe('authorised');

    let other = open('data-access-request', context);
    other = apply(
      other,
      alice,
      { type: 'update-draft', changes: { ...completeDraftChanges('data-access-request', clock), affectedPeople: [] } },
      context,
    );
    expect(refused(other, alice, { type: 'authorise' }, context).missing).toContainEqual({
      code: 'no-affected-person',
      params: {},
    });
  });

  it('records the person the response named: their notice is then due, and the case cannot end without it', () => {
    const { context, clock } = makeContext();
    let t = apply(identificationRequest(context, clock), alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request' }, context);
    // Before the answer nobody can be named.
    expect(refused(t, alice, identified, context).code).toBe('wrong-stage');
    clock.advance(2 * DAY);
    t = apply(t, alice, { type: 'record-response', summary: 'The IP address was assigned to Marta López.' }, context);
    expect(rightToKnowGaps(t.case, clock.ms)).toEqual([]);

    expect(requiredNow(t.case, clock.ms, context.settings).items.map((i) => i.message.code)).toContain(
      'record-identified-person',
    );
    t = apply(t, alice, identified, context);
    expect(requiredNow(t.case, clock.ms, context.settings).items.map((i) => i.message.code)).not.toContain(
      'record-identified-person',
    );
    const person = t.case.affectedPeople[0];
    expect(person).toMatchObject({ name: 'Marta López', preferredLanguage: 'es', notice: { state: 'pending' } });
    expect(t.case.stage).toBe('notice');
    expect(t.events.at(-1)).toMatchObject({ action: 'record-identified-person', details: { personId: person?.id } });
    expect(rightToKnowGaps(t.case, clock.ms)).toEqual([{ code: 'person-not-told', params: { name: 'Marta López' } }]);
    t = apply(t, alice, { type: 'issue-notice', personId: person?.id ?? '', method: 'post', language: 'es' }, context);
    expect(t.case.stage).toBe('challenge-window');
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('refuses a person without a name or a contact, and a request that was not for identification', () => {
    const { context, clock } = makeContext();
    let t = apply(identificationRequest(context, clock), alice, { type: 'authorise' }, context);
    t = apply(t, alice, { type: 'send-request' }, context);
    t = apply(t, alice, { type: 'record-response', summary: 'Answer.' }, context);
    expect(refused(t, alice, { ...identified, name: ' ', contactForNotice: '' }, context)).toMatchObject({
      code: 'invalid-input',
      missing: [
        { code: 'person-no-name', params: { n: 1 } },
        { code: 'person-no-contact', params: { n: 1 } },
      ],
    });

    // A request that named its people from the start (subscriber and traffic data) adds nobody afterwards.
    const named = requestTo('response-received', context, clock);
    expect(refused(named, alice, identified, context).missing).toContainEqual({
      code: 'not-an-identification-request',
      params: {},
    });
  });
});
