import { z } from 'zod';
import { type CaseKind, caseKindSchema } from '../domain/case-stage';
import { durationSchema } from '../deadlines/duration';

export const PERIOD_PURPOSES = ['response', 'challenge-window', 'decision', 'tracked'] as const;
/**
 * How Casebridge starts a period: on a workflow event, by hand (now or at a recorded date), or by hand at the
 * recorded date of `receipt` (a requested authority's period runs from receipt, which only the user can record).
 */
export const PERIOD_STARTS = ['request-sent', 'notice-issued', 'challenge-lodged', 'manual', 'receipt'] as const;
/** The event the legal text counts from; `unverified` where no text at hand says it. */
export const START_EVENTS = [
  'sending',
  'receipt',
  'notification',
  'consultation',
  'referral',
  'adoption',
  'decision',
  'lodging',
  'period-end',
  'unverified',
] as const;
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
  tracked: ['request-sent', 'manual', 'receipt'],
};

const civilDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const procedurePeriodSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    purpose: z.enum(PERIOD_PURPOSES),
    startsOn: z.enum(PERIOD_STARTS),
    /** What the legal text counts from (startsOn says how Casebridge starts it; docs/legal-sources.md). */
    startEvent: z.enum(START_EVENTS),
    /**
     * The period starts only where the case has a data category outside this list (Reg. 2023/1543 Art. 8: no
     * notification for subscriber data or data requested only to identify the user).
     */
    startsOnlyIf: z
      .strictObject({ anyDataCategoryExcept: z.array(z.string().min(1)).min(1), source: z.string().min(1) })
      .optional(),
    /** The partner's response, once recorded, meets the period (the requested authority's reply, Art. 61(2) GDPR). */
    metByResponse: z.literal(true).optional(),
    /**
     * The period is the receiving office's own deadline: at the office that received the request it starts on
     * receipt (the import, or the receipt date a person records) or on its recognition decision, and is met by that
     * decision or by the response it sends. Absent: the receiving office does not run it (a provider's period).
     */
    atReceivingOffice: z
      .strictObject({ startsOn: z.enum(['receipt', 'recognition']), metBy: z.enum(['recognition', 'response']) })
      .optional(),
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
      .strictObject({
        duration: durationSchema,
        /** null: the text sets no limit (EIO Art. 12(6): reasons and consultation instead). */
        maxCount: z.number().int().min(1).max(10).nullable(),
        source: z.string().min(1),
      })
      .nullable(),
    lapse: z.strictObject({
      outcome: lapseOutcomeSchema,
      description: z.string().min(1),
      /** What the lapse means when the emergency duration applied, where that differs. */
      emergencyDescription: z.string().min(1).optional(),
    }),
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
    /**
     * The legal-basis code (legal-bases vocabulary) a new case under this template starts with, by case kind: the
     * instrument the procedure runs under, so the form does not ask for the same article twice. Absent where the
     * basis depends on the facts (an Art. 12 request, a partner agreement); the user can always change it.
     */
    defaultLegalBasis: z.partialRecord(caseKindSchema, z.string().min(1)).optional(),
    /** Offered for cases opened on or after this date (the case's local opening date, YYYY-MM-DD). */
    applicableFrom: civilDateSchema.optional(),
    /** Offered only for cases opened before this date: a later instrument replaces it. */
    applicableUntil: civilDateSchema.optional(),
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

/** Whether a template is offered for a case of this kind opened on this local date (YYYY-MM-DD). */
export const templateAppliesTo = (template: ProcedureTemplate, kind: CaseKind, openedOn: string): boolean =>
  template.appliesTo.includes(kind) &&
  (template.applicableFrom === undefined || openedOn >= template.applicableFrom) &&
  (template.applicableUntil === undefined || openedOn < template.applicableUntil);

/** Whether a period's condition holds for the data categories a case asks for. */
export const periodConditionMet = (period: ProcedurePeriod, dataCategoryCodes: readonly string[]): boolean =>
  period.startsOnlyIf === undefined ||
  dataCategoryCodes.some((code) => !period.startsOnlyIf?.anyDataCategoryExcept.includes(code));
export type ProcedureRef = { readonly id: string; readonly version: number };

/** The legal basis a case of `kind` under `template` starts with, or '' where the template leaves it to the user. */
export const defaultLegalBasisFor = (template: ProcedureTemplate | undefined, kind: CaseKind): string =>
  template?.defaultLegalBasis?.[kind] ?? '';
