import { z } from 'zod';
import { caseKindSchema } from '../domain/case-stage';
import { durationSchema } from '../deadlines/duration';

export const PERIOD_PURPOSES = ['response', 'challenge-window', 'decision', 'tracked'] as const;
export const PERIOD_STARTS = ['request-sent', 'notice-issued', 'challenge-lodged', 'manual'] as const;
export const LAPSE_OUTCOMES = [
  'overdue',
  'deemed-agreement',
  'provisional-measures-allowed',
  'window-closed',
  'preservation-ends',
  'no-grounds-raised',
] as const;
export const lapseOutcomeSchema = z.enum(LAPSE_OUTCOMES);
export type LapseOutcome = z.infer<typeof lapseOutcomeSchema>;

/** Workflow purposes start on a fixed workflow event; a "tracked" period starts on request or by hand. */
const STARTS_FOR: Record<(typeof PERIOD_PURPOSES)[number], readonly (typeof PERIOD_STARTS)[number][]> = {
  response: ['request-sent'],
  'challenge-window': ['notice-issued'],
  decision: ['challenge-lodged'],
  tracked: ['request-sent', 'manual'],
};

export const procedurePeriodSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    purpose: z.enum(PERIOD_PURPOSES),
    startsOn: z.enum(PERIOD_STARTS),
    label: z.string().min(1),
    /** The article a user can check the figure against. */
    source: z.string().min(1),
    duration: durationSchema,
    /** Shorter period that applies when the case is flagged as an emergency. */
    emergencyDuration: durationSchema.nullable(),
    /** Whose calendar and time zone count: the originating office's or the partner's (the one who must act). */
    clock: z.enum(['originating', 'partner']),
    /** EU rule: a period ending on a weekend or public holiday ends on the next working day. */
    rollForward: z.boolean(),
    extension: z
      .strictObject({ duration: durationSchema, maxCount: z.number().int().min(1).max(10), source: z.string().min(1) })
      .nullable(),
    lapse: z.strictObject({ outcome: lapseOutcomeSchema, description: z.string().min(1) }),
  })
  .refine((p) => STARTS_FOR[p.purpose].includes(p.startsOn), {
    message:
      'startsOn does not fit the purpose (response: request-sent, challenge-window: notice-issued, decision: challenge-lodged)',
  });
export type ProcedurePeriod = z.infer<typeof procedurePeriodSchema>;

export const procedureTemplateSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.number().int().positive(),
    title: z.string().min(1),
    instrument: z.string().min(1),
    source: z.string().min(1),
    appliesTo: z.array(caseKindSchema).min(1),
    notice: z
      .strictObject({
        source: z.string().min(1),
        rule: z.string().min(1),
        deferral: z.string().min(1),
        /** Longest single deferral of notice, in months (renewable with reasons); six when absent. */
        maxDeferralMonths: z.number().int().min(1).max(12).optional(),
      })
      .nullable(),
    periods: z.array(procedurePeriodSchema).min(1),
  })
  .refine((t) => new Set(t.periods.map((p) => p.id)).size === t.periods.length, {
    message: 'period ids must be unique',
  })
  .refine(
    (t) =>
      ['response', 'challenge-window', 'decision'].every(
        (purpose) => t.periods.filter((p) => p.purpose === purpose).length <= 1,
      ),
    {
      message: 'a template has at most one period per workflow purpose',
    },
  );
export type ProcedureTemplate = z.infer<typeof procedureTemplateSchema>;
export type ProcedureRef = { readonly id: string; readonly version: number };
