import { z } from 'zod';

export const OFFICE_PROFILE_ID = 'office';

/**
 * Who this installation works for; stored encrypted in the `profile` table (record version 2). What each person
 * may do is not here: roles are granted to persons (`person-record.ts`).
 */
export const officeProfileSchema = z.strictObject({
  id: z.literal(OFFICE_PROFILE_ID),
  officeName: z.string().trim().min(1).max(200),
  jurisdiction: z.string().min(2).max(32),
  createdAt: z.date(),
  /**
   * The office's code in case references (JURISDICTION-CODE-YEAR-NNNN), chosen at setup from a suggestion; absent in
   * profiles saved before it, which keep the initials of the office name (`referenceCodeOf`).
   */
  referenceCode: z
    .string()
    .regex(/^[A-Z0-9]{2,8}$/)
    .optional(),
  /** The letterhead of notices and letters (Settings → Office letterhead); absent in profiles saved before it. */
  postalAddress: z.string().trim().max(500).optional(),
  email: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(60).optional(),
  /**
   * What this installation is, chosen at first run: an office that works cases (absent in profiles saved before the
   * choice existed), or an oversight body's desk, whose partners are the offices it supervises (issue #19).
   */
  installation: z.enum(['office', 'oversight']).optional(),
});
export type OfficeProfile = z.infer<typeof officeProfileSchema>;
