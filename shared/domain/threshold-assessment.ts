import { z } from 'zod';

/**
 * The four statements that make access legitimate. A draft may hold them half-written; authorisation (and every
 * stage after it) requires each to say something.
 */
export const thresholdAssessmentSchema = z.strictObject({
  necessity: z.string(),
  proportionality: z.string(),
  nonDiscrimination: z.string(),
  minimisation: z.string(),
});
export type ThresholdAssessment = z.infer<typeof thresholdAssessmentSchema>;

const statement = (what: string) => z.string().trim().min(1, `${what} statement is empty`);

export const completeThresholdAssessmentSchema = z.strictObject({
  necessity: statement('necessity'),
  proportionality: statement('proportionality'),
  nonDiscrimination: statement('non-discrimination'),
  minimisation: statement('data minimisation'),
});

export const EMPTY_ASSESSMENT: ThresholdAssessment = {
  necessity: '',
  proportionality: '',
  nonDiscrimination: '',
  minimisation: '',
};

/** Human messages for each missing statement, in a fixed order. */
export function missingAssessmentStatements(assessment: ThresholdAssessment): string[] {
  const parsed = completeThresholdAssessmentSchema.safeParse(assessment);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}
