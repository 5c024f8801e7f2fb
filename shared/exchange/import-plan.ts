import type { AuditEvent, AuditHead } from '../audit/audit-event';
import type { AttachmentDescriptor, PayloadBody } from '../bundle/bundle-payloads';
import type { Actor } from '../domain/actor';
import type { Case } from '../domain/case';
import { importedPersonId, jurisdictionCodeSchema } from '../domain/primitives';
import { findProcedureTemplate } from '../procedures/procedure-registry';
import { describeWorkflowMessages } from '../workflow/describe-workflow-message';
import { openIncomingCase, type IncomingFields } from '../workflow/open-incoming-case';
import { transition } from '../workflow/transition';
import type { WorkflowAction } from '../workflow/workflow-action';
import type { WorkflowMessage } from '../workflow/workflow-message';
import { EMPTY_ASSESSMENT } from '../domain/threshold-assessment';
import type { WorkflowContext } from '../workflow/workflow-types';
import { challengeCaseSchema, decisionCaseSchema, responseCaseSchema } from './bundle-bodies';
import { partnerActor } from './exchange-actors';
import { recordNote } from './export-record';
import { sentEntryFor, type LedgerEntry } from './ledger-entry';
import { sharedCaseSchema, type SharedCase } from './shared-case';

/** A bundle the verifier accepted, as the importer needs it. */
export type VerifiedImport = {
  readonly bundleId: string;
  readonly headerDigest: string;
  readonly sequence: number;
  readonly senderKey: string;
  readonly senderName: string;
  readonly senderJurisdiction: string;
  /** When the sender built the bundle (epoch ms; the verified payload's createdAt). */
  readonly createdAt?: number;
  readonly attachments: readonly AttachmentDescriptor[];
  readonly payload:
    | { readonly kind: 'request'; readonly body: PayloadBody<'request'> }
    | { readonly kind: 'response'; readonly body: PayloadBody<'response'> }
    | { readonly kind: 'challenge'; readonly body: PayloadBody<'challenge'> }
    | { readonly kind: 'decision'; readonly body: PayloadBody<'decision'> }
    | { readonly kind: 'receipt'; readonly body: PayloadBody<'receipt'> };
};

export type ImportLocalState = {
  readonly actor: Actor;
  readonly context: WorkflowContext;
  /** This office's jurisdiction (its identity): a received request's periods run on its calendar. */
  readonly ownJurisdiction: string;
  readonly ledger: readonly LedgerEntry[];
  readonly findCase: (caseId: string) => Case | undefined;
  /** Id and reference for a case the import would create (read from the vault before planning). */
  readonly newCaseId: string;
  readonly newReference: string;
  /** Set when a person chose to import an expired bundle: the reason is kept as a case note, and audited. */
  readonly expiryOverride?: { readonly reason: string };
};

/** One line of the preview, as a catalog key and its values (the screen translates it). */
export type PreviewLine = { readonly key: string; readonly values?: Readonly<Record<string, string | number>> };

/** Attachment i becomes evidence item `evidenceId` of the case (its file is stored under that case). */
export type EvidenceLink = { readonly attachmentIndex: number; readonly evidenceId: string };

export type ImportPlan =
  | {
      readonly ok: true;
      readonly type: 'create';
      readonly case: Case;
      readonly events: readonly AuditEvent[];
      readonly evidence: readonly EvidenceLink[];
      readonly preview: readonly PreviewLine[];
    }
  | {
      readonly ok: true;
      readonly type: 'update';
      readonly case: Case;
      readonly expectedHead: AuditHead;
      readonly events: readonly AuditEvent[];
      readonly evidence: readonly EvidenceLink[];
      readonly preview: readonly PreviewLine[];
    }
  | {
      readonly ok: true;
      readonly type: 'receipt';
      readonly sent: LedgerEntry;
      readonly case: Case | null;
      readonly expectedHead: AuditHead | null;
      readonly events: readonly AuditEvent[];
      readonly preview: readonly PreviewLine[];
    };

export type ImportRefusal = {
  readonly ok: false;
  readonly code: ImportRefusalCode;
  /** English, for logs and support. */
  readonly reasons: readonly string[];
  /** The workflow's own refusals as data, when the workflow refused a step: the screen words these. */
  readonly messages: readonly WorkflowMessage[];
};
export type ImportRefusalCode =
  'IMPORT_CONTENT_INVALID' | 'IMPORT_NO_MATCHING_CASE' | 'IMPORT_WORKFLOW_REFUSED' | 'IMPORT_ALREADY_DELIVERED';

