import { z } from 'zod';
import { err, ok, type Result } from '../result';
import {
  lapseOutcomeSchema,
  PERIOD_PURPOSES,
  type ProcedurePeriod,
  type ProcedureTemplate,
} from '../procedures/procedure-template';
import { computeDue } from './compute-due';
import { durationSchema } from './duration';
import { holidayCalendarFor } from './holiday-calendar';
import type { DueExplanation } from './due-explanation';

const instant = z.iso.datetime();

/**
 * A running period on a case. It copies the rule it was started under (duration, extension limit), so a later
 * template version never moves a deadline that is already running.
 */
export const trackedDeadlineSchema = z.strictObject({
  id: z.string().min(1),
  templateId: z.string().min(1),
  templateVersion: z.number().int().positive(),
  periodId: z.string().min(1),
  purpose: z.enum(PERIOD_PURPOSES),
  label: z.string().min(1),
  source: z.string().min(1),
  startedAt: instant,
  timeZone: z.string().min(1),
  /** ISO 3166-1 country, or ISO 3166-2 region (`DE-BY`) when the office counts that region's holidays. */
  calendarJurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/),
  rollForward: z.boolean(),
  emergency: z.boolean(),
  duration: durationSchema,
  /** maxCount null: the text sets no limit on extensions (EIO Art. 12(6)). */
  extensionRule: z
    .strictObject({ duration: durationSchema, maxCount: z.number().int().positive().nullable() })
    .nullable(),
  extensions: z.array(z.strictObject({ at: instant, by: z.string().min(1), reason: z.string().trim().min(1) })),
  suspensions: z.array(
    z.strictObject({ from: instant, to: instant.nullable(), by: z.string().min(1), reason: z.string().trim().min(1) }),
  ),
  /** Stored for fast listing; always equal to recomputing it from the fields above. Null while the clock is stopped. */
  dueAt: instant.nullable(),
  metAt: instant.nullable(),
  lapseOutcome: lapseOutcomeSchema,
});
export type TrackedDeadline = z.infer<typeof trackedDeadlineSchema>;

export type DeadlineState = 'met' | 'paused' | 'running' | 'lapsed';

export function deadlineState(deadline: TrackedDeadline, nowMs: number): DeadlineState {
  if (deadline.metAt !== null) return 'met';
  if (deadline.dueAt === null) return 'paused';
  return Date.parse(deadline.dueAt) < nowMs ? 'lapsed' : 'running';
}

/** Recomputes the due instant from the deadline's own record. */
/** The working-day calendar a deadline names: `DE` (national) or `DE-BY` (with the region's holidays). */
export function calendarOf(calendarJurisdiction: string) {
  const [country = calendarJurisdiction, region = null] = calendarJurisdiction.split('-');
  return holidayCalendarFor(country, region);
}

export function recomputeDue(deadline: Omit<TrackedDeadline, 'dueAt'>): {
  dueAt: string | null;
  notes: readonly string[];
  explanations: readonly DueExplanation[];
} {
  const outcome = computeDue({
    startMs: Date.parse(deadline.startedAt),
    duration: deadline.duration,
    extensions: deadline.extensions.map(() => deadline.extensionRule?.duration).filter((d) => d !== undefined),
    suspensions: deadline.suspensions.map((s) => ({
      fromMs: Date.parse(s.from),
      toMs: s.to === null ? null : Date.parse(s.to),
    })),
    timeZone: deadline.timeZone,
    calendar: calendarOf(deadline.calendarJurisdiction),
    rollForward: deadline.rollForward,
  });
  const { dueMs, notes, explanations } = outcome;
  return { dueAt: dueMs === null ? null : new Date(dueMs).toISOString(), notes, explanations };
}

export type StartPeriodInput = {
  readonly id: string;
  readonly template: ProcedureTemplate;
  readonly period: ProcedurePeriod;
  readonly startedAt: string;
  readonly emergency: boolean;
  readonly clock: { readonly timeZone: string; readonly jurisdiction: string };
};

export function startDeadline(input: StartPeriodInput): Result<TrackedDeadline, 'deadline-bad-time-zone'> {
  const { period, template } = input;
  const base: Omit<TrackedDeadline, 'dueAt'> = {
    id: input.id,
    templateId: template.id,
    templateVersion: template.version,
    periodId: period.id,
    purpose: period.purpose,
    label: period.label,
    source: period.source,
    startedAt: input.startedAt,
    timeZone: input.clock.timeZone,
    calendarJurisdiction: input.clock.jurisdiction,
    rollForward: period.rollForward,
    emergency: input.emergency && period.emergencyDuration !== null,
    duration: input.emergency && period.emergencyDuration ? period.emergencyDuration : period.duration,
    extensionRule: period.extension
      ? { duration: period.extension.duration, maxCount: period.extension.maxCount }
      : null,
    extensions: [],
    suspensions: [],
    metAt: null,
    lapseOutcome: period.lapse.outcome,
  };
  let due: ReturnType<typeof recomputeDue>;
  try {
    due = recomputeDue(base);
  } catch {
    return err(
      'deadline-bad-time-zone',
      `The time zone "${input.clock.timeZone}" is not known. Check the jurisdiction's vocabulary entry.`,
    );
  }
  return ok({ ...base, dueAt: due.dueAt });
}
