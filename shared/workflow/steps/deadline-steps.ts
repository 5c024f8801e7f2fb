import { type Actor } from '../../domain/actor';
import { type Case } from '../../domain/case';
import { recomputeDue, type TrackedDeadline } from '../../deadlines/tracked-deadline';
import { findProcedureTemplate } from '../../procedures/procedure-registry';
import { actorMayActAs } from '../roles';
import { caseTimeZone, isBlank, periodStartRefusal, startManualPeriod } from '../step-helpers';
import { ACTIVE_STAGES } from '../stage-labels';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepEnv, type StepOutcome } from '../workflow-types';

/** The redress officer runs the decision clock; caseworkers run every other one. */
function checkDeadline(
  c: Case,
  actor: Actor,
  deadlineId: string,
): { deadline: TrackedDeadline } | { missing: WorkflowMessage[] } {
  const deadline = c.deadlines.find((d) => d.id === deadlineId);
  if (!deadline) return { missing: [workflowMessage('deadline-unknown', { id: deadlineId })] };
  if (deadline.metAt !== null) return { missing: [workflowMessage('deadline-already-met')] };
  const capacity = deadline.purpose === 'decision' ? 'redress' : 'caseworker';
  if (!actorMayActAs(actor, capacity)) {
    return {
      missing: [
        workflowMessage(
          capacity === 'redress' ? 'only-redress-changes-decision-deadline' : 'only-caseworker-changes-deadline',
        ),
      ],
    };
  }
  return { deadline };
}

function replaceDeadline(c: Case, updated: Omit<TrackedDeadline, 'dueAt'>): { case: Case; dueAt: string | null } {
  const deadline: TrackedDeadline = { ...updated, dueAt: recomputeDue(updated).dueAt };
  return {
    case: { ...c, deadlines: c.deadlines.map((d) => (d.id === deadline.id ? deadline : d)) },
    dueAt: deadline.dueAt,
  };
}

/** Work on a decision deadline is redress work; on any other deadline it is caseworker work. */
const capacityForDeadline = (c: Case, action: { deadlineId: string }) =>
  c.deadlines.find((d) => d.id === action.deadlineId)?.purpose === 'decision'
    ? ('redress' as const)
    : ('caseworker' as const);

const hasOpenDeadline = (c: Case) =>
  c.deadlines.some((d) => d.metAt === null) ? [] : [workflowMessage('no-deadline-running')];

export const extendDeadlineStep: StepDefinition<'extend-deadline'> = {
  type: 'extend-deadline',
  label: 'extend a deadline',
  capacity: 'anyone',
  capacityFor: capacityForDeadline,
  stages: () => ACTIVE_STAGES,
  gate: hasOpenDeadline,
  run(c, actor, action, env: StepEnv): StepOutcome {
    const found = checkDeadline(c, actor, action.deadlineId);
    if ('missing' in found) return refuse('preconditions-unmet', found.missing);
    const { deadline } = found;
    const missing: WorkflowMessage[] = [];
    if (deadline.extensionRule === null)
      missing.push(workflowMessage('deadline-not-extendable', { label: deadline.label, source: deadline.source }));
    else if (
      deadline.extensionRule.maxCount !== null &&
      deadline.extensions.length >= deadline.extensionRule.maxCount
    ) {
      missing.push(
        workflowMessage('deadline-extended-max', { label: deadline.label, count: deadline.extensions.length }),
      );
    }
    if (isBlank(action.reason)) missing.push(workflowMessage('extension-needs-reason'));
    if (missing.length > 0) return refuse('invalid-input', missing);
    const result = replaceDeadline(c, {
      ...deadline,
      extensions: [...deadline.extensions, { at: env.now, by: actor.id, reason: action.reason }],
    });
    return {
      ok: true,
      case: result.case,
      toStage: c.stage,
      details: { deadlineId: deadline.id, dueAt: result.dueAt, extensions: deadline.extensions.length + 1 },
    };
  },
};

export const suspendDeadlineStep: StepDefinition<'suspend-deadline'> = {
  type: 'suspend-deadline',
  label: 'stop a deadline clock',
  capacity: 'anyone',
  capacityFor: capacityForDeadline,
  stages: () => ACTIVE_STAGES,
  gate: hasOpenDeadline,
  run(c, actor, action, env): StepOutcome {
    const found = checkDeadline(c, actor, action.deadlineId);
    if ('missing' in found) return refuse('preconditions-unmet', found.missing);
    const { deadline } = found;
    const missing: WorkflowMessage[] = [];
    if (deadline.suspensions.some((s) => s.to === null)) missing.push(workflowMessage('clock-already-stopped'));
    if (deadline.dueAt !== null && Date.parse(deadline.dueAt) < env.nowMs)
      missing.push(workflowMessage('deadline-passed-cannot-stop'));
    if (isBlank(action.reason)) missing.push(workflowMessage('stopping-needs-reason'));
    if (missing.length > 0) return refuse('invalid-input', missing);
    const result = replaceDeadline(c, {
      ...deadline,
      suspensions: [...deadline.suspensions, { from: env.now, to: null, by: actor.id, reason: action.reason }],
    });
    return { ok: true, case: result.case, toStage: c.stage, details: { deadlineId: deadline.id } };
  },
};