const refuse = (
  code: ImportRefusalCode,
  reasons: readonly string[],
  messages: readonly WorkflowMessage[] = [],
): ImportRefusal => ({ ok: false, code, reasons, messages });

/** A refusal by the workflow itself: the English for logs, and the messages as data for the screen. */
const workflowRefused = (missing: readonly WorkflowMessage[], prefix = ''): ImportRefusal =>
  refuse('IMPORT_WORKFLOW_REFUSED', [`${prefix}${describeWorkflowMessages(missing).join('; ')}`], missing);

/**
 * What importing a verified bundle would change, computed without touching storage: a new case (request,
 * challenge), the update of an existing one (response, decision) through the workflow engine, or a receipt
 * that marks a sent bundle delivered. The caller shows `preview`, then stores the plan in one transaction.
 */
export function planImport(bundle: VerifiedImport, local: ImportLocalState): ImportPlan | ImportRefusal {
  switch (bundle.payload.kind) {
    case 'request':
      return planNewCase(bundle, local, bundle.payload.body.caseRef, bundle.payload.body.case, null);
    case 'challenge': {
      const parsed = challengeCaseSchema.safeParse(bundle.payload.body.case);
      if (!parsed.success)
        return refuse('IMPORT_CONTENT_INVALID', [
          `the challenge's case data is not valid (${parsed.error.issues[0]?.message ?? 'schema'})`,
        ]);
      return planNewCase(bundle, local, bundle.payload.body.caseRef, parsed.data.shared, {
        grounds: bundle.payload.body.grounds,
        statement: parsed.data.statement,
      });
    }
    case 'response':
      return planResponse(bundle, bundle.payload.body, local);
    case 'decision':
      return planDecision(bundle, bundle.payload.body, local);
    case 'receipt':
      return planReceipt(bundle, bundle.payload.body, local);
  }
}

