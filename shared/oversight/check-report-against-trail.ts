import type { AuditEvent } from '../audit/audit-event';
import { err, ok, type Err, type Result } from '../result';
import type { ReportCounts, ReportTableId } from '../reports/transparency-report';
import type { OversightExportBody } from './oversight-audit-export';

/**
 * What the trail can establish of each report table, and how it is checked:
 * - `cells`: every cell is recomputed from the events, key by key;
 * - `total`: the table's total always; its cells too when every event it counts records the category (events written
 *   since the partner and legal basis were recorded in them: `send-request`, and `case-created` of a received
 *   request). A trail with older events is checked by the total only;
 * - `recorded`: every cell, when every case it counts recorded what decides it (an emergency's sunset, recorded since
 *   this round in `update-draft` and a received case's `case-created`); otherwise the table is not checked at all.
 * Tables not listed cannot be recomputed from the trail (see NOT_CHECKED) and are taken as the office sent them.
 */
export const CHECKED_TABLES: Readonly<Partial<Record<ReportTableId, 'cells' | 'total' | 'recorded'>>> = {
  'requests-sent-by-partner': 'total',
  'requests-sent-by-legal-basis': 'total',
  'requests-received-by-partner': 'cells',
  'requests-received-by-legal-basis': 'total',
  'notices-issued': 'cells',
  'notices-deferred-by-length': 'cells',
  'notices-withheld-by-ground': 'cells',
  'challenges-by-ground': 'cells',
  'decisions-by-outcome': 'cells',
  'remedies-ordered': 'cells',
  'remedies-completed': 'cells',
  'emergency-measures': 'recorded',
};

/** Why the remaining tables (and the breakdowns checked only by their total) are not recomputed. */
export const NOT_CHECKED = {
  'emergency-measures':
    "draft edits recorded before an emergency's sunset was recorded in them say only that the emergency changed: a trail holding such an edit, in a case opened in the period, does not check this table",
  deadlines:
    "the table counts every period falling due in the report period, but a case whose period fell due with no event of its own in it is not in the period's export; and periods recorded before deadline marks existed have no due date in the trail",
  breakdowns:
    'events written before the partner and legal basis were recorded in them do not say which category they count: a trail holding such events is checked by the total of those tables',
} as const;

export type ReportTrailError = 'REPORT_SCOPE_MISMATCH' | 'REPORT_CONTRADICTS_TRAIL';

export type ReportTrailCheck = {
  /** The tables compared, with how. */
  readonly checked: readonly { readonly table: ReportTableId; readonly how: 'cells' | 'total' }[];
  /** Exact when every chain verified; with unreadable chains the trail's counts are lower bounds. */
  readonly bound: 'exact' | 'at-least';
};

/** Where a report contradicts its trail, as data for a screen to word: the table, the cell (null: the total), figures. */
export type Contradiction = {
  readonly table: ReportTableId;
  readonly key: string | null;
  readonly reported: number;
  readonly fromTrail: number;
  readonly bound: 'exact' | 'at-least';
};

type Period = { readonly from: string; readonly to: string };
type Counter = Map<ReportTableId, Map<string, number>>;

/** The key under which an event that does not record its category is counted: it forces a check of the total. */
const UNRECORDED = '\u0000unrecorded';

const DAY_MS = 86_400_000;

/**
 * Recomputes from the office's verified audit export every report table the trail can establish (CHECKED_TABLES),
 * with the transparency report's own rules (`countReportTables`), and refuses a report whose counts contradict it.
 * The export must cover exactly the report's period: it then holds the complete chain of every case with an event in
 * it, and everything a checked table counts is an event in the period. Chains the export's verifier found broken
 * (`unreadableCaseIds`) are not read; their cases may hold counted events, so the counts are then checked as lower
 * bounds only.
 */
