import { type Actor } from '../domain/actor';
import { type Case } from '../domain/case';
import { STEPS } from './step-registry';
import { gateRefusal, stepEnv } from './transition';
import { ACTION_TYPES, type ActionType } from './workflow-action';
import { type WorkflowMessage } from './workflow-message';
import { type RefusalCode, type WorkflowContext } from './workflow-types';

export type ActionAvailability =
  | { readonly type: ActionType; readonly label: string; readonly available: true }
  | {
      readonly type: ActionType;
      readonly label: string;
      readonly available: false;
      readonly code: RefusalCode;
      readonly reasons: readonly WorkflowMessage[];
    };

/**
 * Every action with whether `actor` can take it now, and if not, why. The UI shows the available ones as
 * buttons and the reasons next to the others. An available action may still refuse bad input.
 */
export function availableActions(c: Case, actor: Actor, context: WorkflowContext): ActionAvailability[] {
  const env = stepEnv(c, context);
  return ACTION_TYPES.map((type) => {
    const refusal = gateRefusal(c, actor, type, env);
    const label = STEPS[type].label;
    return refusal
      ? { type, label, available: false, code: refusal.code, reasons: refusal.missing }
      : { type, label, available: true };
  });
}