function planNewCase(
  bundle: VerifiedImport,
  local: ImportLocalState,
  caseRef: string,
  untrustedCase: unknown,
  challenge: { grounds: readonly string[]; statement: string } | null,
): ImportPlan | ImportRefusal {
  const parsed = sharedCaseSchema.safeParse(untrustedCase);
  if (!parsed.success)
    return refuse('IMPORT_CONTENT_INVALID', [
      `the case data is not valid (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`,
    ]);
  const shared: SharedCase = parsed.data;
  const actor = partnerActor(bundle.senderKey, 'caseworker');
  const now = local.context.clock.now().toISOString();
  const senderJurisdiction = jurisdictionCodeSchema.safeParse(bundle.senderJurisdiction).success
    ? bundle.senderJurisdiction
    : shared.originatingJurisdiction;
  const fields: IncomingFields = {
    ...(shared.purpose !== undefined && { purpose: shared.purpose }),
    ...(shared.legalBasis !== undefined && { legalBasis: shared.legalBasis }),
    ...(shared.dataCategories !== undefined && { dataCategoryCodes: shared.dataCategories }),
    ...(shared.dataTimeRange !== undefined && { dataTimeRange: shared.dataTimeRange }),
    ...(shared.parties !== undefined && { parties: shared.parties }),
    // The partner's ids for these people are dropped: they could name someone (an e-mail, a national number) and
    // would flow into our audit trail and oversight export. Nothing the partner sends later refers to them.
    ...(shared.affectedPeople !== undefined && {
      affectedPeople: shared.affectedPeople.map((person, index) => ({ ...person, id: importedPersonId(index) })),
    }),
    ...(shared.emergency !== undefined && { emergency: shared.emergency }),
    ...(shared.assessment !== undefined && { assessment: { ...EMPTY_ASSESSMENT, ...shared.assessment } }),
  };
  const coveringNote =
    bundle.payload.kind === 'request' || bundle.payload.kind === 'challenge'
      ? (bundle.payload.body.message ?? null)
      : null;
  const opened = openIncomingCase(
    {
      id: local.newCaseId,
      reference: local.newReference,
      kind: shared.kind ?? 'data-access-request',
      title: shared.title ?? `${bundle.payload.kind} ${caseRef}`,
      originatingJurisdiction: shared.originatingJurisdiction,
      procedure: shared.procedure,
      incoming: {
        receivedAt: now,
        importedAt: now,
        sentAt: new Date(Math.min(bundle.createdAt ?? Date.parse(now), Date.parse(now))).toISOString(),
        from: { office: bundle.senderName, jurisdiction: senderJurisdiction, reference: caseRef },
        ownJurisdiction: local.ownJurisdiction,
        bundleId: bundle.bundleId,
        coveringNote,
      },
      fields,
      opens: challenge
        ? {
            side: 'redress-body',
            challenge: {
              lodgedAt: now,
              recordedBy: actor.id,
              personId: null,
              grounds: [...challenge.grounds],
              statement: challenge.statement,
              attachmentIds: [],
            },
          }
        : { side: 'executing' },
    },
    actor,
    local.context,
  );
  if (!opened.ok) return workflowRefused(opened.refusal.missing);
  let current = opened.case;
  const events: AuditEvent[] = [opened.event];
  const step = (action: WorkflowAction): readonly WorkflowMessage[] | null => {
    const result = transition(current, actor, action, local.context);
    if (!result.ok) return result.refusal.missing;
    current = result.case;
    events.push(result.event);
    return null;
  };
  const evidence = addEvidence(bundle, shared, step, () => current);
  if (!Array.isArray(evidence)) return evidence;
  if (current.challenge) {
    // The challenger's attachments are the evidence items just recorded (each one audited as it was added).
    current = {
      ...current,
      challenge: { ...current.challenge, attachmentIds: evidence.map((link) => link.evidenceId) },
    };
  }
  const preview: PreviewLine[] = [
    {
      key: challenge ? 'newChallengeCase' : 'newRequestCase',
      values: { reference: local.newReference, partnerReference: caseRef, office: bundle.senderName },
    },
    {
      key: 'procedure',
      values: { procedure: findProcedureTemplate(current.procedure)?.title ?? current.procedure.id },
    },
    ...current.deadlines.map((d) => ({ key: 'deadline', values: { label: d.label, due: d.dueAt ?? '' } })),
    ...Object.keys(fields).map((field) => ({ key: 'field', values: { field } })),
    ...evidence.map((link) => ({
      key: 'evidence',
      values: {
        name: bundle.attachments[link.attachmentIndex]?.name ?? '',
        size: bundle.attachments[link.attachmentIndex]?.size ?? 0,
      },
    })),
    { key: 'stage', values: { stage: current.stage } },
  ];
  const imported = importedEvents(current, bundle, local);
  if (!imported.ok) return imported;
  return { ok: true, type: 'create', case: imported.case, events: [...events, ...imported.events], evidence, preview };
}

/** Each attachment becomes an evidence item (custody starts with "received"), matched to its title by hash. */
function addEvidence(
  bundle: VerifiedImport,
  shared: SharedCase | null,
  step: (action: WorkflowAction) => readonly WorkflowMessage[] | null,
  current: () => Case,
): EvidenceLink[] | ImportRefusal {
  const links: EvidenceLink[] = [];
  for (const [index, descriptor] of bundle.attachments.entries()) {
    const title =
      shared?.evidence?.find((item) => item.contentHash === descriptor.blake2b256)?.title ?? descriptor.name;
    const failed = step({
      type: 'add-evidence',
      title,
      mediaType: descriptor.mediaType,
      sizeBytes: descriptor.size,
      contentHash: descriptor.blake2b256,
      note: `received in bundle ${bundle.bundleId}`,
    });
    if (failed) return workflowRefused(failed);
    const added = current().evidence.at(-1);
    if (!added) return refuse('IMPORT_WORKFLOW_REFUSED', ['the evidence item was not recorded']);
    links.push({ attachmentIndex: index, evidenceId: added.id });
  }
  return links;
}

