import { z } from 'zod';

/**
 * The admissibility questions a rights complaint answers before it is admitted (authorised), in the order the form
 * asks them. Each is put so that "yes" favours admission. The provisions behind them are in docs/workflow.md
 * ("A rights complaint is checked for admissibility"); their article numbers are unverified there.
 */
export const ADMISSIBILITY_QUESTIONS = [
  'competent',
  'entitled',
  'inTime',
  'notUnfounded',
  'notDecidedElsewhere',
] as const;
export type AdmissibilityQuestion = (typeof ADMISSIBILITY_QUESTIONS)[number];

/** "unclear" is an honest answer while it is being found out; only "yes" to every question admits. */
export const ADMISSIBILITY_ANSWERS = ['yes', 'no', 'unclear'] as const;
export const admissibilityAnswerSchema = z.enum(ADMISSIBILITY_ANSWERS);
export type AdmissibilityAnswer = z.infer<typeof admissibilityAnswerSchema>;

/** A complaint's admissibility record: one answer per question (null: not answered yet) and the reasons. */
export const admissibilitySchema = z.strictObject({
  competent: admissibilityAnswerSchema.nullable(),
  entitled: admissibilityAnswerSchema.nullable(),
  inTime: admissibilityAnswerSchema.nullable(),
  notUnfounded: admissibilityAnswerSchema.nullable(),
  notDecidedElsewhere: admissibilityAnswerSchema.nullable(),
  reasons: z.string(),
});
export type Admissibility = z.infer<typeof admissibilitySchema>;

export const EMPTY_ADMISSIBILITY: Admissibility = {
  competent: null,
  entitled: null,
  inTime: null,
  notUnfounded: null,
  notDecidedElsewhere: null,
  reasons: '',
};

/** What stands between a complaint and its admission. */
export type AdmissibilityGap =
  | { readonly kind: 'unanswered' | 'unclear' | 'not-met'; readonly question: AdmissibilityQuestion }
  | { readonly kind: 'reasons-empty' };

/**
 * Every gap in a complaint's admissibility record, in form order: each question answered "yes", and the reasons
 * written. A record never started (a complaint stored before the record existed) has every gap.
 */
export function admissibilityGaps(record: Admissibility | undefined): AdmissibilityGap[] {
  const r = record ?? EMPTY_ADMISSIBILITY;
  const gaps: AdmissibilityGap[] = [];
  for (const question of ADMISSIBILITY_QUESTIONS) {
    const answer = r[question];
    if (answer === null) gaps.push({ kind: 'unanswered', question });
    else if (answer === 'unclear') gaps.push({ kind: 'unclear', question });
    else if (answer === 'no') gaps.push({ kind: 'not-met', question });
  }
  if (r.reasons.trim() === '') gaps.push({ kind: 'reasons-empty' });
  return gaps;
}
