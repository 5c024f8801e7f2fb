import { z } from 'zod';
import { caseStageSchema } from './case-stage';
import { entityIdSchema, instantSchema } from './primitives';

/** A step taken back: who, when, from which stage to which, and why. The audit trail signs the same act. */
export const reopeningSchema = z.strictObject({
  at: instantSchema,
  by: entityIdSchema,
  fromStage: caseStageSchema,
  toStage: caseStageSchema,
  reason: z.string().trim().min(1),
});
export type Reopening = z.infer<typeof reopeningSchema>;
