import { z } from 'zod';
import { sealAuditEvent } from '../audit/audit-chain';
import { isOfficeActor } from '../audit/event-signature';
import { EMPTY_AUDIT_HEAD } from '../audit/audit-event';
import { canActAsCaseworker, type Actor } from '../domain/actor';
import { type Case } from '../domain/case';
import { caseKindSchema } from '../domain/case-stage';
import { entityIdSchema, jurisdictionCodeSchema, languageSchema } from '../domain/primitives';
import { EMPTY_ASSESSMENT } from '../domain/threshold-assessment';
import { DEFAULT_PROCEDURE, findProcedureTemplate } from '../procedures/procedure-registry';
import { findJurisdiction } from '../vocab/vocabulary';
import { workflowMessage, type WorkflowMessage } from './workflow-message';
import { refuse, type TransitionResult, type WorkflowContext } from './workflow-types';

export const openCaseInputSchema = z.strictObject({
  id: entityIdSchema,
  reference: z.string().trim().min(1),
  kind: caseKindSchema,
  title: z.string(),
  originatingJurisdiction: jurisdictionCodeSchema,
  procedure: z.strictObject({ id: z.string().min(1), version: z.number().int().positive() }).optional(),
  /** The language the caseworker writes the case's free text in (English when not given). */
  textLanguage: languageSchema.optional(),
});
export type OpenCaseInput = z.infer<typeof openCaseInputSchema>;

/** What every new case starts without, on either side: no records, no steps taken, no audit yet (fresh arrays). */
export const nothingYet = () =>
  ({
    evidence: [],
    notes: [],
    authorisation: null,
    request: null,
    response: null,
    review: null,
    decision: null,
    remedies: [],
    ladder: [],
    deadlines: [],
    closure: null,
    purgedAt: null,
    audit: EMPTY_AUDIT_HEAD,
  }) satisfies Partial<Case>;

/** A new draft case and its first audit event. */
export function openCase(input: OpenCaseInput, actor: Actor, context: WorkflowContext): TransitionResult {
  const missing: WorkflowMessage[] = [];
  if (!canActAsCaseworker(actor)) return refuse('role-not-permitted', [workflowMessage('only-caseworker-opens-case')]);
  if (!findJurisdiction(input.originatingJurisdiction))
    missing.push(workflowMessage('jurisdiction-unknown', { jurisdiction: input.originatingJurisdiction }));
  const procedure = input.procedure ?? DEFAULT_PROCEDURE;
  if (!findProcedureTemplate(procedure))
    missing.push(workflowMessage('procedure-unknown', { procedure: procedure.id, version: procedure.version }));
  if (missing.length > 0) return refuse('invalid-input', missing);
  const now = context.clock.now().toISOString();
  const draft: Case = {
    schemaVersion: 1,
    id: input.id,
    references: { local: input.reference, partner: [] },
    title: input.title,
    kind: input.kind,
    stage: 'draft',
    createdAt: now,
    createdBy: actor.id,
    // A case opened from a partner's bundle waits for someone here to take it on.
    ownerId: isOfficeActor(actor.id) ? null : actor.id,
    updatedAt: now,
    originatingJurisdiction: input.originatingJurisdiction,
    partnerJurisdiction: null,
    parties: [],
    affectedPeople: [],
    legalBasis: { code: null, text: '' },
    purpose: '',
    ...(input.textLanguage && { textVersions: { original: input.textLanguage, purpose: {}, 'decision-reasons': {} } }),
    dataCategories: [],
    dataTimeRange: null,
    assessment: EMPTY_ASSESSMENT,
    emergency: null,
    retention: { purgeAt: null, basis: '' },
    procedure,
    ...nothingYet(),
    challenge: null,
    caseworkerIds: [actor.id],
  };
  const { event, head } = sealAuditEvent(
    input.id,
    EMPTY_AUDIT_HEAD,
    {
      at: now,
      actor: { id: actor.id, role: actor.role },
      type: 'case-created',
      action: 'open-case',
      fromStage: 'draft',
      toStage: 'draft',
      details: {
        kind: input.kind,
        originatingJurisdiction: input.originatingJurisdiction,
        procedure: procedure.id,
        procedureVersion: procedure.version,
      },
    },
    context,
  );
  return { ok: true, case: { ...draft, audit: head }, event };
}
