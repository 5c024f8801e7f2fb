import { z } from 'zod';
import { entityIdSchema, instantSchema, jurisdictionCodeSchema, termCodeSchema } from './primitives';

/**
 * Where an incoming case came from: the bundle that opened it here, the sender's words, and the day of receipt
 * that the receiving office's own periods count from.
 */
export const incomingSchema = z.strictObject({
  /** When the request reached this office: the import, or an earlier day a person recorded (a stick left waiting). */
  receivedAt: instantSchema,
  /** When it was imported; a corrected receipt date may lie before it, never after. */
  importedAt: instantSchema,
  /** When the sender built the bundle: the request cannot have been received before. */
  sentAt: instantSchema,
  from: z.strictObject({
    office: z.string(),
    jurisdiction: jurisdictionCodeSchema,
    /** The sender's own case reference. */
    reference: z.string().min(1),
  }),
  /** This office's jurisdiction: its calendar runs the periods the procedure gives the receiving office. */
  ownJurisdiction: jurisdictionCodeSchema,
  bundleId: z.string().regex(/^[0-9a-f]{32}$/),
  /** The covering note the sender wrote in the bundle (`message`), shown on the case as the sender wrote it. */
  coveringNote: z.string().nullable(),
});
export type Incoming = z.infer<typeof incomingSchema>;

/** Accept, accept in part, or refuse to recognise and execute (EIO Art. 11, Reg. 2023/1543 Art. 12, GDPR Art. 61(4)). */
export const RECOGNITION_OUTCOMES = ['accepted', 'accepted-in-part', 'refused'] as const;
export const recognitionOutcomeSchema = z.enum(RECOGNITION_OUTCOMES);
export type RecognitionOutcome = z.infer<typeof recognitionOutcomeSchema>;

export const recognitionSchema = z.strictObject({
  outcome: recognitionOutcomeSchema,
  /** Codes from the refusal-grounds vocabulary that apply to the case's procedure; none when accepted in full. */
  grounds: z.array(termCodeSchema),
  reasons: z.string(),
  at: instantSchema,
  by: entityIdSchema,
});
export type Recognition = z.infer<typeof recognitionSchema>;

/** The answer the receiving office sent back (the response bundle). */
export const replySchema = z.strictObject({ sentAt: instantSchema, by: entityIdSchema, summary: z.string() });
export type Reply = z.infer<typeof replySchema>;
