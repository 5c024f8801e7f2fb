import { z } from 'zod';

export const officeRoles = ['caseworker', 'redress-officer', 'both'] as const;
export type OfficeRole = (typeof officeRoles)[number];

export const OFFICE_PROFILE_ID = 'office';

/** Who this installation works for; stored encrypted in the `profile` table. */
export const officeProfileSchema = z.strictObject({
  id: z.literal(OFFICE_PROFILE_ID),
  officeName: z.string().trim().min(1).max(200),
  jurisdiction: z.string().min(2).max(32),
  role: z.enum(officeRoles),
  createdAt: z.date(),
});
export type OfficeProfile = z.infer<typeof officeProfileSchema>;
