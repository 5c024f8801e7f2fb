import { sealAuditEvent } from '../audit/audit-chain';
import { EMPTY_AUDIT_HEAD } from '../audit/audit-event';
import { type Actor } from '../domain/actor';
import { type Case } from '../domain/case';
import { type CaseKind } from '../domain/case-stage';
import { type Incoming } from '../domain/incoming-request';
import { type Challenge } from '../domain/redress';
import { EMPTY_ASSESSMENT } from '../domain/threshold-assessment';
import { DEFAULT_PROCEDURE, findProcedureTemplate } from '../procedures/procedure-registry';
import { type ProcedureRef } from '../procedures/procedure-template';
import { findDataCategory, findJurisdiction } from '../vocab/vocabulary';
import { deadlineChangeDetails } from './deadline-marks';
import { nothingYet } from './open-case';
import { draftChangeProblems } from './steps/draft-steps';
import { periodStartRefusal, startPeriodsOn, startReceivingOfficePeriods } from './step-helpers';
import { stepEnv } from './transition';
import { type DraftChanges } from './workflow-action';
import { workflowMessage, type WorkflowMessage } from './workflow-message';
import { refuse, type TransitionResult, type WorkflowContext } from './workflow-types';

/** The case facts a partner's bundle carries, already parsed (the importer's shared-case schema). */
export type IncomingFields = Pick<
  DraftChanges,
  'purpose' | 'legalBasis' | 'dataCategoryCodes' | 'dataTimeRange' | 'parties' | 'affectedPeople' | 'emergency'
> & { readonly assessment?: Case['assessment'] };

export type IncomingCaseInput = {
  readonly id: string;
  readonly reference: string;
  readonly kind: CaseKind;
  readonly title: string;
  readonly originatingJurisdiction: string;
  /** The procedure the sender named; the generic one when the sender named none. */
  readonly procedure: ProcedureRef | undefined;
  readonly incoming: Incoming;
  readonly fields: IncomingFields;
  /** A request opens an executing case; a challenge (with what the challenger says) a redress-body case. */
  readonly opens: { readonly side: 'executing' } | { readonly side: 'redress-body'; readonly challenge: Challenge };
};

/**
 * A case opened here from another office's bundle: this office's own work on the other side of the procedure. A
 * request starts at "received", with the periods the procedure gives the receiving office running from receipt; a
 * challenge starts at "challenge-lodged", with the redress decision period running. It is never a draft to
 * authorise: the issuing office authorised it, and its assessment is kept as the issuer wrote it.
 */
export function openIncomingCase(input: IncomingCaseInput, actor: Actor, context: WorkflowContext): TransitionResult {
  const procedure = input.procedure ?? DEFAULT_PROCEDURE;
  const missing: WorkflowMessage[] = [...draftChangeProblems(input.fields)];
  if (!findJurisdiction(input.originatingJurisdiction))
    missing.push(workflowMessage('jurisdiction-unknown', { jurisdiction: input.originatingJurisdiction }));
  if (!findProcedureTemplate(procedure))
    missing.push(workflowMessage('procedure-unknown', { procedure: procedure.id, version: procedure.version }));
  if (missing.length > 0) return refuse('invalid-input', missing);
  const now = context.clock.now().toISOString();
  const { fields } = input;
  const opened: Case = {
    schemaVersion: 1,
    id: input.id,
    references: {
      local: input.reference,
      partner: [{ jurisdiction: input.incoming.from.jurisdiction, reference: input.incoming.from.reference }],
    },
    title: input.title,
    kind: input.kind,
    side: input.opens.side,
    stage: input.opens.side === 'executing' ? 'received' : 'challenge-lodged',
    createdAt: now,
    createdBy: actor.id,
    // Nobody here carries it yet: someone takes it on.
    ownerId: null,
    updatedAt: now,
    originatingJurisdiction: input.originatingJurisdiction,
    partnerJurisdiction: input.incoming.from.jurisdiction,
    parties: fields.parties ?? [],
    affectedPeople: (fields.affectedPeople ?? []).map((p) => ({ ...p, notice: { state: 'pending' as const } })),
    legalBasis: fields.legalBasis ?? { code: null, text: '' },
    purpose: fields.purpose ?? '',
    dataCategories: (fields.dataCategoryCodes ?? []).map((code) => ({
      code,
      sensitivity: findDataCategory(code)?.sensitivity ?? 'sensitive',
    })),
    dataTimeRange: fields.dataTimeRange ?? null,
    assessment: fields.assessment ?? EMPTY_ASSESSMENT,
    emergency: fields.emergency ? { ...fields.emergency, reviews: [] } : null,
    retention: { purgeAt: null, basis: '' },
    procedure,
    ...nothingYet(),
    incoming: input.incoming,
    challenge: input.opens.side === 'redress-body' ? input.opens.challenge : null,
    caseworkerIds: [actor.id],
  };
  const env = stepEnv(opened, context);
  const started =
    input.opens.side === 'executing'
      ? startReceivingOfficePeriods(opened, 'receipt', env, input.incoming.receivedAt)
      : startPeriodsOn(opened, 'challenge-lodged', env);
  if (!started.ok) return periodStartRefusal(started.error);
  const { event, head } = sealAuditEvent(
    input.id,
    EMPTY_AUDIT_HEAD,
    {
      at: now,
      actor: { id: actor.id, role: actor.role },
      type: 'case-created',
      action: input.opens.side === 'executing' ? 'receive-request' : 'receive-challenge',
      fromStage: opened.stage,
      toStage: opened.stage,
      details: {
        kind: input.kind,
        side: input.opens.side,
        originatingJurisdiction: input.originatingJurisdiction,
        // As the transparency report counts them (a code, never the text; a date), for the oversight body's check.
        legalBasis: opened.legalBasis.code ?? 'other',
        emergencySunsetAt: opened.emergency?.sunsetAt ?? null,
        procedure: procedure.id,
        procedureVersion: procedure.version,
        bundleId: input.incoming.bundleId,
        receivedAt: input.incoming.receivedAt,
        deadlinesStarted: started.value.map((d) => d.id),
        ...deadlineChangeDetails([], started.value),
      },
    },
    context,
  );
  return { ok: true, case: { ...opened, deadlines: started.value, audit: head }, event };
}
