import { z } from 'zod';

/** A moment in time, always stored as a UTC ISO-8601 string ("2026-03-29T01:00:00.000Z"). */
export const instantSchema = z.iso.datetime({ message: 'expected a UTC date-time like 2026-03-29T10:00:00Z' });
export type Instant = z.infer<typeof instantSchema>;

/** A calendar date without time of day ("2026-02-28"). */
export const calendarDateSchema = z.iso.date({ message: 'expected a date like 2026-02-28' });

/** Vocabulary codes: lower-case words joined by "-" or "." (jurisdictions use ISO 3166 alpha-2). */
export const termCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$/, 'expected a vocabulary code like "gdpr-6-1-e"');
export const jurisdictionCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected a two-letter jurisdiction code like "DE"');

/** Languages Casebridge ships labels and notice templates for. */
export const LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const entityIdSchema = z.string().min(1).max(200);
export const digestHexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-character lower-case hex digest');
