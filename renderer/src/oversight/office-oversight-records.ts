import { z } from 'zod';
import { payloadBodySchemas } from '@shared/bundle/bundle-payloads';
import { REPORT_TABLES } from '@shared/reports/transparency-report';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const instant = z.iso.datetime();
/** Who did it: the signed-in person's id (the screens name them from the people records). */
const personId = z.string().min(1);

/**
 * The office's oversight records in the `oversight` table (schema 8): the desk keeps its own `desk-` types in the same
 * table, and each side parses only its own. Every field is encrypted; only `recordedAt` is a plain index.
 */

/** Which verified partner is this office's oversight body: one row at most, replaced when another is chosen. */
export const officeOversightBodySchema = z.strictObject({
  id: z.string().min(1),
  recordedAt: z.number().int(),
  type: z.literal('office-oversight-body'),
  signingKey: hex(32),
  officeName: z.string(),
  /** The fingerprint the person compared when the partner was verified (formatted groups). */
  fingerprint: z.string(),
  chosenAt: z.number().int(),
  chosenBy: personId,
});
export type OfficeOversightBody = z.infer<typeof officeOversightBodySchema>;

/** Exactly what one period report carried: the period, each table's total, the bundle and who sent it when. */
export const officePeriodReportSentSchema = z.strictObject({
  id: z.string().min(1),
  recordedAt: z.number().int(),
  type: z.literal('office-period-report-sent'),
  period: z.strictObject({ from: instant, to: instant, label: z.string() }),
  /** Sum of each table's true counts, as sent (the cells themselves travel in the bundle). */
  totals: z.partialRecord(z.enum(REPORT_TABLES), z.number().int().nonnegative()),
  bundleId: hex(16),
  fileName: z.string(),
  /** BLAKE2b-256 of the signed oversight audit export that went with it. */
  exportHash: hex(32),
  exportBytes: z.number().int().nonnegative(),
  bodyKey: hex(32),
  bodyName: z.string(),
  sentAt: z.number().int(),
  sentBy: personId,
});
export type OfficePeriodReportSent = z.infer<typeof officePeriodReportSentSchema>;

/** The answer an office sent to a recommendation. */
const answerSchema = z.strictObject({
  text: z.string().min(1),
  answeredAt: z.number().int(),
  answeredBy: personId,
  bundleId: hex(16),
});

/** A recommendation received from our oversight body, open until it is answered. */
export const officeRecommendationSchema = z.strictObject({
  id: z.string().min(1),
  recordedAt: z.number().int(),
  type: z.literal('office-recommendation'),
  /** The recommendation's identity: its bundle id (an answer names it in `inReplyTo`). */
  bundleId: hex(16),
  senderKey: hex(32),
  senderName: z.string(),
  findings: payloadBodySchemas.recommendation.shape.findings,
  action: z.string().min(1),
  answerBy: instant,
  receivedAt: z.number().int(),
  receivedBy: personId,
  answer: answerSchema.nullable(),
});
export type OfficeRecommendation = z.infer<typeof officeRecommendationSchema>;

export const officeOversightRecordSchema = z.discriminatedUnion('type', [
  officeOversightBodySchema,
  officePeriodReportSentSchema,
  officeRecommendationSchema,
]);
export type OfficeOversightRecord = z.infer<typeof officeOversightRecordSchema>;