/** The closing audit event of an import; after an expiry override, first the person's reason as a case note. */
function importedEvents(
  c: Case,
  bundle: VerifiedImport,
  local: ImportLocalState,
): { ok: true; case: Case; events: AuditEvent[] } | ImportRefusal {
  let current = c;
  const events: AuditEvent[] = [];
  const override = local.expiryOverride;
  if (override) {
    if (override.reason.trim() === '')
      return refuse('IMPORT_CONTENT_INVALID', ['importing an expired bundle needs a reason']);
    const noted = transition(
      current,
      local.actor,
      {
        type: 'add-note',
        text: `Bundle ${bundle.bundleId} was imported after it expired. Reason: ${override.reason.trim()}`,
      },
      local.context,
    );
    if (!noted.ok) return workflowRefused(noted.refusal.missing);
    current = noted.case;
    events.push(noted.event);
  }
  const imported = recordNote(current, local.actor, local.context, 'bundle-imported', {
    bundleId: bundle.bundleId,
    kind: bundle.payload.kind,
    sender: bundle.senderKey.slice(0, 16),
    sequence: bundle.sequence,
    attachments: bundle.attachments.length,
    ...(override ? { expiryOverridden: 'yes' } : {}),
  });
  return { ok: true, case: imported.case, events: [...events, imported.event] };
}

function planUpdate(
  bundle: VerifiedImport,
  local: ImportLocalState,
  c: Case,
  actions: readonly { actor: Actor; action: WorkflowAction }[],
  preview: PreviewLine[],
): ImportPlan | ImportRefusal {
  let current = c;
  const events: AuditEvent[] = [];
  for (const { actor, action } of actions) {
    const result = transition(current, actor, action, local.context);
    if (!result.ok) return workflowRefused(result.refusal.missing, `case ${c.references.local}: `);
    current = result.case;
    events.push(result.event);
  }
  const evidenceStart = current.evidence.length;
  const evidenceActor = partnerActor(bundle.senderKey, 'caseworker');
  const stepEvidence = (action: WorkflowAction): readonly WorkflowMessage[] | null => {
    const result = transition(current, evidenceActor, action, local.context);
    if (!result.ok) return result.refusal.missing;
    current = result.case;
    events.push(result.event);
    return null;
  };
  const evidence = addEvidence(bundle, null, stepEvidence, () => current);
  if (!Array.isArray(evidence)) return evidence;
  const imported = importedEvents(current, bundle, local);
  if (!imported.ok) return imported;
  if (current.stage !== c.stage) preview.push({ key: 'stage', values: { stage: current.stage } });
  for (const [offset, link] of evidence.entries())
    preview.push({
      key: 'evidence',
      values: {
        name: bundle.attachments[link.attachmentIndex]?.name ?? '',
        size: current.evidence[evidenceStart + offset]?.sizeBytes ?? 0,
      },
    });
  return {
    ok: true,
    type: 'update',
    case: imported.case,
    expectedHead: c.audit,
    events: [...events, ...imported.events],
    evidence,
    preview,
  };
}

function planResponse(
  bundle: VerifiedImport,
  body: PayloadBody<'response'>,
  local: ImportLocalState,
): ImportPlan | ImportRefusal {
  const sent = local.ledger.find(
    (entry) =>
      entry.direction === 'sent' &&
      entry.kind === 'request' &&
      entry.peerKey === bundle.senderKey &&
      entry.bundleId === body.inReplyTo,
  );
  const c = sent?.caseId ? local.findCase(sent.caseId) : undefined;
  if (!sent || !c)
    return refuse('IMPORT_NO_MATCHING_CASE', [
      `this response answers request ${body.inReplyTo.slice(0, 8)}…, which this office did not send to ${bundle.senderName}`,
    ]);
  const parsed = responseCaseSchema.safeParse(body.case);
  if (!parsed.success)
    return refuse('IMPORT_CONTENT_INVALID', [
      `the response is not valid (${parsed.error.issues[0]?.message ?? 'schema'})`,
    ]);
  const actor = partnerActor(bundle.senderKey, 'caseworker');
  return planUpdate(
    bundle,
    local,
    c,
    [
      {
        actor,
        action: {
          type: 'record-response',
          summary: parsed.data.summary,
          ...(parsed.data.responderReference.trim() !== '' && { responderReference: parsed.data.responderReference }),
          ...(parsed.data.recognition && { recognition: parsed.data.recognition }),
        },
      },
    ],
    [
      { key: 'responseFor', values: { reference: c.references.local, office: bundle.senderName } },
      ...(parsed.data.recognition
        ? [{ key: 'recognition', values: { outcome: parsed.data.recognition.outcome } }]
        : []),
      ...(parsed.data.responderReference.trim() !== ''
        ? [{ key: 'responderReference', values: { reference: parsed.data.responderReference } }]
        : []),
      { key: 'summary', values: { summary: parsed.data.summary } },
    ],
  );
}