export function checkReportAgainstTrail(
  report: { readonly period: Period; readonly tables: ReportCounts; readonly countedAt: string },
  exportBody: OversightExportBody,
  unreadableCaseIds: readonly string[] = [],
): Result<ReportTrailCheck, ReportTrailError> | (Err<'REPORT_CONTRADICTS_TRAIL'> & { contradiction: Contradiction }) {
  const { scope } = exportBody;
  if (
    scope.kind !== 'period' ||
    Date.parse(scope.from) !== Date.parse(report.period.from) ||
    Date.parse(scope.to) !== Date.parse(report.period.to)
  )
    return err(
      'REPORT_SCOPE_MISMATCH',
      `The audit export with this report does not cover the report's period (${report.period.from} to ${report.period.to}), so its counts cannot be checked. Ask the office to send the report again with the export of the same period.`,
    );
  const unreadable = new Set(unreadableCaseIds);
  const counts: Counter = new Map();
  for (const chain of exportBody.chains)
    if (!unreadable.has(chain.caseId))
      countChain(chain.events, exportBody.office.jurisdiction, report.period, report.countedAt, counts);
  const bound = unreadable.size > 0 ? 'at-least' : 'exact';
  // A breakdown is checked cell by cell only when every event it counts recorded its category.
  const checked = Object.entries(CHECKED_TABLES).flatMap(([name, how]) => {
    const table = name as ReportTableId;
    if (how === undefined) return [];
    const unrecorded = counts.get(table)?.has(UNRECORDED) === true;
    if (how === 'recorded' && unrecorded) return [];
    return [{ table, how: how === 'total' && unrecorded ? ('total' as const) : ('cells' as const) }];
  });
  for (const { table, how } of checked) {
    const sent = new Map((report.tables[table] ?? []).map((cell) => [cell.key, cell.count]));
    const found = counts.get(table) ?? new Map<string, number>();
    const pairs: [string | null, number, number][] =
      how === 'total'
        ? [[null, sum(sent), sum(found)]]
        : [...new Set([...sent.keys(), ...found.keys()])]
            .sort()
            .map((key) => [key, sent.get(key) ?? 0, found.get(key) ?? 0]);
    for (const [key, reported, fromTrail] of pairs) {
      if (reported === fromTrail || (bound === 'at-least' && reported > fromTrail)) continue;
      const where = key === null ? `the total of table ${table}` : `table ${table}, ${key}`;
      return {
        ...err(
          'REPORT_CONTRADICTS_TRAIL',
          `The report's counts contradict its audit trail: ${where} says ${reported}, the trail shows ${bound === 'exact' ? '' : 'at least '}${fromTrail}. Nothing was stored; ask the office for a new report.`,
        ),
        contradiction: { table, key, reported, fromTrail, bound },
      };
    }
  }
  return ok({ checked, bound });
}

function sum(cells: ReadonlyMap<string, number>): number {
  return [...cells.values()].reduce((a, b) => a + b, 0);
}

const within = (at: string, period: Period) =>
  Date.parse(at) >= Date.parse(period.from) && Date.parse(at) < Date.parse(period.to);

const text = (details: AuditEvent['details'], key: string): string | null => {
  const value = details[key];
  return typeof value === 'string' ? value : null;
};

