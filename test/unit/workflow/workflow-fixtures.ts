import { expect } from 'vitest';
import { type AuditEvent } from '@shared/audit/audit-event';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { testSigner } from '../../support/test-signer';
import { type Actor } from '@shared/domain/actor';
import { type Case } from '@shared/domain/case';
import { type CaseKind } from '@shared/domain/case-stage';
import type { Admissibility } from '@shared/domain/admissibility';
import { describeWorkflowMessages } from '@shared/workflow/describe-workflow-message';
import { openCase } from '@shared/workflow/open-case';
import { transition } from '@shared/workflow/transition';
import { type DraftChanges, type WorkflowAction } from '@shared/workflow/workflow-action';
import { type Refusal, type WorkflowContext } from '@shared/workflow/workflow-types';

export const kit = await cryptoKit();
export const hash = (bytes: Uint8Array) => kit.hash(bytes);
/** One signer for every fixture: each person id signs with a key of its own. */
export const signer = testSigner(kit);

export const alice: Actor = { id: 'alice', role: 'caseworker' };
export const bob: Actor = { id: 'bob', role: 'caseworker' };
export const rita: Actor = { id: 'rita', role: 'redress-officer' };
export const ruth: Actor = { id: 'ruth', role: 'redress-officer' };
export const sam: Actor = { id: 'sam', role: 'both' };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public ms: number) {}
  now = () => new Date(this.ms);
  advance(ms: number) {
    this.ms += ms;
  }
  iso(offsetMs = 0) {
    return new Date(this.ms + offsetMs).toISOString();
  }
}

export function makeContext(startIso = '2026-03-02T09:00:00Z', requireSecondPersonAuthorisation = false) {
  const clock = new TestClock(Date.parse(startIso));
  const context: WorkflowContext = {
    clock,
    hash,
    signer,
    settings: { requireSecondPersonAuthorisation, holidayRegions: {} },
  };
  return { clock, context };
}

/** A complaint's admissibility record that admits it. */
export const ADMISSIBLE: Admissibility = {
  competent: 'yes',
  entitled: 'yes',
  inTime: 'yes',
  notUnfounded: 'yes',
  notDecidedElsewhere: 'yes',
  reasons: 'The controller is established here; the complainant is the person whose data was disclosed.',
};

export function completeDraftChanges(kind: CaseKind, clock: TestClock): DraftChanges {
  return {
    title: 'Subscriber data for account X',
    purpose: 'Identify the operator of an account used for fraud',
    legalBasis: { code: 'gdpr-61', text: 'national implementing act s. 12' },
    dataCategoryCodes: kind === 'data-access-request' ? ['subscriber', 'traffic'] : [],
    // A complaint is admitted on its admissibility record; the others are authorised on the four statements.
    ...(kind === 'rights-complaint'
      ? { admissibility: ADMISSIBLE }
      : {
          assessment: {
            necessity: 'No other means identifies the account holder.',
            proportionality: 'Three months of subscriber data only.',
            nonDiscrimination: 'Selection based on transactions, not on protected traits.',
            minimisation: 'No content data; traffic data limited to login times.',
          },
        }),
    retention: { purgeAt: clock.iso(365 * DAY), basis: 'Two-year retention under the agreement' },
    partnerJurisdiction: 'FR',
    affectedPeople: [
      { id: 'p1', name: 'Person One', contactForNotice: 'p1@example.org', preferredLanguage: 'fr' },
      { id: 'p2', name: 'Person Two', contactForNotice: 'Rue 1, Paris', preferredLanguage: 'en' },
    ],
  };
}

export type Trail = { case: Case; events: AuditEvent[] };

export function open(
  kind: CaseKind,
  context: WorkflowContext,
  actor: Actor = alice,
  procedure?: { id: string; version: number },
): Trail {
  const result = openCase(
    {
      id: `case-${kind}`,
      reference: 'DE-BFDI-2026-0042',
      kind,
      title: 'Test',
      originatingJurisdiction: 'DE',
      ...(procedure && { procedure }),
    },
    actor,
    context,
  );
  if (!result.ok) throw new Error(describeWorkflowMessages(result.refusal.missing).join('; '));
  return { case: result.case, events: [result.event] };
}

/** Applies an action that must succeed, keeping the audit trail. */
export function apply(trail: Trail, actor: Actor, action: WorkflowAction, context: WorkflowContext): Trail {
  const result = transition(trail.case, actor, action, context);
  if (!result.ok)
    throw new Error(
      `${action.type} refused: ${result.refusal.code}: ${describeWorkflowMessages(result.refusal.missing).join('; ')}`,
    );
  return { case: result.case, events: [...trail.events, result.event] };
}

/** Applies an action that must be refused, and returns the refusal. */
export function refused(trail: Trail, actor: Actor, action: WorkflowAction, context: WorkflowContext): Refusal {
  const result = transition(trail.case, actor, action, context);
  expect(result.ok, `${action.type} should have been refused`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.refusal;
}

/** Deferring a person's notice with reasons, until `reviewAt`. */
export const deferNotice = (personId: string, reviewAt: string) =>
  ({ type: 'defer-notice', personId, reasons: 'Telling them now would alert a suspect.', reviewAt }) as const;

/** A data-access request driven to the given point with valid steps. */
export function requestTo(
  point:
    | 'draft-complete'
    | 'authorised'
    | 'request-sent'
    | 'response-received'
    | 'challenge-window'
    | 'challenge-lodged'
    | 'redress-review'
    | 'remedies',
  context: WorkflowContext,
  clock: TestClock,
): Trail {
  let t = open('data-access-request', context);
  t = apply(t, alice, { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) }, context);
  if (point === 'draft-complete') return t;
  t = apply(t, alice, { type: 'authorise' }, context);
  if (point === 'authorised') return t;
  t = apply(t, alice, { type: 'send-request' }, context);
  if (point === 'request-sent') return t;
  clock.advance(2 * DAY);
  t = apply(t, alice, { type: 'record-response', summary: 'Subscriber record for the account.' }, context);
  if (point === 'response-received') return t;
  t = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'email', language: 'fr' }, context);
  t = apply(t, alice, { type: 'issue-notice', personId: 'p2', method: 'post', language: 'en' }, context);
  if (point === 'challenge-window') return t;
  clock.advance(DAY);
  t = apply(
    t,
    alice,
    {
      type: 'lodge-challenge',
      personId: 'p1',
      grounds: ['disproportionate'],
      statement: 'Too much data was taken.',
      attachmentIds: [],
    },
    context,
  );
  if (point === 'challenge-lodged') return t;
  t = apply(t, rita, { type: 'begin-review' }, context);
  if (point === 'redress-review') return t;
  return apply(
    t,
    rita,
    {
      type: 'decide',
      outcome: 'modified',
      reasons: 'Traffic data was not necessary.',
      remedies: [{ code: 'erase-data', description: 'Erase traffic data', dueAt: clock.iso(14 * DAY) }],
    },
    context,
  );
}