function planDecision(
  bundle: VerifiedImport,
  body: PayloadBody<'decision'>,
  local: ImportLocalState,
): ImportPlan | ImportRefusal {
  const sent = local.ledger.find(
    (entry) =>
      entry.direction === 'sent' &&
      entry.kind === 'challenge' &&
      entry.peerKey === bundle.senderKey &&
      entry.caseRef === body.caseRef,
  );
  const c = sent?.caseId ? local.findCase(sent.caseId) : undefined;
  if (!sent || !c)
    return refuse('IMPORT_NO_MATCHING_CASE', [
      `this decision is about case ${body.caseRef}, whose challenge this office did not send to ${bundle.senderName}`,
    ]);
  const parsed = decisionCaseSchema.safeParse(body.case);
  if (!parsed.success)
    return refuse('IMPORT_CONTENT_INVALID', [
      `the decision is not valid (${parsed.error.issues[0]?.message ?? 'schema'})`,
    ]);
  const officer = partnerActor(bundle.senderKey, 'redress-officer');
  const actions: { actor: Actor; action: WorkflowAction }[] = [];
  if (c.stage === 'challenge-lodged' || c.review?.officerId !== officer.id)
    actions.push({ actor: officer, action: { type: 'begin-review' } });
  actions.push({
    actor: officer,
    action: {
      type: 'decide',
      outcome: parsed.data.outcome,
      reasons: parsed.data.reasons,
      remedies: parsed.data.remedies,
    },
  });
  return planUpdate(bundle, local, c, actions, [
    {
      key: 'decisionFor',
      values: { reference: c.references.local, office: bundle.senderName, decision: parsed.data.outcome },
    },
    ...parsed.data.remedies.map((remedy) => ({
      key: 'remedy',
      values: { remedy: remedy.code, due: remedy.dueAt },
    })),
  ]);
}

function planReceipt(
  bundle: VerifiedImport,
  body: PayloadBody<'receipt'>,
  local: ImportLocalState,
): ImportPlan | ImportRefusal {
  const sent = sentEntryFor(local.ledger, bundle.senderKey, body.receivedBundleId, body.headerDigest);
  if (!sent)
    return refuse('IMPORT_NO_MATCHING_CASE', [
      `this receipt acknowledges bundle ${body.receivedBundleId.slice(0, 8)}…, which this office did not send to ${bundle.senderName}`,
    ]);
  // A sent bundle gets one answer: a later receipt (a second copy, or one that contradicts the first) changes nothing.
  if (sent.status === 'delivered' || sent.status === 'refused')
    return refuse('IMPORT_ALREADY_DELIVERED', [
      `bundle ${sent.bundleId.slice(0, 8)}… is already marked ${sent.status}; nothing changed`,
    ]);
  const refused = body.status === 'refused';
  const code = body.refusalCode ?? '';
  // `sent` is the entry as it will be stored: a refused bundle was never delivered, and keeps the partner's code.
  const answered: LedgerEntry = refused
    ? { ...sent, status: 'refused', deliveredAt: null, refusalCode: code }
    : { ...sent, status: 'delivered', deliveredAt: local.context.clock.now().getTime() };
  const c = sent.caseId ? local.findCase(sent.caseId) : undefined;
  const preview: PreviewLine[] = [
    {
      key: refused ? 'receiptRefusedBecause' : 'receiptDelivered',
      values: { bundle: sent.bundleId.slice(0, 8), kind: sent.kind, office: bundle.senderName, code },
    },
  ];
  if (!c) return { ok: true, type: 'receipt', sent: answered, case: null, expectedHead: null, events: [], preview };
  const noted = recordNote(c, local.actor, local.context, 'receipt-imported', {
    bundleId: sent.bundleId,
    status: body.status,
    ...(refused ? { refusalCode: code } : {}),
    receiptBundleId: bundle.bundleId,
    ...(local.expiryOverride ? { expiryOverridden: 'yes' } : {}),
  });
  return {
    ok: true,
    type: 'receipt',
    sent: answered,
    case: noted.case,
    expectedHead: c.audit,
    events: [noted.event],
    preview,
  };
}
