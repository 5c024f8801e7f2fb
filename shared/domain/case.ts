import { z } from 'zod';
import { auditHeadSchema } from '../audit/audit-event';
import { trackedDeadlineSchema } from '../deadlines/tracked-deadline';
import { caseSideSchema } from './case-side';
import { caseKindSchema, caseStageSchema } from './case-stage';
import { ladderStepSchema } from './enforcement-ladder';
import { evidenceItemSchema, noteSchema } from './evidence';
import { reopeningSchema } from './reopening';
import { requestChannelSchema } from './request-channel';
import { incomingSchema, recognitionSchema, replySchema } from './incoming-request';
import { affectedPersonSchema, partySchema } from './parties';
import { entityIdSchema, instantSchema, jurisdictionCodeSchema, termCodeSchema } from './primitives';
import { challengeSchema, decisionSchema, remedyTaskSchema } from './redress';
import { textVersionsSchema } from './text-versions';
import { thresholdAssessmentSchema } from './threshold-assessment';
import { admissibilitySchema } from './admissibility';

export const dataCategorySelectionSchema = z.strictObject({
  code: termCodeSchema,
  /** Copied from the vocabulary when chosen, so the record says how it was treated at the time. */
  sensitivity: z.enum(['personal', 'sensitive']),
});

/** An emergency measure lapses at its sunset unless someone reviews it and records why it must continue. */
export const emergencySchema = z.strictObject({
  justification: z.string(),
  sunsetAt: instantSchema,
  reviews: z.array(
    z.strictObject({
      at: instantSchema,
      by: entityIdSchema,
      reasons: z.string().min(1),
      newSunsetAt: instantSchema.nullable(),
    }),
  ),
});

export const caseReferencesSchema = z.strictObject({
  /** Unique per office, e.g. DE-BFDI-2026-0042. */
  local: z.string().min(1),
  partner: z.array(z.strictObject({ jurisdiction: jurisdictionCodeSchema, reference: z.string().min(1) })),
});

export const caseSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: entityIdSchema,
  references: caseReferencesSchema,
  title: z.string(),
  kind: caseKindSchema,
  /** Which side of the procedure this office is on; absent on cases stored before sides existed (issuing). */
  side: caseSideSchema.optional(),
  stage: caseStageSchema,
  createdAt: instantSchema,
  createdBy: entityIdSchema,
  /** The caseworker who carries the case now (null: unassigned, e.g. a case received from a partner office). */
  ownerId: entityIdSchema.nullable(),
  updatedAt: instantSchema,
  originatingJurisdiction: jurisdictionCodeSchema,
  partnerJurisdiction: jurisdictionCodeSchema.nullable(),
  parties: z.array(partySchema),
  affectedPeople: z.array(affectedPersonSchema),
  legalBasis: z.strictObject({ code: termCodeSchema.nullable(), text: z.string() }),
  purpose: z.string(),
  /** The purpose and the decision's reasons in the languages notices and letters are printed in. */
  textVersions: textVersionsSchema.optional(),
  dataCategories: z.array(dataCategorySelectionSchema),
  dataTimeRange: z.strictObject({ from: instantSchema, to: instantSchema }).nullable(),
  /** Data requests and enforcement actions: the four statements authorisation needs (empty on a complaint). */
  assessment: thresholdAssessmentSchema,
  /** Rights complaints: the admissibility record admission needs (absent until the first answer is saved). */
  admissibility: admissibilitySchema.optional(),
  emergency: emergencySchema.nullable(),
  retention: z.strictObject({ purgeAt: instantSchema.nullable(), basis: z.string() }),
  evidence: z.array(evidenceItemSchema),
  notes: z.array(noteSchema),
  procedure: z.strictObject({ id: z.string().min(1), version: z.number().int().positive() }),
  authorisation: z.strictObject({ by: entityIdSchema, at: instantSchema, secondPerson: z.boolean() }).nullable(),
  request: z
    .strictObject({
      sentAt: instantSchema,
      by: entityIdSchema,
      /** How it left (absent on requests recorded before channels were asked). */
      channel: requestChannelSchema.optional(),
      /** The dispatch reference when it went another way (a registered-post number, a network message id). */
      reference: z.string().optional(),
    })
    .nullable(),
  /** Issuing side: the partner's answer, with its reference and its decision on recognition when it sent them. */
  response: z
    .strictObject({
      receivedAt: instantSchema,
      by: entityIdSchema,
      summary: z.string(),
      responderReference: z.string().min(1).optional(),
      recognition: recognitionSchema.pick({ outcome: true, grounds: true }).optional(),
    })
    .nullable(),
  /** Executing and redress-body sides: the bundle that opened the case here. */
  incoming: incomingSchema.optional(),
  /** Executing side: this office's decision to recognise (and execute) the request, or to refuse it. */
  recognition: recognitionSchema.optional(),
  /** Executing side: the answer this office sent. */
  reply: replySchema.optional(),
  challenge: challengeSchema.nullable(),
  review: z.strictObject({ officerId: entityIdSchema, startedAt: instantSchema }).nullable(),
  decision: decisionSchema.nullable(),
  remedies: z.array(remedyTaskSchema),
  ladder: z.array(ladderStepSchema),
  deadlines: z.array(trackedDeadlineSchema),
  closure: z
    .strictObject({
      at: instantSchema,
      by: entityIdSchema,
      reason: z.enum(['remedies-done', 'window-closed-unchallenged', 'withdrawn', 'answered', 'inadmissible']),
      note: z.string(),
    })
    .nullable(),
  /** Steps taken back by an audited reopen, each with its reason (absent on cases never reopened). */
  reopenings: z.array(reopeningSchema).optional(),
  purgedAt: instantSchema.nullable(),
  /** Everyone who acted on the case as a caseworker: none of them may decide a challenge on it. */
  caseworkerIds: z.array(entityIdSchema),
  audit: auditHeadSchema,
});
export type Case = z.infer<typeof caseSchema>;

/** Parse, don't trust: anything read from storage, IPC or a bundle goes through here. */
export const parseCase = (untrusted: unknown) => caseSchema.safeParse(untrusted);
