import { z } from 'zod';
import { signedPersonCertificateSchema } from '@shared/people/person-certificate';

/**
 * A signing key a person has (or had), stored encrypted in `personKeys` under its public key (hex). Kept after the
 * key is replaced or the person removed — `retiredAt` set — so the events it signed still verify and name them.
 * `certificate` is the office's latest certificate for it (null until the office has keys of its own).
 */
export const personKeyRecordSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  personId: z.uuid(),
  since: z.date(),
  retiredAt: z.date().nullable(),
  certificate: signedPersonCertificateSchema.nullable(),
});
export type PersonKeyRecord = z.infer<typeof personKeyRecordSchema>;
