import { expect } from 'vitest';
import { sealAuditEvent } from '@shared/audit/audit-chain';
import type { AuditEvent, UnsealedAuditEvent } from '@shared/audit/audit-event';
import { toHex } from '@shared/bytes/bytes';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import type { Actor } from '@shared/domain/actor';
import type { Case } from '@shared/domain/case';
import type { CaseKind } from '@shared/domain/case-stage';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { createOfficeSigner, type DomainSigner } from '@shared/offices/office-signer';
import type { ComplianceFinding } from '@shared/oversight/findings/compliance-finding';
import { findCompliance, type ComplianceOptions } from '@shared/oversight/findings/find-compliance';
import { createOversightExport } from '@shared/oversight/oversight-audit-export';
import { issuePersonCertificate } from '@shared/people/person-certificate';
import { describeWorkflowMessages } from '@shared/workflow/describe-workflow-message';
import { openCase } from '@shared/workflow/open-case';
import { openIncomingCase } from '@shared/workflow/open-incoming-case';
import type { ProcedureRef } from '@shared/procedures/procedure-template';
import { transition } from '@shared/workflow/transition';
import type { DraftChanges, WorkflowAction } from '@shared/workflow/workflow-action';
import type { WorkflowContext } from '@shared/workflow/workflow-types';
import { testSigner } from '../../support/test-signer';

/**
 * Trails for the oversight desk's tests, made the way an office makes them: the real workflow (`openCase`,
 * `transition`) with every event signed by its person's own key, certified by the office, exported and signed by
 * the office. `seal` records an act the workflow would refuse, signed all the same: what an office whose software
 * did not enforce a rule would send. The desk must find it from the trail, not trust the software.
 */
export const kit = await cryptoKit();
const hash = (bytes: Uint8Array) => kit.hash(bytes, 32);
const signer = testSigner(kit);
export const office = generateOfficeIdentity(kit);
export const officeSigner = createOfficeSigner(kit, office);
export const TRUSTED = [toHex(office.signingPublicKey)];

export const CASEWORKER: Actor = { id: '00000000-0000-4000-8000-000000000001', role: 'caseworker' };
export const COLLEAGUE: Actor = { id: '00000000-0000-4000-8000-000000000002', role: 'caseworker' };
export const AUTHORISER: Actor = { id: '00000000-0000-4000-8000-000000000003', role: 'authoriser' };
export const REVIEWER: Actor = { id: '00000000-0000-4000-8000-000000000004', role: 'redress-officer' };
const STAFF = [CASEWORKER, COLLEAGUE, AUTHORISER, REVIEWER];
/** The office's certificates for the four staff members' signing keys (any office may certify them). */
export const certifiedBy = (by: DomainSigner) =>
  STAFF.map((actor, n) =>
    issuePersonCertificate(
      by,
      {
        personId: actor.id,
        name: `Staff member ${n + 1}`,
        signingKey: toHex(signer.pairOf(actor.id).publicKey),
        validFrom: '2020-01-01T00:00:00.000Z',
        revokedAt: null,
      },
      '2020-01-01T00:00:00.000Z',
    ),
  );
export const certificates = certifiedBy(officeSigner);

export const DAY = 86_400_000;
/** The affected person's case-local id and name: neither may ever reach a finding. */
export const PERSON_ID = 'person-0a1b2c3d';
export const PERSON_NAME = 'Marie Exemple';

/** One case told step by step on its own clock. */
export class Story {
  ms: number;
  readonly context: WorkflowContext;
  case: Case;
  readonly events: AuditEvent[] = [];

  constructor(
    caseId: string,
    options: {
      kind?: CaseKind;
      secondPerson?: boolean;
      start?: string;
      opener?: Actor;
      procedure?: ProcedureRef;
      /** Opened from a partner's request received here (the executing side), not drafted here. */
      received?: boolean;
    } = {},
  ) {
    this.ms = Date.parse(options.start ?? '2026-01-05T09:00:00.000Z');
    this.context = {
      clock: { now: () => new Date(this.ms) },
      hash,
      signer,
      settings: { requireSecondPersonAuthorisation: options.secondPerson ?? true, holidayRegions: {} },
    };
    const kind = options.kind ?? 'data-access-request';
    const opener = options.opener ?? CASEWORKER;
    const opened = options.received
      ? openIncomingCase(
          {
            id: caseId,
            reference: `FR-CNIL-2026-${caseId}`,
            kind,
            title: 'Subscriber data',
            originatingJurisdiction: 'FR',
            procedure: options.procedure,
            incoming: {
              receivedAt: this.iso(),
              importedAt: this.iso(),
              sentAt: this.iso(-2),
              from: { office: 'CNIL', jurisdiction: 'FR', reference: 'FR-CNIL-2026-0007' },
              ownJurisdiction: 'DE',
              bundleId: 'ab'.repeat(16),
              coveringNote: null,
            },
            fields: { purpose: 'Identify an account', dataCategoryCodes: ['subscriber'] },
            opens: { side: 'executing' },
          },
          opener,
          this.context,
        )
      : openCase(
          {
            id: caseId,
            reference: `DE-BFDI-2026-${caseId}`,
            kind,
            title: 'Subscriber data',
            originatingJurisdiction: 'DE',
            ...(options.procedure && { procedure: options.procedure }),
          },
          opener,
          this.context,
        );
    if (!opened.ok) throw new Error(describeWorkflowMessages(opened.refusal.missing).join('; '));
    this.case = opened.case;
    this.events.push(opened.event);
  }

