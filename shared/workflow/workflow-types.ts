import { type AuditEvent, type AuditEventType } from '../audit/audit-event';
import { type AuditSealing } from '../audit/audit-chain';
import { type Actor } from '../domain/actor';
import { type Case } from '../domain/case';
import { type CaseSide } from '../domain/case-side';
import { type CaseStage } from '../domain/case-stage';
import { type ActionOf, type ActionType } from './workflow-action';
import { type WorkflowMessage } from './workflow-message';

export type Clock = { now(): Date };

/** Per-office rules that change what the workflow requires. */
export type OfficeSettings = {
  /** The person who authorises must not be the person who created the case. */
  readonly requireSecondPersonAuthorisation: boolean;
  /**
   * The region whose public holidays count, per jurisdiction (e.g. DE → BY): the office's own and its partners'.
   * A new deadline uses it; a running one keeps the calendar it started with.
   */
  readonly holidayRegions: Readonly<Record<string, string>>;
};

/**
 * `hash` is BLAKE2b-256 (pass `(await cryptoKit()).hash`; shared/ does not load libsodium itself) and `signer`
 * signs each event for the person recording it (the vault's keyring in the app).
 */
export type WorkflowContext = AuditSealing & {
  readonly clock: Clock;
  readonly settings: OfficeSettings;
};

export type RefusalCode =
  | 'case-purged'
  | 'wrong-stage'
  | 'wrong-kind'
  | 'wrong-side'
  | 'role-not-permitted'
  | 'conflict-of-interest'
  | 'preconditions-unmet'
  | 'invalid-input';

/**
 * Why an action was refused: a stable code and every missing thing, each a message (code and parameters) the UI
 * words in the reader's language and `describeWorkflowMessage` words in English.
 */
export type Refusal = { readonly code: RefusalCode; readonly missing: readonly WorkflowMessage[] };

export type TransitionResult =
  | { readonly ok: true; readonly case: Case; readonly event: AuditEvent }
  | { readonly ok: false; readonly refusal: Refusal };

/** What one step computes; `transition` stamps, links and seals it. */
export type StepSuccess = {
  readonly ok: true;
  readonly case: Case;
  readonly toStage: CaseStage;
  readonly details: Record<string, DetailValue>;
  readonly eventType?: AuditEventType;
};
export type StepOutcome = StepSuccess | { readonly ok: false; readonly refusal: Refusal };
export type DetailValue = string | number | boolean | null | string[];

export type StepEnv = {
  readonly now: string;
  readonly nowMs: number;
  readonly settings: OfficeSettings;
  /** The sequence number the audit event will get; new entities derive their ids from it, so ids are deterministic. */
  readonly seq: number;
};

/** In which capacity an action is done: caseworker work bars a person from deciding on the case. */
export type Capacity = 'caseworker' | 'authorise' | 'redress' | 'anyone';

export type StepDefinition<T extends ActionType> = {
  readonly type: T;
  /** Plain-words name for messages ("authorise the case"). */
  readonly label: string;
  readonly capacity: Capacity;
  /** The capacity a particular use counts as, where it depends on the input (e.g. which deadline is extended). */
  readonly capacityFor?: (c: Case, action: ActionOf<T>) => Capacity;
  /** Stages the action applies in, given the case (some depend on its kind). */
  readonly stages: (c: Case) => readonly CaseStage[];
  /** Kinds the action applies to; all when absent. */
  readonly kinds?: readonly Case['kind'][];
  /** Sides the action applies on (issuing, executing, redress body); every side when absent. */
  readonly sides?: readonly CaseSide[];
  /** State preconditions that do not depend on the action's input. */
  readonly gate?: (c: Case, actor: Actor, env: StepEnv) => WorkflowMessage[];
  readonly run: (c: Case, actor: Actor, action: ActionOf<T>, env: StepEnv) => StepOutcome;
};

export const refuse = (code: RefusalCode, missing: readonly WorkflowMessage[]): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: { code, missing },
});
