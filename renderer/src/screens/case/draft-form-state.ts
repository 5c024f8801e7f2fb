import { z } from 'zod';
import type { Case } from '@shared/domain/case';
import { LANGUAGES, type Language } from '@shared/domain/primitives';
import { PROCEDURE_TEMPLATES } from '@shared/procedures/procedure-registry';
import { draftChangesSchema, type DraftChanges } from '@shared/workflow/workflow-action';
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
  readonly emergency: boolean;
  readonly emergencyJustification: string;
  readonly emergencySunset: string;
  readonly purgeAt: string;
  readonly retentionBasis: string;
  readonly procedureId: string;
  readonly people: readonly PersonRow[];
};

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

export function emptyDraftForm(procedureId: string): DraftFormState {
  return {
    title: '',
    purpose: '',
    legalBasisCode: '',
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

/** Field-level problems a draft can already have (a bad date); what authorisation needs comes from the workflow. */
export type FormErrors = Partial<Record<'dataTo' | 'emergencySunset' | 'purgeAt' | 'dataFrom', string>>;

export function draftChangesFromForm(form: DraftFormState): { changes: DraftChanges; errors: FormErrors } {
  const errors: { -readonly [K in keyof FormErrors]: FormErrors[K] } = {};
  const from = form.dataFrom ? endOfDateInput(form.dataFrom) : null;
  const to = form.dataTo ? endOfDateInput(form.dataTo) : null;
  if (form.dataFrom && !from) errors.dataFrom = 'invalid-date';
  if (form.dataTo && !to) errors.dataTo = 'invalid-date';
  if ((from && !to) || (!from && to)) errors.dataTo = 'range-incomplete';
  if (from && to && Date.parse(to) < Date.parse(from)) errors.dataTo = 'range-reversed';
  const purgeAt = form.purgeAt ? endOfDateInput(form.purgeAt) : null;
  if (form.purgeAt && !purgeAt) errors.purgeAt = 'invalid-date';
  const sunset = form.emergencySunset ? endOfDateInput(form.emergencySunset) : null;
  if (form.emergency && !sunset) errors.emergencySunset = 'sunset-needed';
  const changes = {
    title: form.title,
    purpose: form.purpose,
    legalBasis: { code: form.legalBasisCode || null, text: form.legalBasisText },
    dataCategoryCodes: [...form.dataCategoryCodes],
    dataTimeRange: from && to ? { from, to } : null,
    assessment: {
      necessity: form.necessity,
      proportionality: form.proportionality,
      nonDiscrimination: form.nonDiscrimination,
      minimisation: form.minimisation,
    },
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
