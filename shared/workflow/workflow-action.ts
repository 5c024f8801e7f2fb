import { z } from 'zod';
import { ladderRungSchema } from '../domain/enforcement-ladder';
import { CUSTODY_ACTIONS } from '../domain/evidence';
import { partySchema } from '../domain/parties';
import { requestChannelSchema } from '../domain/request-channel';
import { noNoticeGroundSchema, noticeMethodSchema } from '../domain/notice-status';
import {
  digestHexSchema,
  entityIdSchema,
  instantSchema,
  jurisdictionCodeSchema,
  languageSchema,
  termCodeSchema,
} from '../domain/primitives';
import { translatableFieldSchema } from '../domain/text-versions';
import { recognitionOutcomeSchema } from '../domain/incoming-request';
import { outcomeSchema } from '../domain/redress';
import { admissibilitySchema } from '../domain/admissibility';

/** Fields a caseworker may change while the case is a draft; after authorisation they are frozen. */
export const draftChangesSchema = z.strictObject({
  title: z.string().optional(),
  purpose: z.string().optional(),
  legalBasis: z.strictObject({ code: termCodeSchema.nullable(), text: z.string() }).optional(),
  dataCategoryCodes: z.array(termCodeSchema).optional(),
  dataTimeRange: z.strictObject({ from: instantSchema, to: instantSchema }).nullable().optional(),
  assessment: z
    .strictObject({
      necessity: z.string().optional(),
      proportionality: z.string().optional(),
      nonDiscrimination: z.string().optional(),
      minimisation: z.string().optional(),
    })
    .optional(),
  /** A rights complaint's admissibility record, replaced whole (refused on any other kind). */
  admissibility: admissibilitySchema.optional(),
  emergency: z.strictObject({ justification: z.string(), sunsetAt: instantSchema }).nullable().optional(),
  retention: z.strictObject({ purgeAt: instantSchema.nullable(), basis: z.string() }).optional(),
  partnerJurisdiction: jurisdictionCodeSchema.nullable().optional(),
  procedure: z.strictObject({ id: z.string().min(1), version: z.number().int().positive() }).optional(),
  parties: z.array(partySchema).optional(),
  affectedPeople: z
    .array(
      z.strictObject({
        id: entityIdSchema,
        name: z.string(),
        contactForNotice: z.string(),
        preferredLanguage: languageSchema,
      }),
    )
    .optional(),
  partnerReferences: z
    .array(z.strictObject({ jurisdiction: jurisdictionCodeSchema, reference: z.string().min(1) }))
    .optional(),
});
export type DraftChanges = z.infer<typeof draftChangesSchema>;

const text = z.string();