  iso(offsetDays = 0): string {
    return new Date(this.ms + offsetDays * DAY).toISOString();
  }

  advance(days: number): this {
    this.ms += days * DAY;
    return this;
  }

  /** An act the workflow must allow. */
  act(actor: Actor, action: WorkflowAction): this {
    const result = transition(this.case, actor, action, this.context);
    if (!result.ok)
      throw new Error(`${action.type} refused: ${describeWorkflowMessages(result.refusal.missing).join('; ')}`);
    this.case = result.case;
    this.events.push(result.event);
    return this;
  }

  /** Whether the workflow refuses the act (it is left unrecorded). */
  refuses(actor: Actor, action: WorkflowAction): boolean {
    return !transition(this.case, actor, action, this.context).ok;
  }

  /** An act recorded and signed outside the workflow's rules, linked into the chain like any other. */
  seal(actor: Actor, event: Omit<UnsealedAuditEvent, 'at' | 'actor'>): this {
    const sealed = sealAuditEvent(
      this.case.id,
      this.case.audit,
      { ...event, at: this.iso(), actor: { id: actor.id, role: actor.role } },
      { hash, signer },
    );
    this.case = { ...this.case, audit: sealed.head };
    this.events.push(sealed.event);
    return this;
  }

  /** A complete draft, authorised by `authoriser`. */
  authorised(extra: DraftChanges = {}, authoriser: Actor = AUTHORISER): this {
    return this.act(CASEWORKER, {
      type: 'update-draft',
      changes: { ...draftChanges(this.case.kind, this.iso()), ...extra },
    })
      .advance(1)
      .act(authoriser, { type: 'authorise' });
  }

  /** Authorised, sent, and answered: from now on the person is owed notice. */
  answered(extra: DraftChanges = {}): this {
    return this.authorised(extra)
      .act(CASEWORKER, { type: 'send-request' })
      .advance(10)
      .act(CASEWORKER, { type: 'record-response', summary: 'Subscriber record.' });
  }

  /** Answered, the person told, and a challenge lodged: the redress decision period runs. */
  challenged(): this {
    return this.answered()
      .advance(1)
      .act(CASEWORKER, { type: 'issue-notice', personId: PERSON_ID, method: 'email', language: 'fr' })
      .advance(3)
      .act(CASEWORKER, {
        type: 'lodge-challenge',
        personId: PERSON_ID,
        grounds: ['disproportionate'],
        statement: 'Too much was taken.',
        attachmentIds: [],
      });
  }

  hashOf(action: string, nth = 0): string {
    const event = this.events.filter((e) => e.action === action)[nth];
    if (!event) throw new Error(`no ${action} event`);
    return event.hash;
  }
}

function draftChanges(kind: CaseKind, now: string): DraftChanges {
  const start = Date.parse(now);
  return {
    purpose: 'Identify the operator of an account used for fraud',
    legalBasis: { code: 'gdpr-61', text: 'national act s. 12' },
    dataCategoryCodes: kind === 'data-access-request' ? ['subscriber'] : [],
    assessment: {
      necessity: 'No other means.',
      proportionality: 'Subscriber data only.',
      nonDiscrimination: 'Chosen on transactions.',
      minimisation: 'No content.',
    },
    retention: { purgeAt: new Date(start + 365 * DAY).toISOString(), basis: 'Office schedule' },
    partnerJurisdiction: 'FR',
    affectedPeople: [
      { id: PERSON_ID, name: PERSON_NAME, contactForNotice: 'marie@example.org', preferredLanguage: 'fr' },
    ],
  };
}

/** The office's signed export of these cases, made at `now`. */
export function exportOf(stories: readonly Story[], now: string): Uint8Array {
  return createOversightExport(
    kit,
    {
      office: { name: 'BfDI', jurisdiction: 'DE' },
      scope: { kind: 'cases', caseIds: stories.map((s) => s.case.id) },
      trails: stories.map((s) => ({ caseId: s.case.id, head: s.case.audit, events: s.events })),
      certificates,
      now,
    },
    officeSigner,
  );
}

/** The desk's findings on these cases (the export must verify), judged as of `now`. */
export function findingsOf(
  stories: readonly Story[],
  now: string,
  options: ComplianceOptions = {},
): ComplianceFinding[] {
  const result = findCompliance(kit, exportOf(stories, now), TRUSTED, options);
  expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
  if (!result.ok) return [];
  // Pseudonymous: no affected person's id or name, and not the office's own case id or reference.
  const text = JSON.stringify(result.value.findings);
  for (const story of stories) {
    expect(text).not.toContain(story.case.id);
    expect(text).not.toContain(story.case.references.local);
  }
  expect(text).not.toContain(PERSON_ID);
  expect(text).not.toContain(PERSON_NAME);
  return [...result.value.findings];
}

/** The findings of one type, as [type, event hash, as-of] triples for compact assertions. */
export const ofType = (findings: readonly ComplianceFinding[], type: ComplianceFinding['type']) =>
  findings.filter((f) => f.type === type).map((f) => [f.type, f.eventHash, f.asOf] as const);
