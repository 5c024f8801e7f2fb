import { z } from 'zod';
import { languageSchema, type Language } from './primitives';

/** Free-text fields of a case that are printed for the affected person and so need a version per language. */
export const TRANSLATABLE_FIELDS = ['purpose', 'decision-reasons'] as const;
export const translatableFieldSchema = z.enum(TRANSLATABLE_FIELDS);
export type TranslatableField = z.infer<typeof translatableFieldSchema>;

/**
 * The case's printed free text in other languages. `original` is the language the caseworker wrote it in; a
 * version is a translation of that text, kept apart so the original (which the assessment and the audit trail
 * refer to) never changes. Absent on a case nobody has translated: its text counts as written in English.
 */
export const textVersionsSchema = z.strictObject({
  original: languageSchema,
  purpose: z.partialRecord(languageSchema, z.string().min(1)),
  'decision-reasons': z.partialRecord(languageSchema, z.string().min(1)),
});
export type TextVersions = z.infer<typeof textVersionsSchema>;

export const DEFAULT_TEXT_LANGUAGE: Language = 'en';
