import { type Case } from '../domain/case';
import { caseSide } from '../domain/case-side';
import { startDeadline, type TrackedDeadline } from '../deadlines/tracked-deadline';
import { err, ok, type Result } from '../result';
import { findProcedureTemplate, periodForPurpose } from '../procedures/procedure-registry';
import { periodConditionMet, type ProcedurePeriod, type ProcedureTemplate } from '../procedures/procedure-template';
import { findJurisdiction } from '../vocab/vocabulary';
import { workflowMessage } from './workflow-message';
import { refuse, type OfficeSettings, type StepEnv } from './workflow-types';

export const isBlank = (text: string): boolean => text.trim().length === 0;

/**
 * The jurisdiction whose calendar a period runs on: the partner's (the authority that must act) or the originating
 * office's. On a case received from another office the partner that must act is this office itself.
 */
function actingJurisdiction(c: Case, clock: ProcedurePeriod['clock']): string {
  if (clock === 'originating') return c.originatingJurisdiction;
  if (c.incoming) return c.incoming.ownJurisdiction;
  return c.partnerJurisdiction ?? c.originatingJurisdiction;
}

/**
 * The clock a period runs on, with the region whose holidays count there when the office has chosen one (`DE-BY`).
 */
export function clockFor(
  c: Case,
  clock: ProcedurePeriod['clock'],
  settings: Pick<OfficeSettings, 'holidayRegions'>,
): { jurisdiction: string; timeZone: string } {
  const code = actingJurisdiction(c, clock);
  const region = settings.holidayRegions[code];
  return { jurisdiction: region ? `${code}-${region}` : code, timeZone: findJurisdiction(code)?.timeZone ?? 'UTC' };
}

export const isEmergencyActive = (c: Case, nowMs: number): boolean =>
  c.emergency !== null && Date.parse(c.emergency.sunsetAt) > nowMs;

function start(
  c: Case,
  template: ProcedureTemplate,
  period: ProcedurePeriod,
  env: StepEnv,
  startedAt: string = env.now,
): Result<TrackedDeadline> {
  const started = startDeadline({
    id: `d${env.seq}-${period.id}`,
    template,
    period,
    startedAt,
    emergency: isEmergencyActive(c, env.nowMs),
    clock: clockFor(c, period.clock, env.settings),
  });
  return started.ok ? started : err(started.error.code, started.error.message);
}

/**
 * Starts every period that a workflow event triggers: the workflow purpose's own period (from the case's template,
 * or the default template for challenge and decision periods) and any tracked periods that start on it.
 */
export function startPeriodsOn(
  c: Case,
  trigger: 'request-sent' | 'notice-issued' | 'challenge-lodged',
  env: StepEnv,
  /** When the event happened, if earlier than now (a request posted yesterday, recorded today). */
  startedAt: string = env.now,
): Result<TrackedDeadline[]> {
  const purpose =
    trigger === 'request-sent' ? 'response' : trigger === 'notice-issued' ? 'challenge-window' : 'decision';
  const started: TrackedDeadline[] = [];
  const categories = c.dataCategories.map((d) => d.code);
  const own = periodForPurpose(c.procedure, purpose);
  if (own && periodConditionMet(own.period, categories)) {
    const deadline = start(c, own.template, own.period, env, startedAt);
    if (!deadline.ok) return deadline;
    started.push(deadline.value);
  }
  const template = findProcedureTemplate(c.procedure);
  if (template) {
    for (const period of template.periods) {
      if (period.purpose !== 'tracked' || period.startsOn !== trigger) continue;
      // e.g. Reg. 2023/1543 Art. 8: no enforcing-authority period for subscriber or identification data only.
      if (!periodConditionMet(period, categories)) continue;
      const deadline = start(c, template, period, env, startedAt);
      if (!deadline.ok) return deadline;
      started.push(deadline.value);
    }
  }
  return ok(started);
}

/** Starts a period by hand, at the recorded date of its start event (receipt, adoption…) or now. */
export function startManualPeriod(
  c: Case,
  periodId: string,
  env: StepEnv,
  startedAt: string = env.now,
): Result<TrackedDeadline> {
  const template = findProcedureTemplate(c.procedure);
  const period = template?.periods.find((p) => p.id === periodId);
  if (!template || !period) return err('unknown-period', `The procedure template has no period "${periodId}".`);
  if (Date.parse(startedAt) > env.nowMs)
    return err('start-in-future', `The recorded start of "${period.label}" lies in the future.`);
  return start(c, template, period, env, startedAt);
}

export const markMet = (
  deadlines: readonly TrackedDeadline[],
  purpose: TrackedDeadline['purpose'],
  now: string,
): TrackedDeadline[] => deadlines.map((d) => (d.purpose === purpose && d.metAt === null ? { ...d, metAt: now } : d));

export const runningDeadline = (c: Case, purpose: TrackedDeadline['purpose']): TrackedDeadline | undefined =>
  c.deadlines.find((d) => d.purpose === purpose && d.metAt === null);

export const formatInstant = (iso: string, timeZone: string): string => {
  const date = new Date(iso);
  return `${new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(date)} (${timeZone})`;
};

/** The time zone the case's own dates are shown in: this office's (the originating one, unless it was received). */
export const caseTimeZone = (c: Case): string =>
  findJurisdiction(c.incoming?.ownJurisdiction ?? c.originatingJurisdiction)?.timeZone ?? 'UTC';

/**
 * The periods the procedure gives the office that received the request, started on `on` (receipt, at the receipt
 * date; or the recognition decision, now): the requested authority's own deadlines.
 */
export function startReceivingOfficePeriods(
  c: Case,
  on: 'receipt' | 'recognition',
  env: StepEnv,
  startedAt: string = env.now,
): Result<TrackedDeadline[]> {
  const template = findProcedureTemplate(c.procedure);
  const started: TrackedDeadline[] = [];
  if (caseSide(c) !== 'executing' || !template) return ok(started);
  const categories = c.dataCategories.map((d) => d.code);
  for (const period of template.periods) {
    if (period.atReceivingOffice?.startsOn !== on || !periodConditionMet(period, categories)) continue;
    const deadline = start(c, template, period, env, startedAt);
    if (!deadline.ok) return deadline;
    started.push(deadline.value);
  }
  return ok(started);
}

/** Marks met the receiving office's periods that `by` (its recognition decision, or its response) meets. */
export function meetReceivingOfficePeriods(c: Case, by: 'recognition' | 'response', now: string): TrackedDeadline[] {
  const template = findProcedureTemplate(c.procedure);
  const met = new Set(
    (template?.periods ?? []).filter((p) => p.atReceivingOffice?.metBy === by).map((period) => period.id),
  );
  // A response answers everything still open that the recognition decision would have met, too.
  if (by === 'response')
    for (const p of template?.periods ?? []) if (p.atReceivingOffice?.metBy === 'recognition') met.add(p.id);
  return c.deadlines.map((d) => (d.metAt === null && met.has(d.periodId) ? { ...d, metAt: now } : d));
}

/** A period the procedure says must start could not (a vocabulary or template fault, not the caseworker's). */
export const periodStartRefusal = (error: { readonly message: string }) =>
  refuse('preconditions-unmet', [workflowMessage('period-not-started', { reason: error.message })]);
