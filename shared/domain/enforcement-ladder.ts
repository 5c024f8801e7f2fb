import { z } from 'zod';
import { entityIdSchema, instantSchema } from './primitives';

/** Enforcement climbs one rung at a time; skipping a rung needs a recorded, reviewable exception. */
export const LADDER_RUNGS = ['warning', 'remedial-order', 'penalty', 'invasive-measure'] as const;
export const ladderRungSchema = z.enum(LADDER_RUNGS);
export type LadderRung = z.infer<typeof ladderRungSchema>;

export const ladderStepSchema = z.strictObject({
  id: entityIdSchema,
  rung: ladderRungSchema,
  at: instantSchema,
  by: entityIdSchema,
  reasons: z.string().min(1),
  /** Present when the rung below was never taken. */
  exception: z.strictObject({ reason: z.string().min(1) }).nullable(),
  review: z
    .strictObject({ by: entityIdSchema, at: instantSchema, confirmed: z.boolean(), note: z.string() })
    .nullable(),
});
export type LadderStep = z.infer<typeof ladderStepSchema>;

export const rungBelow = (rung: LadderRung): LadderRung | null => {
  const index = LADDER_RUNGS.indexOf(rung);
  return index > 0 ? (LADDER_RUNGS[index - 1] ?? null) : null;
};
