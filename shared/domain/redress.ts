import { z } from 'zod';
import { entityIdSchema, instantSchema, termCodeSchema } from './primitives';

export const challengeSchema = z.strictObject({
  lodgedAt: instantSchema,
  recordedBy: entityIdSchema,
  /** The affected person who challenges; null when the challenger is a party (e.g. the platform). */
  personId: entityIdSchema.nullable(),
  grounds: z.array(termCodeSchema).min(1),
  statement: z.string(),
  attachmentIds: z.array(entityIdSchema),
});
export type Challenge = z.infer<typeof challengeSchema>;

export const OUTCOMES = ['upheld', 'modified', 'quashed'] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

export const decisionSchema = z.strictObject({
  outcome: outcomeSchema,
  reasons: z.string().min(1),
  decidedAt: instantSchema,
  decidedBy: entityIdSchema,
});
export type Decision = z.infer<typeof decisionSchema>;

/** A remedy the decision ordered, tracked as a task until done. */
export const remedyTaskSchema = z.strictObject({
  id: entityIdSchema,
  code: termCodeSchema,
  description: z.string(),
  dueAt: instantSchema,
  done: z.strictObject({ at: instantSchema, by: entityIdSchema, note: z.string() }).nullable(),
});
export type RemedyTask = z.infer<typeof remedyTaskSchema>;
