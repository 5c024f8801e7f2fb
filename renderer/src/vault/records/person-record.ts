import { z } from 'zod';
import { PERSON_ROLES } from '@shared/people/person-roles';

/**
 * A person who works on this installation, stored encrypted in the `persons` table under their key-slot id. The
 * record is authoritative for name and roles (the slot's name is only a hint for the lock screen); `history`
 * keeps every grant and revocation with who made it, and a removed person's record stays, so past work still
 * names them.
 */
export const personRecordSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().trim().min(1).max(80),
  roles: z.array(z.enum(PERSON_ROLES)),
  history: z.array(
    z.strictObject({
      at: z.date(),
      by: z.string().min(1),
      change: z.enum(['granted', 'revoked', 'added', 'removed', 'access-reset']),
      role: z.enum(PERSON_ROLES).nullable(),
      /**
       * The signature of `by` over the change (`shared/people/person-change.ts`). Absent on changes from before
       * personal signing and on the upgrade that made the first person; the record version is unchanged.
       */
      signature: z
        .string()
        .regex(/^[0-9a-f]{128}$/)
        .optional(),
    }),
  ),
  createdAt: z.date(),
  removedAt: z.date().nullable(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;
