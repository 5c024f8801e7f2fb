import { z } from 'zod';

export const DURATION_UNITS = ['hours', 'calendar-days', 'business-days', 'weeks', 'calendar-months'] as const;
export const durationUnitSchema = z.enum(DURATION_UNITS);
export type DurationUnit = z.infer<typeof durationUnitSchema>;

export const durationSchema = z.strictObject({
  amount: z.number().int().positive().max(10_000),
  unit: durationUnitSchema,
});
export type Duration = z.infer<typeof durationSchema>;

const UNIT_WORDS: Record<DurationUnit, [string, string]> = {
  hours: ['hour', 'hours'],
  'calendar-days': ['day', 'days'],
  'business-days': ['working day', 'working days'],
  weeks: ['week', 'weeks'],
  'calendar-months': ['month', 'months'],
};

export const describeDuration = (d: Duration): string => `${d.amount} ${UNIT_WORDS[d.unit][d.amount === 1 ? 0 : 1]}`;
