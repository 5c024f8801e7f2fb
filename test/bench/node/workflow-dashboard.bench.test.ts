import { it } from 'vitest';
import { CASE_STAGES, type CaseStage } from '@shared/domain/case-stage';
import { type CaseSummary } from '@shared/workflow/case-summary';
import { dashboard } from '@shared/workflow/dashboard';
import { bestOf, reportRatio } from '../report';

const DAY = 86_400_000;
const CASES = 10_000;
const nowMs = Date.parse('2026-03-28T19:00:00Z');

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function syntheticSummaries(): CaseSummary[] {
  const random = mulberry32(42);
  const around = () => nowMs + Math.round((random() - 0.3) * 60 * DAY);
  return Array.from({ length: CASES }, (_, i) => {
    const stage = CASE_STAGES[Math.floor(random() * CASE_STAGES.length)] ?? 'draft';
    return {
      caseId: `case-${i}`,
      reference: `DE-BFDI-2026-${String(i).padStart(5, '0')}`,
      kind: 'data-access-request',
      stage,
      updatedAtMs: nowMs - Math.round(random() * 90 * DAY),
      deadlines: Array.from({ length: Math.floor(random() * 3) }, (_, k) => ({
        id: `d${k}`,
        label: 'Reply',
        dueMs: around(),
      })),
      openRemedies: stage === 'remedies' ? [{ id: 'r0', code: 'erase-data', dueMs: around() }] : [],
      emergencySunsetMs: random() < 0.05 ? around() : null,
      noticeReviewMs: random() < 0.1 ? around() : null,
      purgeAtMs: stage === 'closed' ? around() : null,
    } satisfies CaseSummary;
  });
}

/** The obvious implementation: one Array.filter pass per stage and bucket, plus filter-and-sort lists. */
function filterBaseline(summaries: readonly CaseSummary[], endOfToday: number, endOfWeek: number) {
  const dues = (s: CaseSummary) => [...s.deadlines.map((d) => d.dueMs), ...s.openRemedies.map((r) => r.dueMs)];
  const perStage = {} as Record<CaseStage, { overdue: number; today: number; thisWeek: number }>;
  for (const stage of CASE_STAGES) {
    const inStage = summaries.filter((s) => s.stage === stage);
    perStage[stage] = {
      overdue: inStage.filter((s) => dues(s).some((d) => d < nowMs)).length,
      today: inStage.filter((s) => dues(s).some((d) => d >= nowMs && d <= endOfToday)).length,
      thisWeek: inStage.filter((s) => dues(s).some((d) => d > endOfToday && d <= endOfWeek)).length,
    };
  }
  const near = (ms: number | null) => ms !== null && ms <= endOfWeek;
  return {
    perStage,
    due: summaries
      .filter((s) => dues(s).some((d) => d <= endOfWeek))
      .sort((a, b) => Math.min(...dues(a)) - Math.min(...dues(b))),
    emergencySunsets: summaries.filter((s) => near(s.emergencySunsetMs)),
    noticeReviews: summaries.filter((s) => near(s.noticeReviewMs)),
    purges: summaries.filter((s) => near(s.purgeAtMs)),
  };
}

it('dashboard over 10,000 cases vs plain Array.filter', async () => {
  const summaries = syntheticSummaries();
  const endOfToday = Date.parse('2026-03-28T22:59:59.999Z');
  const endOfWeek = Date.parse('2026-04-03T21:59:59.999Z');
  let items = 0;
  const measured = await bestOf(15, () => {
    items = dashboard(summaries, { nowMs, timeZone: 'Europe/Berlin' }).due.length;
  });
  const baseline = await bestOf(15, () => filterBaseline(summaries, endOfToday, endOfWeek));
  reportRatio(
    'workflow dashboard, 10,000 cases',
    measured,
    'Array.filter per stage and bucket',
    baseline,
    `${items} due items, ${((measured * 1000) / CASES).toFixed(2)} µs per case`,
  );
});
