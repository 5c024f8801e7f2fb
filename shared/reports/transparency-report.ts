import type { Case } from '../domain/case';
import { inPeriod, isWholeQuarterOrYear } from './report-period';
import type { ReportPeriod } from './report-period';
import { median, percentile } from './percentiles';
import { MIN_SUPPRESSION_THRESHOLD, suppressLinkedTables } from './suppress-table';
import type { CountCell, PublishedCell, PublishedValue } from './suppress-table';

/** The fields a report reads. Names, contacts and free text are not among them. */
export type ReportableCase = Pick<
  Case,
  | 'kind'
  | 'originatingJurisdiction'
  | 'partnerJurisdiction'
  | 'legalBasis'
  | 'createdAt'
  | 'emergency'
  | 'challenge'
  | 'decision'
  | 'remedies'
  | 'deadlines'
  | 'authorisation'
  | 'request'
  | 'response'
  | 'closure'
> & { readonly affectedPeople: readonly Pick<Case['affectedPeople'][number], 'notice'>[] };

export const REPORT_TABLES = [
  'requests-sent-by-partner',
  'requests-sent-by-legal-basis',
  'requests-received-by-partner',
  'requests-received-by-legal-basis',
  'emergency-measures',
  'notices-issued',
  'notices-deferred-by-length',
  'notices-withheld-by-ground',
  'challenges-by-ground',
  'decisions-by-outcome',
  'remedies-ordered',
  'remedies-completed',
  'deadlines',
] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];

/** What each table's cell keys are: a vocabulary to label them from, or report-specific words. */
export const TABLE_KEYS: Readonly<
  Record<ReportTableId, 'jurisdictions' | 'legal-bases' | 'challenge-grounds' | 'outcomes' | 'remedies' | 'report'>
> = {
  'requests-sent-by-partner': 'jurisdictions',
  'requests-sent-by-legal-basis': 'legal-bases',
  'requests-received-by-partner': 'jurisdictions',
  'requests-received-by-legal-basis': 'legal-bases',
  'emergency-measures': 'report',
  'notices-issued': 'report',
  'notices-deferred-by-length': 'report',
  'notices-withheld-by-ground': 'report',
  'challenges-by-ground': 'challenge-grounds',
  'decisions-by-outcome': 'outcomes',
  'remedies-ordered': 'remedies',
  'remedies-completed': 'remedies',
  deadlines: 'report',
};

/** Tables that count the same cases by different categories: they share a total and are protected together. */
export const LINKED_TABLES: readonly (readonly ReportTableId[])[] = [
  ['requests-sent-by-partner', 'requests-sent-by-legal-basis'],
  ['requests-received-by-partner', 'requests-received-by-legal-basis'],
];

export type ReportTable = {
  readonly id: ReportTableId;
  readonly cells: readonly PublishedCell[];
  readonly total: PublishedValue;
  /** The categories are not listed: even all hidden they would give a count away. */
  readonly breakdownWithheld: boolean;
};

export const STAGE_SPANS = [
  'draft-to-authorised',
  'authorised-to-request-sent',
  'request-sent-to-response',
  'request-sent-to-first-notice',
  'notice-to-challenge',
  'challenge-to-decision',
  'decision-to-closed',
] as const;
export type StageSpanId = (typeof STAGE_SPANS)[number];

/**
 * Days a stage took, in whole days: withheld (nulls, cases "<t") when fewer than `threshold` cases ended it in the
 * period; the 90th percentile also when fewer than MIN_CASES_FOR_P90 did. Cases print "x" when withheld to protect
 * a table total.
 */
export type StageDuration = {
  readonly id: StageSpanId;
  readonly cases: PublishedValue;
  readonly medianDays: number | null;
  readonly p90Days: number | null;
};

export type TransparencyReport = {
  readonly period: ReportPeriod;
  readonly officeJurisdiction: string;
  readonly threshold: number;
  readonly generatedAt: string;
  readonly tables: readonly ReportTable[];
  readonly stageDurations: readonly StageDuration[];
  /**
   * "public" only for a whole calendar quarter or year that has ended. Any other period is "internal": two reports
   * over overlapping ranges (or over a period still filling up) can be subtracted to reveal single cases.
   */
  readonly publication: 'public' | 'internal';
};

