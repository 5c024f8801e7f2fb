import { type Case } from '../domain/case';
import { startDeadline, type TrackedDeadline } from '../deadlines/tracked-deadline';
import { err, ok, type Result } from '../result';
import { findProcedureTemplate, periodForPurpose } from '../procedures/procedure-registry';
import { type ProcedurePeriod, type ProcedureTemplate } from '../procedures/procedure-template';
import { findJurisdiction } from '../vocab/vocabulary';
import { type OfficeSettings, type StepEnv } from './workflow-types';

export const isBlank = (text: string): boolean => text.trim().length === 0;

/**
 * The clock a period runs on: the partner's (who must act) or the originating office's, with the region whose
 * holidays count there when the office has chosen one (`DE-BY`).
 */
export function clockFor(
  c: Case,
  side: ProcedurePeriod['clock'],
  settings: Pick<OfficeSettings, 'holidayRegions'>,
): { jurisdiction: string; timeZone: string } {
  const code = side === 'partner' && c.partnerJurisdiction ? c.partnerJurisdiction : c.originatingJurisdiction;
  const region = settings.holidayRegions[code];
  return { jurisdiction: region ? `${code}-${region}` : code, timeZone: findJurisdiction(code)?.timeZone ?? 'UTC' };
}

export const isEmergencyActive = (c: Case, nowMs: number): boolean =>
  c.emergency !== null && Date.parse(c.emergency.sunsetAt) > nowMs;

function start(c: Case, template: ProcedureTemplate, period: ProcedurePeriod, env: StepEnv): Result<TrackedDeadline> {
  const started = startDeadline({
    id: `d${env.seq}-${period.id}`,
    template,
    period,
    startedAt: env.now,
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
): Result<TrackedDeadline[]> {
  const purpose =
    trigger === 'request-sent' ? 'response' : trigger === 'notice-issued' ? 'challenge-window' : 'decision';
  const started: TrackedDeadline[] = [];
  const own = periodForPurpose(c.procedure, purpose);
  if (own) {
    const deadline = start(c, own.template, own.period, env);
    if (!deadline.ok) return deadline;
    started.push(deadline.value);
  }
  const template = findProcedureTemplate(c.procedure);
  if (template) {
    for (const period of template.periods) {
      if (period.purpose !== 'tracked' || period.startsOn !== trigger) continue;
      const deadline = start(c, template, period, env);
      if (!deadline.ok) return deadline;
      started.push(deadline.value);
    }
  }
  return ok(started);
}

export function startManualPeriod(c: Case, periodId: string, env: StepEnv): Result<TrackedDeadline> {
  const template = findProcedureTemplate(c.procedure);
  const period = template?.periods.find((p) => p.id === periodId);
  if (!template || !period) return err('unknown-period', `The procedure template has no period "${periodId}".`);
  return start(c, template, period, env);
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

export const caseTimeZone = (c: Case): string => findJurisdiction(c.originatingJurisdiction)?.timeZone ?? 'UTC';
