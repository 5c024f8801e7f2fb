import { type Actor } from '../../domain/actor';
import { type Case } from '../../domain/case';
import { recomputeDue, type TrackedDeadline } from '../../deadlines/tracked-deadline';
import { findProcedureTemplate } from '../../procedures/procedure-registry';
import { actorMayActAs } from '../roles';
import { isBlank, startManualPeriod } from '../step-helpers';
import { ACTIVE_STAGES } from '../stage-labels';
import { refuse, type StepDefinition, type StepEnv, type StepOutcome } from '../workflow-types';

/** The redress officer runs the decision clock; caseworkers run every other one. */
function checkDeadline(
  c: Case,
  actor: Actor,
  deadlineId: string,
): { deadline: TrackedDeadline } | { missing: string[] } {
  const deadline = c.deadlines.find((d) => d.id === deadlineId);
  if (!deadline) return { missing: [`deadline "${deadlineId}" is not on this case`] };
  if (deadline.metAt !== null) return { missing: ['this deadline is already met'] };
  const capacity = deadline.purpose === 'decision' ? 'redress' : 'caseworker';
  if (!actorMayActAs(actor, capacity)) {
    return {
      missing: [
        capacity === 'redress'
          ? 'only a redress officer can change the decision deadline'
          : 'only a caseworker can change this deadline',
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

const hasOpenDeadline = (c: Case) => (c.deadlines.some((d) => d.metAt === null) ? [] : ['no deadline is running']);

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
    const missing: string[] = [];
    if (deadline.extensionRule === null)
      missing.push(`"${deadline.label}" cannot be extended under ${deadline.source}`);
    else if (deadline.extensions.length >= deadline.extensionRule.maxCount) {
      missing.push(
        `"${deadline.label}" was already extended ${deadline.extensions.length} time(s), the most the procedure allows`,
      );
    }
    if (isBlank(action.reason)) missing.push('an extension needs a reason');
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
    const missing: string[] = [];
    if (deadline.suspensions.some((s) => s.to === null)) missing.push('the clock is already stopped');
    if (deadline.dueAt !== null && Date.parse(deadline.dueAt) < env.nowMs)
      missing.push('this deadline has already passed; it cannot be stopped');
    if (isBlank(action.reason)) missing.push('stopping the clock needs a reason');
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
      : ['no deadline clock is stopped'],
  run(c, actor, action, env): StepOutcome {
    const found = checkDeadline(c, actor, action.deadlineId);
    if ('missing' in found) return refuse('preconditions-unmet', found.missing);
    const { deadline } = found;
    if (!deadline.suspensions.some((s) => s.to === null)) return refuse('invalid-input', ['this clock is not stopped']);
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
    findProcedureTemplate(c.procedure)?.periods.some((p) => p.startsOn === 'manual')
      ? []
      : ["the case's procedure has no period to start by hand"],
  run(c, _actor, action, env): StepOutcome {
    const period = findProcedureTemplate(c.procedure)?.periods.find((p) => p.id === action.periodId);
    if (!period) return refuse('invalid-input', [`the procedure has no period "${action.periodId}"`]);
    if (period.startsOn !== 'manual')
      return refuse('invalid-input', [`"${period.label}" starts by itself when the workflow reaches it`]);
    if (c.deadlines.some((d) => d.periodId === period.id && d.metAt === null))
      return refuse('invalid-input', [`"${period.label}" is already running`]);
    const started = startManualPeriod(c, period.id, env);
    if (!started.ok) return refuse('preconditions-unmet', [started.error.message]);
    return {
      ok: true,
      case: { ...c, deadlines: [...c.deadlines, started.value] },
      toStage: c.stage,
      details: { deadlineId: started.value.id, periodId: period.id, dueAt: started.value.dueAt },
    };
  },
};

export const markPeriodMetStep: StepDefinition<'mark-period-met'> = {
  type: 'mark-period-met',
  label: 'mark a procedure period as met',
  capacity: 'caseworker',
  stages: () => ACTIVE_STAGES,
  gate: (c) =>
    c.deadlines.some((d) => d.purpose === 'tracked' && d.metAt === null) ? [] : ['no procedure period is running'],
  run(c, _actor, action, env): StepOutcome {
    const deadline = c.deadlines.find((d) => d.id === action.deadlineId);
    if (!deadline) return refuse('invalid-input', [`deadline "${action.deadlineId}" is not on this case`]);
    if (deadline.purpose !== 'tracked')
      return refuse('invalid-input', ['this deadline is met by its workflow step, not by hand']);
    if (deadline.metAt !== null) return refuse('invalid-input', ['this deadline is already met']);
    return {
      ok: true,
      case: { ...c, deadlines: c.deadlines.map((d) => (d.id === deadline.id ? { ...d, metAt: env.now } : d)) },
      toStage: c.stage,
      details: { deadlineId: deadline.id, late: deadline.dueAt !== null && Date.parse(deadline.dueAt) < env.nowMs },
    };
  },
};
