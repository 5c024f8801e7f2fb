import { z } from 'zod';

/** A half-open period [from, to) of UTC instants; presets cover calendar years and quarters. */
export const reportPeriodSchema = z
  .strictObject({ from: z.iso.datetime(), to: z.iso.datetime(), label: z.string().min(1) })
  .refine((p) => Date.parse(p.from) < Date.parse(p.to), { message: 'The period must end after it starts.' });
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

export function yearPeriod(year: number): ReportPeriod {
  return {
    from: new Date(Date.UTC(year, 0, 1)).toISOString(),
    to: new Date(Date.UTC(year + 1, 0, 1)).toISOString(),
    label: `${year}`,
  };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): ReportPeriod {
  const startMonth = (quarter - 1) * 3;
  return {
    from: new Date(Date.UTC(year, startMonth, 1)).toISOString(),
    to: new Date(Date.UTC(year, startMonth + 3, 1)).toISOString(),
    label: `${year} Q${quarter}`,
  };
}

export function inPeriod(instant: string | null | undefined, period: ReportPeriod): boolean {
  if (instant === null || instant === undefined) return false;
  const t = Date.parse(instant);
  return t >= Date.parse(period.from) && t < Date.parse(period.to);
}

/** A calendar quarter or year in UTC, the only periods whose reports may be published (see docs/reports.md). */
export function isWholeQuarterOrYear(period: Pick<ReportPeriod, 'from' | 'to'>): boolean {
  const from = new Date(period.from);
  const isQuarterStart = from.getUTCMonth() % 3 === 0 && from.getUTCDate() === 1 && from.getTime() % 86_400_000 === 0;
  if (!isQuarterStart) return false;
  const to = Date.parse(period.to);
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth();
  return to === Date.UTC(year, month + 3, 1) || (month === 0 && to === Date.UTC(year + 1, 0, 1));
}
