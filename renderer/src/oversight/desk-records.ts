import { z } from 'zod';
import { FINDING_TYPES } from '@shared/oversight/findings/compliance-finding';
import { REPORT_TABLES } from '@shared/reports/transparency-report';
import type { VaultDb } from '../vault/vault-db';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const instant = z.iso.datetime();
const cells = z.array(z.strictObject({ key: z.string().min(1), count: z.number().int().nonnegative() }));

/**
 * A period report the desk verified and stored: who sent it (the office's signing key, as its key card named it),
 * the period, its true counts, and the office's signed audit export as received (canonical JSON, so its signature can
 * be checked again and the findings recomputed at any time).
 */
export const deskPeriodReportSchema = z.strictObject({
  id: z.string().min(1),
  type: z.literal('desk-period-report'),
  /** Epoch ms: the table's only plain index. */
  recordedAt: z.number().int(),
  officeKey: hex(32),
  officeName: z.string(),
  jurisdiction: z.string(),
  fingerprint: z.string(),
  period: z.strictObject({ from: instant, to: instant }),
  tables: z.partialRecord(z.enum(REPORT_TABLES), cells),
  /** The export's canonical JSON text (UTF-8 of the bytes the office signed). */
  exportJson: z.string().min(1),
  receivedAt: instant,
  bundleId: hex(16),
});
export type DeskPeriodReport = z.infer<typeof deskPeriodReportSchema>;

/** A finding as a recommendation cites it (the same shape as the bundle's). */
export const citedFindingSchema = z.strictObject({
  type: z.enum(FINDING_TYPES),
  caseRef: z.string().regex(/^case-[0-9a-f]{16}$/),
  eventHash: hex(32),
  dueAt: instant.nullable(),
});
export type CitedFinding = z.infer<typeof citedFindingSchema>;

/** A recommendation the desk issued to one office, and what became of it. Its identity is the bundle id. */
export const deskRecommendationSchema = z.strictObject({
  id: z.string().min(1),
  type: z.literal('desk-recommendation'),
  recordedAt: z.number().int(),
  bundleId: hex(16),
  officeKey: hex(32),
  officeName: z.string(),
  findings: z.array(citedFindingSchema).min(1),
  action: z.string().min(1),
  answerBy: instant,
  issuedAt: instant,
  answer: z.strictObject({ text: z.string().min(1), at: instant, bundleId: hex(16) }).nullable(),
  closed: z.strictObject({ note: z.string().min(1), at: instant, by: z.string().min(1) }).nullable(),
});
export type DeskRecommendation = z.infer<typeof deskRecommendationSchema>;

/** The desk's stored period reports (records of other types in the table are left alone), oldest first. */
export async function loadDeskReports(db: VaultDb): Promise<DeskPeriodReport[]> {
  const rows: unknown[] = await db.oversight.toArray();
  return rows
    .flatMap((row) => {
      const parsed = deskPeriodReportSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.recordedAt - b.recordedAt);
}

/** The recommendations the desk issued, newest first. */
export async function loadDeskRecommendations(db: VaultDb): Promise<DeskRecommendation[]> {
  const rows: unknown[] = await db.oversight.toArray();
  return rows
    .flatMap((row) => {
      const parsed = deskRecommendationSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.recordedAt - a.recordedAt);
}
