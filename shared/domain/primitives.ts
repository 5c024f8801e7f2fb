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

/**
 * The id of a person a case is about, as this office makes it: "person-" and 8 lower-case hex digits, drawn at random
 * when someone adds the person or numbered when a partner's case is imported (the partner's own ids are dropped
 * there), or "identified-" and the audit sequence for a person a response identified. So an id in the audit trail,
 * and in the oversight export made from it, never carries what a partner chose to call someone.
 */
export const AFFECTED_PERSON_ID = /^(?:person-[0-9a-f]{8}|identified-(?:0|[1-9][0-9]{0,8}))$/;

/** A new random affected-person id (32 bits: unique enough among the few people of one case). */
export function newAffectedPersonId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(4));
  return `person-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The local pseudonym of the `index`-th person of an imported case: person-00000001, person-00000002, … */
export function importedPersonId(index: number): string {
  return `person-${(index + 1).toString(16).padStart(8, '0')}`;
}

export const digestHexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-character lower-case hex digest');
