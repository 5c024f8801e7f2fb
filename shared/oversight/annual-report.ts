import type { Result } from '../result';
import {
  MIN_SUPPRESSION_THRESHOLD,
  suppressTable,
  type CountCell,
  type PublishedTable,
} from '../reports/suppress-table';
import {
  combinePeriodCounts,
  type CombineError,
  type CombinedCounts,
  type PeriodCounts,
} from './combine-period-counts';
import type { FindingType } from './findings/compliance-finding';

/** A recommendation as the annual report counts it: to whom, about what, when issued and whether answered. */
export type CountedRecommendation = {
  readonly officeName: string;
  readonly findingTypes: readonly FindingType[];
  readonly issuedAt: string;
  readonly answered: boolean;
};

/** Recommendations issued in the year and, of those, answered, by office and by finding type; each suppressed. */
export type RecommendationTables = {
  readonly issuedByOffice: PublishedTable;
  readonly answeredByOffice: PublishedTable;
  readonly issuedByFindingType: PublishedTable;
  readonly answeredByFindingType: PublishedTable;
};

export type AnnualReport = {
  readonly year: number;
  readonly period: { readonly from: string; readonly to: string };
  /** Period reports whose period lies wholly inside the year. */
  readonly reportsCombined: number;
  readonly combined: CombinedCounts;
  readonly recommendations: RecommendationTables;
};

/**
 * The oversight body's public annual report: the offices' period reports that lie wholly inside the calendar year
 * (UTC) added up with `combinePeriodCounts`, which suppresses small counts only after combining, and the
 * recommendations issued in the year (answered or not), counted by office and by finding type (a recommendation
 * citing several findings of one type counts once for that type) and suppressed like every other count.
 */
export function buildAnnualReport(
  year: number,
  reports: readonly PeriodCounts[],
  recommendations: readonly CountedRecommendation[],
  threshold = MIN_SUPPRESSION_THRESHOLD,
): Result<AnnualReport, CombineError> {
  const from = new Date(Date.UTC(year, 0, 1)).toISOString();
  const to = new Date(Date.UTC(year + 1, 0, 1)).toISOString();
  const inside = (at: string) => Date.parse(at) >= Date.parse(from) && Date.parse(at) < Date.parse(to);
  const chosen = reports.filter(
    (r) => Date.parse(r.period.from) >= Date.parse(from) && Date.parse(r.period.to) <= Date.parse(to),
  );
  const combined = combinePeriodCounts(chosen, threshold);
  if (!combined.ok) return combined;
  const issued = recommendations.filter((r) => inside(r.issuedAt));
  const answered = issued.filter((r) => r.answered);
  const byOffice = (list: readonly CountedRecommendation[]) => count(list.map((r) => [r.officeName]));
  const byType = (list: readonly CountedRecommendation[]) => count(list.map((r) => [...new Set(r.findingTypes)]));
  return {
    ok: true,
    value: {
      year,
      period: { from, to },
      reportsCombined: chosen.length,
      combined: combined.value,
      recommendations: {
        issuedByOffice: suppressTable(byOffice(issued), threshold),
        answeredByOffice: suppressTable(byOffice(answered), threshold),
        issuedByFindingType: suppressTable(byType(issued), threshold),
        answeredByFindingType: suppressTable(byType(answered), threshold),
      },
    },
  };
}

function count(keysPerItem: readonly (readonly string[])[]): CountCell[] {
  const counts = new Map<string, number>();
  for (const keys of keysPerItem) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, n]) => ({ key, count: n })).sort((a, b) => a.key.localeCompare(b.key));
}
