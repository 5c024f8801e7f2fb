import { z } from 'zod';
import { jurisdictionCodeSchema, termCodeSchema, type Language } from '../domain/primitives';
import challengeGroundsData from './data/challenge-grounds.json';
import dataCategoriesData from './data/data-categories.json';
import jurisdictionsData from './data/jurisdictions.json';
import legalBasesData from './data/legal-bases.json';
import outcomesData from './data/outcomes.json';
import refusalGroundsData from './data/refusal-grounds.json';
import remediesData from './data/remedies.json';

/** Every term carries a label in each shipped language, so two offices mean the same thing by the same code. */
const label = z.string().trim().min(1);
const labelsSchema = z.strictObject({ en: label, fr: label, de: label, es: label }) satisfies z.ZodType<
  Record<Language, string>
>;

const vocabularyFile = <T extends z.ZodRawShape>(name: string, code: z.ZodString, extra: T) =>
  z.strictObject({
    vocabulary: z.literal(name),
    /** Bumped whenever a term is added or a label changes; codes are never reused for another meaning. */
    version: z.string().regex(/^\d{4}\.\d+$/),
    note: z.string(),
    terms: z
      .array(
        z.strictObject({
          code,
          /** What staff read in the interface; may carry an instruction ("cite it in the free text"). */
          labels: labelsSchema,
          /** What a citizen reads on a notice or decision letter, where it differs from the staff label. */
          citizenLabels: labelsSchema.optional(),
          ...extra,
        }),
      )
      .min(1),
  });

/** Codes are identifiers shared between offices: a duplicate would make one of two meanings unreachable. */
function withUniqueCodes<F extends { vocabulary: string; terms: readonly { code: string }[] }>(file: F): F {
  const seen = new Set<string>();
  for (const term of file.terms) {
    if (seen.has(term.code)) throw new Error(`Vocabulary ${file.vocabulary} lists code "${term.code}" twice.`);
    seen.add(term.code);
  }
  return file;
}

export const jurisdictionsFileSchema = vocabularyFile('jurisdictions', jurisdictionCodeSchema, {
  timeZone: z.string().min(1),
  group: z.enum(['eu', 'eea', 'other']),
});
export const dataCategoriesFileSchema = vocabularyFile('data-categories', termCodeSchema, {
  sensitivity: z.enum(['personal', 'sensitive']),
});
/** Each ground names the procedures it belongs to and the article it cites ('any-other': procedures listing none). */
export const refusalGroundsFileSchema = vocabularyFile('refusal-grounds', termCodeSchema, {
  procedures: z.array(z.string().min(1)).min(1),
  source: z.string().min(1),
});
export const plainVocabularyFileSchema = (name: string) => vocabularyFile(name, termCodeSchema, {});

export const VOCABULARIES = {
  jurisdictions: withUniqueCodes(jurisdictionsFileSchema.parse(jurisdictionsData)),
  'legal-bases': withUniqueCodes(plainVocabularyFileSchema('legal-bases').parse(legalBasesData)),
  'data-categories': withUniqueCodes(dataCategoriesFileSchema.parse(dataCategoriesData)),
  'challenge-grounds': withUniqueCodes(plainVocabularyFileSchema('challenge-grounds').parse(challengeGroundsData)),
  remedies: withUniqueCodes(plainVocabularyFileSchema('remedies').parse(remediesData)),
  outcomes: withUniqueCodes(plainVocabularyFileSchema('outcomes').parse(outcomesData)),
  'refusal-grounds': withUniqueCodes(refusalGroundsFileSchema.parse(refusalGroundsData)),
};

export type VocabularyName = keyof typeof VOCABULARIES;
export type Jurisdiction = (typeof VOCABULARIES)['jurisdictions']['terms'][number];
export type DataCategory = (typeof VOCABULARIES)['data-categories']['terms'][number];
export type RefusalGround = (typeof VOCABULARIES)['refusal-grounds']['terms'][number];

type AnyTerm = {
  readonly code: string;
  readonly labels: Record<Language, string>;
  readonly citizenLabels?: Record<Language, string> | undefined;
};

const indexes = new Map<VocabularyName, Map<string, AnyTerm>>(
  (Object.keys(VOCABULARIES) as VocabularyName[]).map((name) => [
    name,
    new Map(VOCABULARIES[name].terms.map((term: AnyTerm) => [term.code, term])),
  ]),
);

export function findTerm(vocabulary: VocabularyName, code: string): AnyTerm | undefined {
  return indexes.get(vocabulary)?.get(code);
}

export const isKnownCode = (vocabulary: VocabularyName, code: string): boolean =>
  findTerm(vocabulary, code) !== undefined;

/** The label in `language`, or the code itself when unknown (so a newer partner's code still shows something). */
export const termLabel = (vocabulary: VocabularyName, code: string, language: Language): string =>
  findTerm(vocabulary, code)?.labels[language] ?? code;

/**
 * The label a citizen reads on a notice or decision letter: the term's citizen label where it has one (a staff label
 * may carry an instruction to the caseworker), else its label; the code itself when unknown.
 */
export const citizenLabel = (vocabulary: VocabularyName, code: string, language: Language): string => {
  const term = findTerm(vocabulary, code);
  return term?.citizenLabels?.[language] ?? term?.labels[language] ?? code;
};

export const findJurisdiction = (code: string): Jurisdiction | undefined =>
  VOCABULARIES.jurisdictions.terms.find((term) => term.code === code);

export const findDataCategory = (code: string): DataCategory | undefined =>
  VOCABULARIES['data-categories'].terms.find((term) => term.code === code);

export const vocabularyVersions = (): Record<VocabularyName, string> =>
  Object.fromEntries(
    (Object.keys(VOCABULARIES) as VocabularyName[]).map((name) => [name, VOCABULARIES[name].version]),
  ) as Record<VocabularyName, string>;

/**
 * The grounds on which the receiving office may refuse a request under this procedure (EIO Art. 11, Reg. 2023/1543
 * Art. 12, GDPR Art. 61(4)); for a procedure that lists none, the one ground that asks for it in the reasons.
 */
export function refusalGroundsFor(procedureId: string): readonly RefusalGround[] {
  const terms = VOCABULARIES['refusal-grounds'].terms;
  const own = terms.filter((term) => term.procedures.includes(procedureId));
  return own.length > 0 ? own : terms.filter((term) => term.procedures.includes('any-other'));
}
