import { sealAuditEvent } from '../audit/audit-chain';
import { type Actor } from '../domain/actor';
import { type Case } from '../domain/case';
import { caseSide } from '../domain/case-side';
import { actorMayActAs, independenceRefusal, ONLY_ROLE, worksOnTheCase } from './roles';
import { deadlineChangeDetails } from './deadline-marks';
import { STEPS } from './step-registry';
import { type ActionOf, type ActionType, type WorkflowAction } from './workflow-action';
import { workflowMessage } from './workflow-message';
import {
  type Capacity,
  type Refusal,
  type StepDefinition,
  type StepEnv,
  type TransitionResult,
  type WorkflowContext,
} from './workflow-types';

export function stepEnv(c: Case, context: WorkflowContext): StepEnv {
  const now = context.clock.now();
  return { now: now.toISOString(), nowMs: now.getTime(), settings: context.settings, seq: c.audit.count };
}

/**
 * Why `actor` may not take action `type` on `c` right now, regardless of input: stage, kind, role, independence
 * and state preconditions. Null when the action is open (its input may still be refused).
 */
export function gateRefusal<T extends ActionType>(c: Case, actor: Actor, type: T, env: StepEnv): Refusal | null {
  const step: StepDefinition<T> = STEPS[type];
  if (c.stage === 'purged') return { code: 'case-purged', missing: [workflowMessage('case-purged')] };
  const side = caseSide(c);
  if (step.sides && !step.sides.includes(side)) {
    return { code: 'wrong-side', missing: [workflowMessage('action-wrong-side', { action: type, side })] };
  }
  if (step.kinds && !step.kinds.includes(c.kind)) {
    return { code: 'wrong-kind', missing: [workflowMessage('action-wrong-kind', { action: type, kind: c.kind })] };
  }
  const stages = step.stages(c);
  if (!stages.includes(c.stage)) {
    return {
      code: 'wrong-stage',
      missing: [workflowMessage('action-wrong-stage', { action: type, stages, stage: c.stage })],
    };
  }
  if (step.capacity !== 'anyone' && !actorMayActAs(actor, step.capacity)) {
    return { code: 'role-not-permitted', missing: [workflowMessage(ONLY_ROLE[step.capacity], { action: type })] };
  }
  const independence = independenceRefusal(c, actor.id, step.capacity);
  if (independence) return independence;
  const unmet = step.gate?.(c, actor, env) ?? [];
  return unmet.length > 0 ? { code: 'preconditions-unmet', missing: unmet } : null;
}

/**
 * The one way a case changes. Returns the next case and its sealed audit event, or a refusal listing everything
 * that is missing. Pure: the clock and the hash function come in through `context`.
 */
export function transition(c: Case, actor: Actor, action: WorkflowAction, context: WorkflowContext): TransitionResult {
  return run(c, actor, action, context);
}

function run<T extends ActionType>(
  c: Case,
  actor: Actor,
  action: ActionOf<T>,
  context: WorkflowContext,
): TransitionResult {
  const env = stepEnv(c, context);
  // TypeScript cannot correlate `action` with `STEPS[action.type]`; the mapped STEPS type keeps them in step.
  const type: T = action.type;
  const gate = gateRefusal(c, actor, type, env);
  if (gate) return { ok: false, refusal: gate };
  const step: StepDefinition<T> = STEPS[type];
  const capacity: Capacity = step.capacityFor?.(c, action) ?? step.capacity;
  const outcome = step.run(c, actor, action, env);
  if (!outcome.ok) return outcome;
  // The gate checked the step's own capacity; this use may count as another (a decision deadline is redress work).
  const independence = independenceRefusal(c, actor.id, capacity);
  if (independence) return { ok: false, refusal: independence };
  const addsCaseworker = worksOnTheCase(capacity) && !c.caseworkerIds.includes(actor.id);
  const { event, head } = sealAuditEvent(
    c.id,
    c.audit,
    {
      at: env.now,
      actor: { id: actor.id, role: actor.role },
      type: outcome.eventType ?? (outcome.toStage !== c.stage ? 'stage-changed' : 'record-changed'),
      action: type,
      fromStage: c.stage,
      toStage: outcome.toStage,
      // What the step did to the deadlines, so the trail alone shows which period ran until when (oversight).
      details: { ...outcome.details, ...deadlineChangeDetails(c.deadlines, outcome.case.deadlines) },
    },
    context,
  );
  const next: Case = {
    ...outcome.case,
    stage: outcome.toStage,
    updatedAt: env.now,
    caseworkerIds: addsCaseworker ? [...c.caseworkerIds, actor.id] : c.caseworkerIds,
    audit: head,
  };
  return { ok: true, case: next, event };
}
