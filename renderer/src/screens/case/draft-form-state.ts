import { z } from 'zod';
import type { Case } from '@shared/domain/case';
import { LANGUAGES, type Language } from '@shared/domain/primitives';
import { PROCEDURE_TEMPLATES } from '@shared/procedures/procedure-registry';
import { defaultLegalBasisFor } from '@shared/procedures/procedure-template';
import type { CaseKind } from '@shared/domain/case-stage';
import { draftChangesSchema, type DraftChanges } from '@shared/workflow/workflow-action';
import { EARLIEST_DATA_DAY, TEXT_LIMITS } from '@shared/domain/text-limits';
import {
  admissibilityAnswerSchema,
  type Admissibility,
  type AdmissibilityAnswer,
  type AdmissibilityQuestion,
} from '@shared/domain/admissibility';
import { endOfDateInput, toDateInputValue } from '../../components/useLocaleFormat';

export type PersonRow = {
  readonly id: string;
  readonly name: string;
  readonly contactForNotice: string;
  readonly preferredLanguage: Language;
};

/** What the draft form edits: strings as typed, converted to the workflow's DraftChanges on save. */
export type DraftFormState = {
  readonly title: string;
  readonly purpose: string;
  readonly legalBasisCode: string;
  readonly legalBasisText: string;
  readonly partnerJurisdiction: string;
  readonly platform: string;
  readonly dataCategoryCodes: readonly string[];
  readonly dataFrom: string;
  readonly dataTo: string;
  readonly necessity: string;
  readonly proportionality: string;
  readonly nonDiscrimination: string;
  readonly minimisation: string;
  /** A rights complaint's admissibility answers ('' while unanswered) and reasons; other kinds leave them empty. */
  readonly admissibility: AdmissibilityForm;
  readonly admissibilityReasons: string;
  readonly emergency: boolean;
  readonly emergencyJustification: string;
  readonly emergencySunset: string;
  readonly purgeAt: string;
  readonly retentionBasis: string;
  readonly procedureId: string;
  readonly people: readonly PersonRow[];
};

export type AdmissibilityForm = Readonly<Record<AdmissibilityQuestion, AdmissibilityAnswer | ''>>;

const UNANSWERED: AdmissibilityForm = {
  competent: '',
  entitled: '',
  inTime: '',
  notUnfounded: '',
  notDecidedElsewhere: '',
};

const formAnswerSchema = z.union([admissibilityAnswerSchema, z.literal('')]);

export const isLanguage = (value: string): value is Language => LANGUAGES.some((l) => l === value);

/** The form's shape, for a draft kept across a lock: read back as unknown, used only once it parses. */
export const draftFormStateSchema = z.strictObject({
  title: z.string(),
  purpose: z.string(),
  legalBasisCode: z.string(),
  legalBasisText: z.string(),
  partnerJurisdiction: z.string(),
  platform: z.string(),
  dataCategoryCodes: z.array(z.string()),
  dataFrom: z.string(),
  dataTo: z.string(),
  necessity: z.string(),
  proportionality: z.string(),
  nonDiscrimination: z.string(),
  minimisation: z.string(),
  // Defaults: a draft kept across a lock before complaints asked about admissibility still reads back.
  admissibility: z
    .strictObject({
      competent: formAnswerSchema,
      entitled: formAnswerSchema,
      inTime: formAnswerSchema,
      notUnfounded: formAnswerSchema,
      notDecidedElsewhere: formAnswerSchema,
    })
    .default(UNANSWERED),
  admissibilityReasons: z.string().default(''),
  emergency: z.boolean(),
  emergencyJustification: z.string(),
  emergencySunset: z.string(),
  purgeAt: z.string(),
  retentionBasis: z.string(),
  procedureId: z.string(),
  people: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      contactForNotice: z.string(),
      preferredLanguage: z.enum(LANGUAGES),
    }),
  ),
}) satisfies z.ZodType<DraftFormState>;

const dateOnly = (iso: string | null | undefined) => (iso ? toDateInputValue(Date.parse(iso)) : '');

