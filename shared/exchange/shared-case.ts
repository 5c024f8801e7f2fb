import { z } from 'zod';
import type { Case } from '../domain/case';
import { caseKindSchema } from '../domain/case-stage';
import { partySchema } from '../domain/parties';
import {
  digestHexSchema,
  entityIdSchema,
  instantSchema,
  jurisdictionCodeSchema,
  languageSchema,
  termCodeSchema,
} from '../domain/primitives';

/**
 * The case fields a bundle may carry, each one chosen by the sender in the export dialog (minimisation).
 * Everything is optional except the originating jurisdiction: a field left out never leaves the office.
 */
export const SHAREABLE_FIELDS = [
  'title',
  'kind',
  'legalBasis',
  'purpose',
  'dataCategories',
  'dataTimeRange',
  'parties',
  'affectedPeople',
  'emergency',
  'assessment',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

/** Fields that hold personal data: unticked by default, so sending them is a deliberate choice. */
export const PERSONAL_FIELDS: readonly ShareableField[] = ['affectedPeople', 'parties'];

const text = z.string().max(20_000);

export const sharedCaseSchema = z.strictObject({
  originatingJurisdiction: jurisdictionCodeSchema,
  /**
   * The procedure the request is made under (always sent: it is no personal data, and the receiving office's own
   * deadlines and grounds for refusal depend on it). Absent from bundles of earlier versions: the generic procedure.
   */
  procedure: z
    .strictObject({
      id: z
        .string()
        .regex(/^[a-z][a-z0-9-]*$/)
        .max(100),
      version: z.number().int().positive(),
    })
    .optional(),
  title: z.string().max(500).optional(),
  kind: caseKindSchema.optional(),
  legalBasis: z.strictObject({ code: termCodeSchema.nullable(), text }).optional(),
  purpose: text.optional(),
  dataCategories: z.array(termCodeSchema).max(100).optional(),
  dataTimeRange: z.strictObject({ from: instantSchema, to: instantSchema }).nullable().optional(),
  parties: z.array(partySchema).max(100).optional(),
  affectedPeople: z
    .array(
      z.strictObject({
        id: entityIdSchema,
        name: z.string().max(500),
        contactForNotice: z.string().max(1000),
        preferredLanguage: languageSchema,
      }),
    )
    .max(100)
    .optional(),
  emergency: z.strictObject({ justification: text, sunsetAt: instantSchema }).nullable().optional(),
  assessment: z
    .strictObject({ necessity: text, proportionality: text, nonDiscrimination: text, minimisation: text })
    .optional(),
  /** Evidence that travels as attachments, matched to them by content hash. */
  evidence: z
    .array(z.strictObject({ title: z.string().min(1).max(500), contentHash: digestHexSchema }))
    .max(256)
    .optional(),
});
export type SharedCase = z.infer<typeof sharedCaseSchema>;

/** Which fields this case has content for (an empty field is not offered). */
export function presentFields(c: Case): ShareableField[] {
  return SHAREABLE_FIELDS.filter((field) => {
    switch (field) {
      case 'title':
        return c.title.trim() !== '';
      case 'kind':
        return true;
      case 'legalBasis':
        return c.legalBasis.code !== null || c.legalBasis.text.trim() !== '';
      case 'purpose':
        return c.purpose.trim() !== '';
      case 'dataCategories':
        return c.dataCategories.length > 0;
      case 'dataTimeRange':
        return c.dataTimeRange !== null;
      case 'parties':
        return c.parties.length > 0;
      case 'affectedPeople':
        return c.affectedPeople.length > 0;
      case 'emergency':
        return c.emergency !== null;
      case 'assessment':
        return Object.values(c.assessment).some((value) => typeof value === 'string' && value.trim() !== '');
    }
  });
}

/** The fields ticked when the dialog opens: everything present except personal data. */
export function defaultSelection(c: Case): ShareableField[] {
  return presentFields(c).filter((field) => !PERSONAL_FIELDS.includes(field));
}

export type SharedEvidence = { readonly title: string; readonly contentHash: string };

/**
 * Exactly the selected fields of `c`, in the shape the recipient parses. Nothing else of the case is read,
 * so a field the user unticked cannot leak by accident.
 */
export function shareCase(c: Case, fields: readonly ShareableField[], evidence: readonly SharedEvidence[]): SharedCase {
  const chosen = new Set(fields);
  const shared: SharedCase = {
    originatingJurisdiction: c.originatingJurisdiction,
    procedure: { id: c.procedure.id, version: c.procedure.version },
  };
  if (chosen.has('title')) shared.title = c.title;
  if (chosen.has('kind')) shared.kind = c.kind;
  if (chosen.has('legalBasis')) shared.legalBasis = { code: c.legalBasis.code, text: c.legalBasis.text };
  if (chosen.has('purpose')) shared.purpose = c.purpose;
  if (chosen.has('dataCategories')) shared.dataCategories = c.dataCategories.map((category) => category.code);
  if (chosen.has('dataTimeRange'))
    shared.dataTimeRange = c.dataTimeRange ? { from: c.dataTimeRange.from, to: c.dataTimeRange.to } : null;
  if (chosen.has('parties'))
    shared.parties = c.parties.map((party) => ({
      id: party.id,
      role: party.role,
      name: party.name,
      jurisdiction: party.jurisdiction,
    }));
  if (chosen.has('affectedPeople')) {
    shared.affectedPeople = c.affectedPeople.map((person) => ({
      id: person.id,
      name: person.name,
      contactForNotice: person.contactForNotice,
      preferredLanguage: person.preferredLanguage,
    }));
  }
  if (chosen.has('emergency'))
    shared.emergency = c.emergency
      ? { justification: c.emergency.justification, sunsetAt: c.emergency.sunsetAt }
      : null;
  if (chosen.has('assessment')) {
    shared.assessment = {
      necessity: c.assessment.necessity,
      proportionality: c.assessment.proportionality,
      nonDiscrimination: c.assessment.nonDiscrimination,
      minimisation: c.assessment.minimisation,
    };
  }
  if (evidence.length > 0)
    shared.evidence = evidence.map((item) => ({ title: item.title, contentHash: item.contentHash }));
  return shared;
}
