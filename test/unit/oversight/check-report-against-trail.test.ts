import { describe, expect, it } from 'vitest';
import { toHex } from '@shared/bytes/bytes';
import { CHECKED_TABLES, checkReportAgainstTrail } from '@shared/oversight/check-report-against-trail';
import { verifyOversightExport } from '@shared/oversight/oversight-audit-export';
import { yearPeriod } from '@shared/reports/report-period';
import type { ReportCounts, ReportTableId } from '@shared/reports/transparency-report';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { busyStories, officeReport } from './desk-reports';
import { CASEWORKER, Story, kit } from './desk-trails';

const identity = generateOfficeIdentity(kit);
const YEAR = yearPeriod(2026);
const NOW = '2027-01-10T00:00:00.000Z';
/** Two emergency measures of 2026, both lapsed by the year's end: one at its sunset, one after a review extended it. */
function emergencies(): Story[] {
  const lapsed = new Story('bfdi-emergency');
  lapsed.authorised({ emergency: { justification: 'Logs are about to be deleted.', sunsetAt: lapsed.iso(3) } });
  const extended = new Story('bfdi-emergency-extended', { start: '2026-03-02T09:00:00.000Z' });
  extended.authorised({ emergency: { justification: 'Logs are about to be deleted.', sunsetAt: extended.iso(3) } });
  extended
    .advance(2)
    .act(CASEWORKER, { type: 'review-emergency', reasons: 'Still needed.', newSunsetAt: extended.iso(5) });
  return [lapsed, extended];
}
const sent = {
  ...officeReport(identity, 'BfDI', [...busyStories('bfdi'), ...emergencies()], YEAR, NOW),
  countedAt: NOW,
};

function exportBody() {
  const verified = verifyOversightExport(kit, sent.exportBytes, [toHex(identity.signingPublicKey)]);
  if (!verified.ok) throw new Error(verified.error.message);
  return verified.value.body;
}

/** The export as an older version wrote it: its events without the given details. */
function withoutDetails(body: ReturnType<typeof exportBody>, keys: readonly string[]): ReturnType<typeof exportBody> {
  const strip = <T>(details: Readonly<Record<string, T>>): Record<string, T> => {
    const kept: Record<string, T> = {};
    for (const [key, value] of Object.entries(details)) if (!keys.includes(key)) kept[key] = value;
    return kept;
  };
  return {
    ...body,
    chains: body.chains.map((chain) => ({
      ...chain,
      events: chain.events.map((e) => ({ ...e, details: strip(e.details) })),
    })),
  };
}

/** The report with one cell of `table` raised by one (a cell added when the table counted nothing). */
function raised(table: ReportTableId): ReportCounts {
  const cells = sent.tables[table] ?? [];
  const [first, ...rest] = cells;
  return {
    ...sent.tables,
    [table]: first ? [{ ...first, count: first.count + 1 }, ...rest] : [{ key: 'extra', count: 1 }],
  };
}