export const resumeDeadlineStep: StepDefinition<'resume-deadline'> = {
  type: 'resume-deadline',
  label: 'restart a deadline clock',
  capacity: 'anyone',
  capacityFor: capacityForDeadline,
  stages: () => ACTIVE_STAGES,
  gate: (c) =>
    c.deadlines.some((d) => d.metAt === null && d.suspensions.some((s) => s.to === null))
      ? []
      : [workflowMessage('no-clock-stopped')],
  run(c, actor, action, env): StepOutcome {
    const found = checkDeadline(c, actor, action.deadlineId);
    if ('missing' in found) return refuse('preconditions-unmet', found.missing);
    const { deadline } = found;
    if (!deadline.suspensions.some((s) => s.to === null))
      return refuse('invalid-input', [workflowMessage('clock-not-stopped')]);
    const suspensions = deadline.suspensions.map((s) => (s.to === null ? { ...s, to: env.now } : s));
    const result = replaceDeadline(c, { ...deadline, suspensions });
    return { ok: true, case: result.case, toStage: c.stage, details: { deadlineId: deadline.id, dueAt: result.dueAt } };
  },
};

export const startPeriodStep: StepDefinition<'start-period'> = {
  type: 'start-period',
  label: 'start a procedure period',
  capacity: 'caseworker',
  stages: () => ACTIVE_STAGES,
  gate: (c) =>
    findProcedureTemplate(c.procedure)?.periods.some((p) => p.startsOn === 'manual' || p.startsOn === 'receipt')
      ? []
      : [workflowMessage('no-manual-period')],
  run(c, _actor, action, env): StepOutcome {
    const period = findProcedureTemplate(c.procedure)?.periods.find((p) => p.id === action.periodId);
    if (!period) return refuse('invalid-input', [workflowMessage('period-unknown', { id: action.periodId })]);
    if (period.startsOn !== 'manual' && period.startsOn !== 'receipt')
      return refuse('invalid-input', [workflowMessage('period-starts-itself', { label: period.label })]);
    const earlier = c.deadlines.find((d) => d.periodId === period.id);
    if (earlier)
      return refuse('invalid-input', [
        workflowMessage(earlier.metAt === null ? 'period-already-running' : 'period-already-ran', {
          label: period.label,
        }),
      ]);
    // A requested authority's period runs from receipt: the caseworker records when that was (defaults to now).
    const startedAt = action.startedAt ?? env.now;
    if (Date.parse(startedAt) > env.nowMs)
      return refuse('invalid-input', [workflowMessage('period-start-in-future', { label: period.label })]);
    if (period.startsOn === 'receipt' && c.request && Date.parse(startedAt) < Date.parse(c.request.sentAt))
      return refuse('invalid-input', [
        workflowMessage('receipt-before-sending', {
          label: period.label,
          date: c.request.sentAt,
          timeZone: caseTimeZone(c),
        }),
      ]);
    const started = startManualPeriod(c, period.id, env, startedAt);
    if (!started.ok) return periodStartRefusal(started.error);
    return {
      ok: true,
      case: { ...c, deadlines: [...c.deadlines, started.value] },
      toStage: c.stage,
      details: {
        deadlineId: started.value.id,
        periodId: period.id,
        startedAt: started.value.startedAt,
        dueAt: started.value.dueAt,
      },
    };
  },
};

export const markPeriodMetStep: StepDefinition<'mark-period-met'> = {
  type: 'mark-period-met',
  label: 'mark a procedure period as met',
  capacity: 'caseworker',
  stages: () => ACTIVE_STAGES,
  gate: (c) =>
    c.deadlines.some((d) => d.purpose === 'tracked' && d.metAt === null) ? [] : [workflowMessage('no-period-running')],
  run(c, _actor, action, env): StepOutcome {
    const deadline = c.deadlines.find((d) => d.id === action.deadlineId);
    if (!deadline) return refuse('invalid-input', [workflowMessage('deadline-unknown', { id: action.deadlineId })]);
    if (deadline.purpose !== 'tracked') return refuse('invalid-input', [workflowMessage('deadline-met-by-step')]);
    if (deadline.metAt !== null) return refuse('invalid-input', [workflowMessage('deadline-already-met')]);
    return {
      ok: true,
      case: { ...c, deadlines: c.deadlines.map((d) => (d.id === deadline.id ? { ...d, metAt: env.now } : d)) },
      toStage: c.stage,
      details: { deadlineId: deadline.id, late: deadline.dueAt !== null && Date.parse(deadline.dueAt) < env.nowMs },
    };
  },
};
