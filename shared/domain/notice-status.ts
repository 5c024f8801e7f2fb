import { z } from 'zod';
import { instantSchema, entityIdSchema } from './primitives';

export const NOTICE_METHODS = [
  'in-person',
  'post',
  'registered-post',
  'email',
  'secure-portal',
  'via-partner',
] as const;
export const noticeMethodSchema = z.enum(NOTICE_METHODS);

/**
 * Notice to one affected person. A deferral needs reasons and a review date; once that date passes the notice is
 * due again (the deferral is a sunset, not a waiver).
 */
export const noticeStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('pending') }),
  z.strictObject({
    state: z.literal('issued'),
    method: noticeMethodSchema,
    issuedAt: instantSchema,
    issuedBy: entityIdSchema,
    language: z.string().min(2),
    /** Deferrals before the notice went out, kept for the transparency report. */
    deferralCount: z.number().int().nonnegative(),
  }),
  z.strictObject({
    state: z.literal('deferred'),
    reasons: z.string(),
    reviewAt: instantSchema,
    deferredAt: instantSchema,
    deferredBy: entityIdSchema,
    deferralCount: z.number().int().positive(),
  }),
]);
export type NoticeStatus = z.infer<typeof noticeStatusSchema>;

/** A deferral whose review date has passed counts as a notice that is due again. */
export function isNoticeDue(status: NoticeStatus, nowMs: number): boolean {
  if (status.state === 'pending') return true;
  if (status.state === 'deferred') return Date.parse(status.reviewAt) <= nowMs;
  return false;
}
