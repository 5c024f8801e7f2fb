import { z } from 'zod';

/**
 * Which side of a cross-border procedure this office is on for a case: it asked (issuing), it was asked
 * (executing: the requested, executing or enforcing authority), or a challenge came to it (redress body).
 */
export const CASE_SIDES = ['issuing', 'executing', 'redress-body'] as const;
export const caseSideSchema = z.enum(CASE_SIDES);
export type CaseSide = z.infer<typeof caseSideSchema>;

/** Cases stored before sides existed were all opened here, as issuing cases. */
export const caseSide = (c: { readonly side?: CaseSide | undefined }): CaseSide => c.side ?? 'issuing';