const templateDefault = (procedureId: string, kind: CaseKind) =>
  defaultLegalBasisFor(
    PROCEDURE_TEMPLATES.find((t) => t.id === procedureId),
    kind,
  );

/** An empty form under a procedure; the legal basis starts as the one the procedure names for this kind, if any. */
export function emptyDraftForm(procedureId: string, kind?: CaseKind): DraftFormState {
  return {
    title: '',
    purpose: '',
    legalBasisCode: kind ? templateDefault(procedureId, kind) : '',
    legalBasisText: '',
    partnerJurisdiction: '',
    platform: '',
    dataCategoryCodes: [],
    dataFrom: '',
    dataTo: '',
    necessity: '',
    proportionality: '',
    nonDiscrimination: '',
    minimisation: '',
    admissibility: UNANSWERED,
    admissibilityReasons: '',
    emergency: false,
    emergencyJustification: '',
    emergencySunset: '',
    purgeAt: '',
    retentionBasis: '',
    procedureId,
    people: [],
  };
}

export function draftFormFromCase(c: Case): DraftFormState {
  return {
    title: c.title,
    purpose: c.purpose,
    legalBasisCode: c.legalBasis.code ?? '',
    legalBasisText: c.legalBasis.text,
    partnerJurisdiction: c.partnerJurisdiction ?? '',
    platform: c.parties.find((p) => p.role === 'controller' || p.role === 'service-provider')?.name ?? '',
    dataCategoryCodes: c.dataCategories.map((d) => d.code),
    dataFrom: dateOnly(c.dataTimeRange?.from),
    dataTo: dateOnly(c.dataTimeRange?.to),
    necessity: c.assessment.necessity,
    proportionality: c.assessment.proportionality,
    nonDiscrimination: c.assessment.nonDiscrimination,
    minimisation: c.assessment.minimisation,
    admissibility: {
      competent: c.admissibility?.competent ?? '',
      entitled: c.admissibility?.entitled ?? '',
      inTime: c.admissibility?.inTime ?? '',
      notUnfounded: c.admissibility?.notUnfounded ?? '',
      notDecidedElsewhere: c.admissibility?.notDecidedElsewhere ?? '',
    },
    admissibilityReasons: c.admissibility?.reasons ?? '',
    emergency: c.emergency !== null,
    emergencyJustification: c.emergency?.justification ?? '',
    emergencySunset: dateOnly(c.emergency?.sunsetAt),
    purgeAt: dateOnly(c.retention.purgeAt),
    retentionBasis: c.retention.basis,
    procedureId: c.procedure.id,
    people: c.affectedPeople.map((p) => ({
      id: p.id,
      name: p.name,
      contactForNotice: p.contactForNotice,
      preferredLanguage: p.preferredLanguage,
    })),
  };
}

/** The form's fields that can carry a problem, in the order they appear (people rows by position). */
export type DraftField =
  | 'title'
  | 'platform'
  | 'legalBasisText'
  | 'purpose'
  | 'dataFrom'
  | 'dataTo'
  | `person-${number}-name`
  | `person-${number}-contact`
  | Statement
  | 'admissibilityReasons'
  | 'emergencyJustification'
  | 'emergencySunset'
  | 'purgeAt'
  | 'retentionBasis';

export const STATEMENTS = ['necessity', 'proportionality', 'nonDiscrimination', 'minimisation'] as const;
type Statement = (typeof STATEMENTS)[number];

/** One field's problem: a catalog code under `draft.errors`, with the limit for a text that is too long. */
export type FieldProblem = { readonly code: string; readonly limit?: number };

/** Problems by field, in form order (an object keeps insertion order: the error summary lists them so). */
export type FormErrors = Partial<Record<DraftField, FieldProblem>>;

/** The element id of a field of the draft form: the error summary links to it. One draft form is on screen at a time. */
export const draftFieldId = (field: DraftField | 'reference'): string => `draft-${field}`;

const tooLong = (value: string, limit: number): FieldProblem | null =>
  value.length > limit ? { code: 'too-long', limit } : null;