const texts = (details: AuditEvent['details'], key: string): string[] => {
  const value = details[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/** Counts one case's chain the way `countReportTables` counts the case record it produced. */
function countChain(
  events: readonly AuditEvent[],
  ownJurisdiction: string,
  period: Period,
  countedAt: string,
  counts: Counter,
): void {
  const add = (table: ReportTableId, key: string) => {
    const cells = counts.get(table) ?? new Map<string, number>();
    cells.set(key, (cells.get(key) ?? 0) + 1);
    counts.set(table, cells);
  };
  const created = events.find((e) => e.type === 'case-created');
  if (created === undefined) return;
  const kind = text(created.details, 'kind');
  const originating = text(created.details, 'originatingJurisdiction');
  const ours = originating === ownJurisdiction;

  // Requests: a request sent here counts by the sending the case still holds (a reopen from "request sent" undoes
  // it); one received counts by the day its case was opened.
  if (kind === 'data-access-request' && ours) {
    let sent: { at: string; partner: string | null; basis: string | null } | null = null;
    for (const e of events) {
      if (e.action === 'send-request')
        sent = { at: e.at, partner: text(e.details, 'partnerJurisdiction'), basis: text(e.details, 'legalBasis') };
      if (e.action === 'reopen' && e.fromStage === 'request-sent') sent = null;
    }
    if (sent !== null && within(sent.at, period)) {
      add('requests-sent-by-partner', sent.partner ?? UNRECORDED);
      add('requests-sent-by-legal-basis', sent.basis ?? UNRECORDED);
    }
  }
  if (kind === 'data-access-request' && !ours && originating !== null && within(created.at, period)) {
    add('requests-received-by-partner', originating);
    add('requests-received-by-legal-basis', text(created.details, 'legalBasis') ?? UNRECORDED);
  }

  // Emergency measures: a case opened in the period, holding an emergency now; lapsed when its sunset (the last
  // review's, once reviewed) is gone by the moment the office counted, or by the period's end if earlier.
  if (within(created.at, period)) {
    const emergency = emergencyOf(events, created);
    if (emergency === 'unrecorded') add('emergency-measures', UNRECORDED);
    else if (emergency !== null) {
      const asOf = Math.min(Date.parse(countedAt), Date.parse(period.to));
      add(
        'emergency-measures',
        emergency.sunsetAt === null || Date.parse(emergency.sunsetAt) <= asOf ? 'lapsed-at-sunset' : 'in-force',
      );
    }
  }

  // Notices: the last notice act for each person is the state the case holds. A purged case keeps no people.
  if (!events.some((e) => e.type === 'case-purged')) {
    const last = new Map<string, AuditEvent>();
    const deferred = new Set<string>();
    for (const e of events) {
      const personId = text(e.details, 'personId');
      if (personId === null || !['issue-notice', 'defer-notice', 'withhold-notice'].includes(e.action)) continue;
      if (e.action === 'issue-notice' && within(e.at, period))
        add('notices-issued', deferred.has(personId) ? 'after-deferral' : 'without-deferral');
      if (e.action === 'defer-notice') deferred.add(personId);
      last.set(personId, e);
    }
    for (const e of last.values()) {
      if (!within(e.at, period)) continue;
      if (e.action === 'defer-notice') {
        const reviewAt = text(e.details, 'reviewAt');
        if (reviewAt === null) continue;
        const days = (Date.parse(reviewAt) - Date.parse(e.at)) / DAY_MS;
        add('notices-deferred-by-length', days <= 30 ? 'up-to-30-days' : days <= 90 ? '31-to-90-days' : 'over-90-days');
      }
      const ground = text(e.details, 'ground');
      if (e.action === 'withhold-notice' && ground !== null) add('notices-withheld-by-ground', ground);
    }
  }

  // Redress: the case holds its latest challenge and decision; remedies accumulate over decisions, and each remedy's
  // id (`r<seq of the decision>-<index>`) names the decision that ordered it.
  const challenge = events.filter((e) => e.action === 'lodge-challenge').at(-1);
  if (challenge && within(challenge.at, period))
    for (const ground of texts(challenge.details, 'grounds')) add('challenges-by-ground', ground);
  const decisions = events.filter((e) => e.action === 'decide');
  const decision = decisions.at(-1);
  if (decision && within(decision.at, period)) {
    const outcome = text(decision.details, 'outcome');
    if (outcome !== null) add('decisions-by-outcome', outcome);
    for (const d of decisions) for (const code of texts(d.details, 'remedies')) add('remedies-ordered', code);
  }
  for (const e of events) {
    if (e.action !== 'complete-remedy' || !within(e.at, period)) continue;
    const match = /^r(\d+)-(\d+)$/.exec(text(e.details, 'remedyId') ?? '');
    const ordering = decisions.find((d) => d.seq === Number(match?.[1]));
    const code = ordering ? texts(ordering.details, 'remedies')[Number(match?.[2])] : undefined;
    if (code !== undefined) add('remedies-completed', code);
  }
}

/**
 * The emergency a case holds, replayed from its trail as the workflow keeps it: set or cleared by a draft edit (a
 * cleared one drops its reviews), moved by each review. 'unrecorded' when an event that changed it does not say how.
 */
function emergencyOf(
  events: readonly AuditEvent[],
  created: AuditEvent,
): { readonly sunsetAt: string | null } | null | 'unrecorded' {
  const opened = created.details['emergencySunsetAt'];
  // A case opened here starts without an emergency; a received one says what it came with (since this round).
  if (created.action !== 'open-case' && opened === undefined) return 'unrecorded';
  let sunsetAt = typeof opened === 'string' ? opened : null;
  let set = sunsetAt !== null;
  let reviewed: { sunsetAt: string | null } | null = null;
  for (const e of events) {
    if (e.action === 'update-draft' && texts(e.details, 'fields').includes('emergency')) {
      const value = e.details['emergencySunsetAt'];
      if (value === undefined) return 'unrecorded';
      if (typeof value === 'string') {
        sunsetAt = value;
        set = true;
      } else {
        set = false;
        reviewed = null;
      }
    }
    if (e.action === 'review-emergency' && set) {
      const next = e.details['newSunsetAt'];
      reviewed = { sunsetAt: typeof next === 'string' ? next : null };
    }
  }
  if (!set) return null;
  return reviewed ?? { sunsetAt };
}
