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
 * Lawful grounds on which a person is never told (docs/workflow.md §The right to know). Each names its article:
 * the person already has the information, or telling them proves impossible or would take disproportionate effort
 * (GDPR Art. 14(5)(a), (b)); or a legislative measure allows notice to be omitted (Directive (EU) 2016/680
 * Art. 13(3); GDPR Art. 23).
 */
export const NO_NOTICE_GROUNDS = ['already-informed', 'impossible-or-disproportionate', 'omitted-by-law'] as const;
export const noNoticeGroundSchema = z.enum(NO_NOTICE_GROUNDS);
export type NoNoticeGround = z.infer<typeof noNoticeGroundSchema>;

/**
 * Notice to one affected person. A deferral needs reasons and a review date; once that date passes the notice is
 * due again (the deferral is a sunset, not a waiver). Only a recorded lawful ground ends the duty to tell for good.
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
  z.strictObject({
    state: z.literal('withheld'),
    ground: noNoticeGroundSchema,
    reasons: z.string().min(1),
    withheldAt: instantSchema,
    withheldBy: entityIdSchema,
    /** Deferrals before notice was withheld, kept for the transparency report. */
    deferralCount: z.number().int().nonnegative(),
  }),
]);
export type NoticeStatus = z.infer<typeof noticeStatusSchema>;

/** A deferral whose review date has passed counts as a notice that is due again. */
export function isNoticeDue(status: NoticeStatus, nowMs: number): boolean {
  if (status.state === 'pending') return true;
  if (status.state === 'deferred') return Date.parse(status.reviewAt) <= nowMs;
  return false;
}