/**
 * What stops the draft from being saved as typed: a text over its limit, a date that is not a date or is out of
 * range, a period that is half given or reversed. `today` is the local day (YYYY-MM-DD): stored data cannot come
 * from after it, and a purge or sunset date must come after it. What authorisation needs comes from the workflow.
 */
export function draftFormProblems(form: DraftFormState, today: string): FormErrors {
  const errors: { -readonly [K in DraftField]?: FieldProblem } = {};
  const check = (field: DraftField, problem: FieldProblem | null) => {
    if (problem && !errors[field]) errors[field] = problem;
  };
  check('title', tooLong(form.title, TEXT_LIMITS.title));
  check('platform', tooLong(form.platform, TEXT_LIMITS.platform));
  check('legalBasisText', tooLong(form.legalBasisText, TEXT_LIMITS.legalBasisText));
  check('purpose', tooLong(form.purpose, TEXT_LIMITS.purpose));
  const from = form.dataFrom ? endOfDateInput(form.dataFrom) : null;
  const to = form.dataTo ? endOfDateInput(form.dataTo) : null;
  if (form.dataFrom && !from) check('dataFrom', { code: 'invalid-date' });
  if (form.dataTo && !to) check('dataTo', { code: 'invalid-date' });
  if (from && form.dataFrom < EARLIEST_DATA_DAY) check('dataFrom', { code: 'date-too-early' });
  if (from && form.dataFrom > today) check('dataFrom', { code: 'data-in-future' });
  if (to && form.dataTo > today) check('dataTo', { code: 'data-in-future' });
  if ((from && !to) || (!from && to)) check('dataTo', { code: 'range-incomplete' });
  if (from && to && Date.parse(to) < Date.parse(from)) check('dataTo', { code: 'range-reversed' });
  form.people.forEach((person, index) => {
    check(`person-${index}-name`, tooLong(person.name, TEXT_LIMITS.personName));
    check(`person-${index}-contact`, tooLong(person.contactForNotice, TEXT_LIMITS.personContact));
  });
  for (const statement of STATEMENTS) check(statement, tooLong(form[statement], TEXT_LIMITS.statement));
  check('admissibilityReasons', tooLong(form.admissibilityReasons, TEXT_LIMITS.admissibilityReasons));
  if (form.emergency) {
    check('emergencyJustification', tooLong(form.emergencyJustification, TEXT_LIMITS.emergencyJustification));
    const sunset = form.emergencySunset ? endOfDateInput(form.emergencySunset) : null;
    if (!sunset) check('emergencySunset', { code: 'sunset-needed' });
    else if (form.emergencySunset <= today) check('emergencySunset', { code: 'sunset-not-future' });
  }
  const purgeAt = form.purgeAt ? endOfDateInput(form.purgeAt) : null;
  if (form.purgeAt && !purgeAt) check('purgeAt', { code: 'invalid-date' });
  else if (purgeAt && form.purgeAt <= today) check('purgeAt', { code: 'purge-not-future' });
  check('retentionBasis', tooLong(form.retentionBasis, TEXT_LIMITS.retentionBasis));
  return errors;
}

/**
 * What a first save needs besides the draft's problems, shown once the user tried: a title, and a name and a
 * contact for every person added (codes under `draft.errors`).
 */
export function draftFormMissing(form: DraftFormState): FormErrors {
  const missing: { -readonly [K in DraftField]?: FieldProblem } = {};
  if (form.title.trim() === '') missing.title = { code: 'titleEmpty' };
  form.people.forEach((person, index) => {
    if (person.name.trim() === '') missing[`person-${index}-name`] = { code: 'nameEmpty' };
    if (person.contactForNotice.trim() === '') missing[`person-${index}-contact`] = { code: 'contactEmpty' };
  });
  return missing;
}

/** The fields in the order the form of this kind shows them: the error summary follows it. */
export function draftFieldOrder(form: DraftFormState, kind: CaseKind): readonly DraftField[] {
  return [
    'title',
    'platform',
    'legalBasisText',
    'purpose',
    'dataFrom',
    'dataTo',
    ...form.people.flatMap((_, index) => [`person-${index}-name` as const, `person-${index}-contact` as const]),
    ...(kind === 'rights-complaint' ? (['admissibilityReasons'] as const) : STATEMENTS),
    'emergencyJustification',
    'emergencySunset',
    'purgeAt',
    'retentionBasis',
  ];
}