describe('checking a period report against its audit trail', () => {
  it('accepts the counts the office computed from the same cases, with every checkable table counting something', () => {
    const result = checkReportAgainstTrail(sent, exportBody());
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    for (const table of Object.keys(CHECKED_TABLES) as ReportTableId[])
      expect((sent.tables[table] ?? []).length, table).toBeGreaterThan(0);
    expect(sent.tables['notices-issued']).toEqual([
      { key: 'after-deferral', count: 1 },
      { key: 'without-deferral', count: 1 },
    ]);
  });

  it.each(Object.keys(CHECKED_TABLES) as ReportTableId[])(
    'refuses a report whose table %s contradicts the trail, naming the table and both figures',
    (table) => {
      const result = checkReportAgainstTrail({ ...sent, tables: raised(table) }, exportBody());
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('REPORT_CONTRADICTS_TRAIL');
      expect(result.error.message).toContain(`table ${table}`);
      // Every event of this trail records its category, so even the breakdowns are checked cell by cell.
      const trailFigure = (sent.tables[table] ?? [])[0]?.count ?? 0;
      expect(result.error.message).toContain(`says ${trailFigure + 1}, the trail shows ${trailFigure}`);
    },
  );

  it('refuses a notice moved from one kind to another (cells, not only totals, are checked)', () => {
    const moved = { ...sent.tables, 'notices-issued': [{ key: 'without-deferral', count: 2 }] };
    const result = checkReportAgainstTrail({ ...sent, tables: moved }, exportBody());
    expect(result.ok ? '' : result.error.message).toContain(
      'table notices-issued, after-deferral says 0, the trail shows 1',
    );
  });

  it('checks the partner and legal-basis breakdowns cell by cell, as the events record them', () => {
    const partners = sent.tables['requests-sent-by-partner'] ?? [];
    const total = partners.reduce((a, c) => a + c.count, 0);
    const relabelled = { ...sent.tables, 'requests-sent-by-partner': [{ key: 'ZZ', count: total }] };
    const result = checkReportAgainstTrail({ ...sent, tables: relabelled }, exportBody());
    expect(result.ok ? '' : result.error.message).toContain('table requests-sent-by-partner, ');
    const checked = checkReportAgainstTrail(sent, exportBody());
    expect(checked.ok && checked.value.checked).toContainEqual({ table: 'requests-sent-by-legal-basis', how: 'cells' });
  });

  it('checks a breakdown by its total when the trail holds events from before categories were recorded', () => {
    const older = withoutDetails(exportBody(), ['partnerJurisdiction', 'legalBasis']);
    const partners = sent.tables['requests-sent-by-partner'] ?? [];
    const total = partners.reduce((a, c) => a + c.count, 0);
    const relabelled = { ...sent.tables, 'requests-sent-by-partner': [{ key: 'ZZ', count: total }] };
    const result = checkReportAgainstTrail({ ...sent, tables: relabelled }, older);
    expect(result.ok && result.value.checked).toContainEqual({ table: 'requests-sent-by-partner', how: 'total' });
    const raisedTotal = { ...sent.tables, 'requests-sent-by-partner': [{ key: 'ZZ', count: total + 1 }] };
    const refused = checkReportAgainstTrail({ ...sent, tables: raisedTotal }, older);
    expect(refused.ok ? '' : refused.error.message).toContain('the total of table requests-sent-by-partner');
  });

  it('does not check the table the trail cannot establish (deadlines)', () => {
    const changed = { ...sent.tables, deadlines: [{ key: 'met', count: 99 }] };
    expect(checkReportAgainstTrail({ ...sent, tables: changed }, exportBody()).ok).toBe(true);
  });

  it('counts emergency measures as lapsed or in force at the moment the office counted', () => {
    expect(sent.tables['emergency-measures']).toEqual([{ key: 'lapsed-at-sunset', count: 2 }]);
    // Counted on the day after the first sunset: the extended measure (sunset 2026-03-09) was still in force then.
    const early = { ...sent, period: YEAR, countedAt: '2026-03-05T00:00:00.000Z' };
    const result = checkReportAgainstTrail(early, exportBody());
    expect(result.ok ? '' : result.error.message).toContain(
      'table emergency-measures, in-force says 0, the trail shows 1',
    );
  });

  it('does not check emergency measures when a draft edit predates the recorded sunset', () => {
    const older = withoutDetails(exportBody(), ['emergencySunsetAt']);
    const changed = { ...sent.tables, 'emergency-measures': [{ key: 'in-force', count: 9 }] };
    const result = checkReportAgainstTrail({ ...sent, tables: changed }, older);
    expect(result.ok && result.value.checked.map((c) => c.table)).not.toContain('emergency-measures');
    expect(checkReportAgainstTrail({ ...sent, tables: changed }, exportBody()).ok).toBe(false);
  });

  it('refuses an export that does not cover exactly the report’s period', () => {
    const q1 = { from: YEAR.from, to: '2026-04-01T00:00:00.000Z' };
    const result = checkReportAgainstTrail({ ...sent, period: q1 }, exportBody());
    expect(result.ok ? '' : result.error.code).toBe('REPORT_SCOPE_MISMATCH');
  });

  it('counts only events inside the period', () => {
    const later = yearPeriod(2027);
    const body = { ...exportBody(), scope: { kind: 'period' as const, from: later.from, to: later.to } };
    const empty = Object.fromEntries(Object.keys(sent.tables).map((t) => [t, []]));
    expect(checkReportAgainstTrail({ period: later, tables: empty, countedAt: NOW }, body).ok).toBe(true);
    expect(checkReportAgainstTrail({ period: later, tables: sent.tables, countedAt: NOW }, body).ok).toBe(false);
  });

  it('with an unreadable chain, takes the trail’s counts as lower bounds', () => {
    const body = exportBody();
    const decided = body.chains.find((c) => c.caseId === 'bfdi-decided')?.caseId ?? '';
    const bounded = checkReportAgainstTrail(sent, body, [decided]);
    expect(bounded.ok && bounded.value.bound).toBe('at-least');
    const tooFew = { ...sent.tables, 'notices-deferred-by-length': [] };
    const refused = checkReportAgainstTrail({ ...sent, tables: tooFew }, body, [decided]);
    expect(refused.ok ? '' : refused.error.message).toContain('the trail shows at least 1');
  });
});