/** Everything anyone can do to a case. The UI, the bundle importer and the tests all send these. */
export const workflowActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('update-draft'), changes: draftChangesSchema }),
  z.strictObject({ type: z.literal('authorise') }),
  z.strictObject({
    type: z.literal('send-request'),
    /** How it left; the exchange records `bundle`, a person records the other ways. */
    channel: requestChannelSchema.optional(),
    /** When it left, if not now (a request posted yesterday is recorded today). Only the day counts. */
    sentAt: instantSchema.optional(),
    reference: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('record-response'),
    summary: text,
    /** From a response bundle: the answering office's reference and its decision on recognition. */
    responderReference: z.string().min(1).optional(),
    recognition: z.strictObject({ outcome: recognitionOutcomeSchema, grounds: z.array(termCodeSchema) }).optional(),
  }),
  z.strictObject({
    type: z.literal('decide-recognition'),
    outcome: recognitionOutcomeSchema,
    grounds: z.array(termCodeSchema),
    reasons: text,
  }),
  z.strictObject({ type: z.literal('send-response'), summary: text }),
  z.strictObject({ type: z.literal('correct-receipt'), receivedAt: instantSchema, reason: text }),
  z.strictObject({ type: z.literal('set-retention'), purgeAt: instantSchema, basis: text }),
  z.strictObject({
    type: z.literal('issue-notice'),
    personId: entityIdSchema,
    method: noticeMethodSchema,
    language: languageSchema,
  }),
  z.strictObject({
    type: z.literal('defer-notice'),
    personId: entityIdSchema,
    reasons: text,
    reviewAt: instantSchema.nullable(),
  }),
  z.strictObject({
    type: z.literal('withhold-notice'),
    personId: entityIdSchema,
    ground: noNoticeGroundSchema,
    reasons: text,
  }),
  z.strictObject({
    type: z.literal('lodge-challenge'),
    personId: entityIdSchema.nullable(),
    grounds: z.array(termCodeSchema),
    statement: text,
    attachmentIds: z.array(entityIdSchema),
  }),
  z.strictObject({ type: z.literal('close-challenge-window') }),
  z.strictObject({ type: z.literal('begin-review') }),
  z.strictObject({
    type: z.literal('decide'),
    outcome: outcomeSchema,
    reasons: text,
    remedies: z.array(z.strictObject({ code: termCodeSchema, description: text, dueAt: instantSchema })),
  }),
  z.strictObject({ type: z.literal('complete-remedy'), remedyId: entityIdSchema, note: text }),
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('withdraw'), reason: text }),
  /** Takes a mistaken one-way step back, where the workflow allows it (docs/workflow.md §Reopen). */
  z.strictObject({ type: z.literal('reopen'), reason: text }),
  z.strictObject({ type: z.literal('purge') }),
  z.strictObject({
    type: z.literal('take-ladder-rung'),
    rung: ladderRungSchema,
    reasons: text,
    exceptionReason: text.nullable(),
  }),
  z.strictObject({
    type: z.literal('review-ladder-exception'),
    stepId: entityIdSchema,
    confirmed: z.boolean(),
    note: text,
  }),
  z.strictObject({ type: z.literal('review-emergency'), reasons: text, newSunsetAt: instantSchema.nullable() }),
  z.strictObject({ type: z.literal('extend-deadline'), deadlineId: entityIdSchema, reason: text }),
  z.strictObject({ type: z.literal('suspend-deadline'), deadlineId: entityIdSchema, reason: text }),
  z.strictObject({ type: z.literal('resume-deadline'), deadlineId: entityIdSchema }),
  z.strictObject({
    type: z.literal('start-period'),
    periodId: z.string().min(1),
    /** The recorded date of the start event (e.g. receipt by the requested authority); now when absent. */
    startedAt: instantSchema.optional(),
  }),
  z.strictObject({ type: z.literal('mark-period-met'), deadlineId: entityIdSchema }),
  z.strictObject({ type: z.literal('add-note'), text }),
  z.strictObject({
    type: z.literal('record-translation'),
    field: translatableFieldSchema,
    original: languageSchema,
    language: languageSchema,
    text,
  }),
  z.strictObject({ type: z.literal('hand-over'), to: entityIdSchema, reason: text }),
  z.strictObject({
    type: z.literal('add-evidence'),
    title: text,
    mediaType: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    contentHash: digestHexSchema,
    note: text,
  }),
  z.strictObject({
    type: z.literal('record-custody'),
    evidenceId: entityIdSchema,
    action: z.enum(CUSTODY_ACTIONS),
    note: text,
  }),
  z.strictObject({
    type: z.literal('view-sensitive'),
    what: z.enum(['affected-people', 'data-categories', 'evidence', 'challenge-statement', 'response']),
    itemId: entityIdSchema.nullable(),
  }),
  z.strictObject({
    type: z.literal('record-identified-person'),
    name: text,
    contactForNotice: text,
    preferredLanguage: languageSchema,
  }),
  /** A rights complaint closed as inadmissible on its admissibility record (its "no" answers and reasons). */
  z.strictObject({ type: z.literal('declare-inadmissible') }),
]);
export type WorkflowAction = z.infer<typeof workflowActionSchema>;
export type ActionType = WorkflowAction['type'];
export type ActionOf<T extends ActionType> = Extract<WorkflowAction, { type: T }>;

export const ACTION_TYPES = workflowActionSchema.options.map(
  (option) => option.shape.type.value,
) satisfies ActionType[];

/** Parse, don't trust: actions from IPC or a bundle are `unknown` until this accepted them. */
export const parseWorkflowAction = (untrusted: unknown) => workflowActionSchema.safeParse(untrusted);