/**
 * The workflow's draft changes from what the form holds, or null while the form has problems (`draftFormProblems`):
 * nothing out of range or over a limit is ever sent.
 */
export function draftChangesFromForm(
  form: DraftFormState,
  kind: CaseKind,
  today: string,
): { changes: DraftChanges | null; errors: FormErrors } {
  const errors = draftFormProblems(form, today);
  if (Object.keys(errors).length > 0) return { changes: null, errors };
  const from = form.dataFrom ? endOfDateInput(form.dataFrom) : null;
  const to = form.dataTo ? endOfDateInput(form.dataTo) : null;
  const purgeAt = form.purgeAt ? endOfDateInput(form.purgeAt) : null;
  const sunset = form.emergencySunset ? endOfDateInput(form.emergencySunset) : null;
  const changes = {
    title: form.title,
    purpose: form.purpose,
    legalBasis: { code: form.legalBasisCode || null, text: form.legalBasisText },
    dataCategoryCodes: [...form.dataCategoryCodes],
    dataTimeRange: from && to ? { from, to } : null,
    // A complaint is asked about admissibility; the others about necessity and proportionality.
    ...(kind === 'rights-complaint'
      ? { admissibility: admissibilityFromForm(form) }
      : {
          assessment: {
            necessity: form.necessity,
            proportionality: form.proportionality,
            nonDiscrimination: form.nonDiscrimination,
            minimisation: form.minimisation,
          },
        }),
    emergency: form.emergency && sunset ? { justification: form.emergencyJustification, sunsetAt: sunset } : null,
    retention: { purgeAt, basis: form.retentionBasis },
    partnerJurisdiction: form.partnerJurisdiction || null,
    procedure: {
      id: form.procedureId,
      version: PROCEDURE_TEMPLATES.find((t) => t.id === form.procedureId)?.version ?? 1,
    },
    parties: form.platform.trim()
      ? [
          {
            id: 'platform',
            role: 'controller' as const,
            name: form.platform.trim(),
            jurisdiction: form.partnerJurisdiction || null,
          },
        ]
      : [],
    affectedPeople: form.people.map((p) => ({ ...p })),
  } satisfies DraftChanges;
  // Parse, don't trust: the same schema the workflow uses guards what the form produced.
  const parsed = draftChangesSchema.safeParse(changes);
  if (!parsed.success)
    throw new Error(`The draft form produced invalid changes: ${parsed.error.issues[0]?.message ?? ''}`);
  return { changes: parsed.data, errors };
}

function admissibilityFromForm(form: DraftFormState): Admissibility {
  const answer = (question: AdmissibilityQuestion) => {
    const value = form.admissibility[question];
    return value === '' ? null : value;
  };
  return {
    competent: answer('competent'),
    entitled: answer('entitled'),
    inTime: answer('inTime'),
    notUnfounded: answer('notUnfounded'),
    notDecidedElsewhere: answer('notDecidedElsewhere'),
    reasons: form.admissibilityReasons,
  };
}

/**
 * The form under another procedure or case kind. The legal basis follows the procedure's default unless the user
 * chose a basis of their own (one that is not the default of what the form was under).
 */
export function withProcedure(
  form: DraftFormState,
  from: CaseKind,
  to: { readonly kind: CaseKind; readonly procedureId: string },
): DraftFormState {
  const own = form.legalBasisCode !== '' && form.legalBasisCode !== templateDefault(form.procedureId, from);
  return {
    ...form,
    procedureId: to.procedureId,
    legalBasisCode: own ? form.legalBasisCode : templateDefault(to.procedureId, to.kind),
  };
}

/**
 * Whether the form holds nothing the user typed or chose: a procedure and the legal basis it names by default are
 * not work that could be lost.
 */
export const isUntouchedDraftForm = (form: DraftFormState, kind: CaseKind): boolean =>
  JSON.stringify(form) === JSON.stringify(emptyDraftForm(form.procedureId, kind));
