import { z } from 'zod';
import { entityIdSchema, jurisdictionCodeSchema, languageSchema } from './primitives';
import { noticeStatusSchema } from './notice-status';

export const PARTY_ROLES = [
  'originating-authority',
  'partner-authority',
  'lead-authority',
  'concerned-authority',
  'controller',
  'service-provider',
  'complainant-representative',
  'other',
] as const;

export const partySchema = z.strictObject({
  id: entityIdSchema,
  role: z.enum(PARTY_ROLES),
  name: z.string().min(1),
  jurisdiction: jurisdictionCodeSchema.nullable(),
});
export type Party = z.infer<typeof partySchema>;

/** A person the case is about. Personal data: keep to what notice needs. */
export const affectedPersonSchema = z.strictObject({
  id: entityIdSchema,
  name: z.string(),
  contactForNotice: z.string(),
  preferredLanguage: languageSchema,
  notice: noticeStatusSchema,
});
export type AffectedPerson = z.infer<typeof affectedPersonSchema>;