export type ReportOptions = {
  readonly period: ReportPeriod;
  readonly officeJurisdiction: string;
  readonly threshold?: number;
  /** The report's "now": deadlines and notices are judged as of the earlier of this and the period end. */
  readonly now: string;
};

const DAY_MS = 86_400_000;
/** Below this many cases the 90th percentile (nearest rank) is the largest value, one case's own duration. */
export const MIN_CASES_FOR_P90 = 10;

/**
 * Counts what cooperation did in a period, then protects every table against small counts. Tables that count the
 * same cases (requests sent by partner and by legal basis) share their total, so one table can give away a total
 * the other withholds: they are suppressed together (LINKED_TABLES). Cross-tabulations are not published.
 */
export function buildTransparencyReport(cases: readonly ReportableCase[], options: ReportOptions): TransparencyReport {
  const threshold = options.threshold ?? MIN_SUPPRESSION_THRESHOLD;
  const { period } = options;
  const tables = publishReportTables(countReportTables(cases, options), threshold);
  // A stage's case count can equal a table's total (every request sent was authorised first), so when any total
  // is withheld the stage counts are withheld too; their durations stay.
  const totalWithheld = tables.some((t) => t.total.kind === 'withheld');

  return {
    period,
    officeJurisdiction: options.officeJurisdiction,
    threshold,
    generatedAt: options.now,
    tables,
    stageDurations: stageDurations(cases, period, threshold).map((d) =>
      totalWithheld && d.cases.kind === 'count' ? { ...d, cases: { kind: 'withheld' } } : d,
    ),
    publication:
      isWholeQuarterOrYear(period) && Date.parse(period.to) <= Date.parse(options.now) ? 'public' : 'internal',
  };
}

/** Every table's true counts, before any suppression; a category that counted nothing is left out. */
export type ReportCounts = Partial<Readonly<Record<ReportTableId, readonly CountCell[]>>>;

/**
 * The report's tables before any suppression: what an office may send its oversight body, which is entitled to them
 * and suppresses only after combining offices (shared/oversight/combine-period-counts.ts). Cells sorted by key.
 */
export function countReportTables(
  cases: readonly ReportableCase[],
  options: Pick<ReportOptions, 'period' | 'officeJurisdiction' | 'now'>,
): ReportCounts {
  const { period } = options;
  const asOf = new Date(Math.min(Date.parse(options.now), Date.parse(period.to))).toISOString();
  const counts = new Map<ReportTableId, Map<string, number>>(REPORT_TABLES.map((id) => [id, new Map()]));
  const add = (table: ReportTableId, key: string) => {
    const cells = counts.get(table);
    cells?.set(key, (cells.get(key) ?? 0) + 1);
  };

  for (const c of cases) {
    const ours = c.originatingJurisdiction === options.officeJurisdiction;
    const basis = c.legalBasis.code ?? 'other';
    if (c.kind === 'data-access-request' && ours && inPeriod(c.request?.sentAt, period)) {
      add('requests-sent-by-partner', c.partnerJurisdiction ?? 'unknown');
      add('requests-sent-by-legal-basis', basis);
    }
    if (c.kind === 'data-access-request' && !ours && inPeriod(c.createdAt, period)) {
      add('requests-received-by-partner', c.originatingJurisdiction);
      add('requests-received-by-legal-basis', basis);
    }
    if (c.emergency !== null && inPeriod(c.createdAt, period)) {
      const lastReview = c.emergency.reviews.at(-1);
      const sunset = lastReview ? lastReview.newSunsetAt : c.emergency.sunsetAt;
      add(
        'emergency-measures',
        sunset === null || Date.parse(sunset) <= Date.parse(asOf) ? 'lapsed-at-sunset' : 'in-force',
      );
    }
    for (const person of c.affectedPeople) {
      const notice = person.notice;
      if (notice.state === 'issued' && inPeriod(notice.issuedAt, period)) {
        add('notices-issued', notice.deferralCount > 0 ? 'after-deferral' : 'without-deferral');
      }
      if (notice.state === 'deferred' && inPeriod(notice.deferredAt, period)) {
        const days = (Date.parse(notice.reviewAt) - Date.parse(notice.deferredAt)) / DAY_MS;
        add('notices-deferred-by-length', days <= 30 ? 'up-to-30-days' : days <= 90 ? '31-to-90-days' : 'over-90-days');
      }
      if (notice.state === 'withheld' && inPeriod(notice.withheldAt, period))
        add('notices-withheld-by-ground', notice.ground);
    }
    if (c.challenge !== null && inPeriod(c.challenge.lodgedAt, period)) {
      for (const ground of c.challenge.grounds) add('challenges-by-ground', ground);
    }
    if (c.decision !== null && inPeriod(c.decision.decidedAt, period)) {
      add('decisions-by-outcome', c.decision.outcome);
      for (const remedy of c.remedies) add('remedies-ordered', remedy.code);
    }
    for (const remedy of c.remedies)
      if (remedy.done !== null && inPeriod(remedy.done.at, period)) add('remedies-completed', remedy.code);
    for (const deadline of c.deadlines) {
      if (deadline.dueAt === null || !inPeriod(deadline.dueAt, period)) continue;
      const due = Date.parse(deadline.dueAt);
      if (deadline.metAt !== null) add('deadlines', Date.parse(deadline.metAt) <= due ? 'met' : 'missed');
      else if (due < Date.parse(asOf)) add('deadlines', 'missed');
      else add('deadlines', 'open');
    }
  }

  const tables: Partial<Record<ReportTableId, CountCell[]>> = {};
  for (const [id, cells] of counts)
    tables[id] = [...cells].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
  return tables;
}

/** Protects every table against small counts; linked tables (LINKED_TABLES) are protected together. */
export function publishReportTables(counts: ReportCounts, threshold: number): ReportTable[] {
  const published = new Map<ReportTableId, ReportTable>();
  const groups = [
    ...LINKED_TABLES,
    ...REPORT_TABLES.filter((id) => !LINKED_TABLES.flat().includes(id)).map((id) => [id]),
  ];
  for (const group of groups) {
    suppressLinkedTables(
      group.map((id) => counts[id] ?? []),
      threshold,
    ).forEach((table, i) => {
      const id = group[i];
      if (id)
        published.set(id, { id, cells: table.cells, total: table.total, breakdownWithheld: table.breakdownWithheld });
    });
  }
  return REPORT_TABLES.flatMap((id) => published.get(id) ?? []);
}

function stageDurations(cases: readonly ReportableCase[], period: ReportPeriod, threshold: number): StageDuration[] {
  const spans = new Map<StageSpanId, number[]>(STAGE_SPANS.map((id) => [id, []]));
  const span = (id: StageSpanId, from: string | null | undefined, to: string | null | undefined) => {
    if (from && to && inPeriod(to, period)) spans.get(id)?.push((Date.parse(to) - Date.parse(from)) / DAY_MS);
  };
  for (const c of cases) {
    span('draft-to-authorised', c.createdAt, c.authorisation?.at);
    span('authorised-to-request-sent', c.authorisation?.at, c.request?.sentAt);
    span('request-sent-to-response', c.request?.sentAt, c.response?.receivedAt);
    const firstNotice = c.affectedPeople
      .map((p) => (p.notice.state === 'issued' ? p.notice.issuedAt : null))
      .filter((t): t is string => t !== null)
      .sort()[0];
    span('request-sent-to-first-notice', c.request?.sentAt, firstNotice);
    span('notice-to-challenge', firstNotice, c.challenge?.lodgedAt);
    span('challenge-to-decision', c.challenge?.lodgedAt, c.decision?.decidedAt);
    span('decision-to-closed', c.decision?.decidedAt, c.closure?.at);
  }
  return STAGE_SPANS.map((id) => {
    const values = spans.get(id) ?? [];
    if (values.length < threshold) return { id, cases: { kind: 'below-threshold' }, medianDays: null, p90Days: null };
    // Whole days: to the tenth (2.4 hours) a duration can match one case's own timestamps.
    const round = (n: number | null) => (n === null ? null : Math.round(n));
    return {
      id,
      cases: { kind: 'count', count: values.length },
      medianDays: round(median(values)),
      // Nearest-rank p90 is the maximum itself while ⌈0.9·n⌉ = n, i.e. for n < 10: the slowest case's duration.
      p90Days: values.length < MIN_CASES_FOR_P90 ? null : round(percentile(values, 0.9)),
    };
  });
}
