import { type CaseSide } from '../domain/case-side';
import { type CaseKind, type CaseStage } from '../domain/case-stage';
import { type LadderRung } from '../domain/enforcement-ladder';
import { type Language } from '../domain/primitives';
import { type ThresholdAssessment } from '../domain/threshold-assessment';
import type { AdmissibilityQuestion } from '../domain/admissibility';
import { type LapseOutcome } from '../procedures/procedure-template';
import { type ActionType } from './workflow-action';
import type { CaseStoreErrorCode } from './case-store';

/**
 * Every refusal reason and every "required now" item the workflow produces, as a stable code (part of the UI
 * contract: docs/workflow.md §Refusal codes). The UI translates by code (`workflowMessages.<code>` in each
 * catalog); `describeWorkflowMessage` writes the English for the audit trail, logs, tests and the CLI. A code is
 * never reused for another meaning; rewording a message changes only its catalog entries.
 */
export const WORKFLOW_MESSAGE_CODES = [
  // Any action: stage, kind, role, independence.
  'case-purged',
  'action-wrong-kind',
  'action-wrong-stage',
  'action-wrong-side',
  'only-caseworker',
  'only-authoriser',
  'only-redress-officer',
  'only-caseworker-opens-case',
  'conflict-worked-as-caseworker',
  'conflict-reviewer-does-casework',
  // Opening and editing a draft.
  'legal-basis-unknown',
  'data-category-unknown',
  'data-category-twice',
  'jurisdiction-unknown',
  'procedure-unknown',
  'person-id-twice',
  'party-id-twice',
  // What authorisation needs.
  'statement-empty',
  'legal-basis-not-chosen',
  'purpose-empty',
  'no-data-category',
  'partner-not-set',
  'data-range-reversed',
  'complainant-not-recorded',
  'admissibility-unanswered',
  'admissibility-unclear',
  'admissibility-not-met',
  'admissibility-reasons-empty',
  'admissibility-not-for-kind',
  'inadmissible-needs-a-no',
  'no-affected-person',
  'person-no-name',
  'person-no-contact',
  'emergency-justification-empty',
  'emergency-sunset-not-future',
  'retention-not-set',
  'retention-not-future',
  'procedure-not-for-kind',
  'procedure-not-in-force',
  'second-person-required',
  'withdrawal-needs-reason',
  // Sending and reopening.
  'sent-date-in-future',
  'sent-before-authorisation',
  'reopen-needs-reason',
  'reopen-bundle-left',
  'reopen-response-from-partner',
  'reopen-second-person-required',
  // The right to know.
  'deferral-review-reached',
  'person-not-told',
  // Emergency.
  'not-an-emergency',
  'emergency-review-needs-reasons',
  'new-sunset-not-future',
  'emergency-sunset-passed-before-sending',
  // Ownership.
  'already-owner',
  'take-over-needs-reason',
  'reviewer-cannot-own',
  // Enforcement ladder.
  'rung-needs-reasons',
  'rung-skipped',
  'exception-not-needed',
  'no-exception-to-review',
  'ladder-step-unknown',
  'step-not-exception',
  'exception-already-reviewed',
  'exception-own-review',
  'rejected-exception-needs-note',
  // Notice.
  'everyone-notified',
  'person-unknown',
  'notice-already-issued',
  'nobody-awaiting-notice',
  'notice-issued-cannot-defer',
  'deferral-still-running',
  'deferral-needs-reasons',
  'deferral-needs-end',
  'deferral-end-not-future',
  'deferral-too-long',
  'nobody-to-withhold-from',
  'not-an-identification-request',
  'record-identified-person',
  'notice-issued-cannot-withhold',
  'notice-already-withheld',
  'withholding-needs-reasons',
  'withholding-second-person',
  // Request and response.
  'response-summary-empty',
  // A request received from another office.
  'recognition-needs-ground',
  'recognition-ground-unknown',
  'recognition-needs-reasons',
  'response-needs-recognition',
  'receipt-after-import',
  'receipt-before-request',
  'receipt-correction-needs-reason',
  'retention-needs-basis',
  'set-retention',
  // Translations of printed free text.
  'original-language-fixed',
  'translation-of-original',
  'translation-needs-decision',
  // Records and evidence.
  'note-empty',
  'evidence-needs-title',
  'evidence-needs-media-type',
  'no-evidence',
  'evidence-unknown',
  'evidence-destroyed',
  // Deadlines and procedure periods.
  'period-not-started',
  'deadline-unknown',
  'deadline-already-met',
  'only-redress-changes-decision-deadline',
  'only-caseworker-changes-deadline',
  'no-deadline-running',
  'deadline-not-extendable',
  'deadline-extended-max',
  'extension-needs-reason',
  'clock-already-stopped',
  'deadline-passed-cannot-stop',
  'stopping-needs-reason',
  'no-clock-stopped',
  'clock-not-stopped',
  'no-manual-period',
  'period-unknown',
  'period-starts-itself',
  'period-already-running',
  'period-already-ran',
  'period-start-in-future',
  'receipt-before-sending',
  'no-period-running',
  'deadline-met-by-step',
  // Challenge, review, decision, remedies, closing.
  'challenge-window-closed-on',
  'challenge-needs-ground',
  'challenge-ground-unknown',
  'challenger-statement-empty',
  'challenger-not-notified',
  'attachment-unknown',
  'deferred-notice-blocks-window',
  'no-challenge-window',
  'challenge-window-clock-stopped',
  'challenge-window-open-until',
  'already-reviewing',
  'only-reviewing-officer-decides',
  'decision-needs-reasons',
  'decision-needs-remedy',
  'remedy-code-unknown',
  'remedy-due-not-future',
  'no-remedy-outstanding',
  'remedy-unknown',
  'remedy-already-done',
  'remedy-not-done',
  // Storing a case (case-store.ts).
  'case-not-stored',
  'reference-taken',
  // Sending the case as a bundle (exchange-policy.ts).
  'bundle-case-came-from-partner',
  'bundle-workflow-forbids-sending',
  'bundle-response-needs-request',
  'bundle-response-already-sent',
  'bundle-challenge-came-from-office',
  'bundle-challenge-not-lodged',
  'bundle-challenge-already-sent',
  'bundle-decision-needs-challenge',
  'bundle-decide-first',
  'bundle-decision-already-sent',
  // Purge.
  'no-retention-date',
  'retention-running',
  'purge-notice-deferred',
  // What is required now.
  'ready-to-authorise',
  'ready-second-person',
  'send-request',
  'notice-each-recipient',
  'record-complaint',
  'record-response',
  'record-receipt',
  'decide-recognition',
  'execute-and-answer',
  'send-refusal',
  'close-answered',
  'notice-person',
  'tell-complainant-inadmissible',
  'notice-due-again',
  'notice-deferred-until',
  'challenge-window-closed',
  'wait-challenge-window',
  'take-review',
  'officer-decides',
  'carry-out-remedy',
  'remedies-done',
  'purge-now',
  'purge-when-retention-ends',
  'emergency-lapsed',
  'emergency-sunsets',
  'deadline-lapsed',
  'stage-deadline-lapsed',
  'period-running',
] as const;

export type WorkflowMessageCode = (typeof WORKFLOW_MESSAGE_CODES)[number];

export function isWorkflowMessageCode(value: unknown): value is WorkflowMessageCode {
  return typeof value === 'string' && (WORKFLOW_MESSAGE_CODES as readonly string[]).includes(value);
}

/** The four statements of the threshold assessment, in the order the form shows them. */
export type AssessmentStatement = keyof ThresholdAssessment;

/** An instant, with the zone the English text shows it in (the UI formats it in the reader's locale). */
type At = { readonly date: string; readonly timeZone: string };
type None = Record<never, never>;

/** Every code lists its parameters exactly once, and nothing else is listed. */
type ParamsFor<T extends Record<WorkflowMessageCode, object> & Record<Exclude<keyof T, WorkflowMessageCode>, never>> =
  T;

/**
 * The variable parts of each message. A parameter's name says what it holds, and so how the UI shows it: `stage`,
 * `kind`, `action`, `statement`, `question`, `rung`, `lapse`, `language` and vocabulary codes (`remedy`, `outcome`, `ground`, `category`,
 * `legalBasis`, `jurisdiction`) are codes it translates; `date` is an ISO instant; `n` a position counted from 1;
 * the rest (`id`, `name`, `label`, `source`, `template`, `procedure`, `reason`) is shown as written.
 */
export type WorkflowMessageParams = ParamsFor<{
  'case-purged': None;
  'action-wrong-kind': { readonly action: ActionType; readonly kind: CaseKind };
  'action-wrong-stage': {
    readonly action: ActionType;
    readonly stages: readonly CaseStage[];
    readonly stage: CaseStage;
  };
  'action-wrong-side': { readonly action: ActionType; readonly side: CaseSide };
  'only-caseworker': { readonly action: ActionType };
  'only-authoriser': { readonly action: ActionType };
  'only-redress-officer': { readonly action: ActionType };
  'only-caseworker-opens-case': None;
  'conflict-worked-as-caseworker': None;
  'conflict-reviewer-does-casework': None;
  'legal-basis-unknown': { readonly legalBasis: string };
  'data-category-unknown': { readonly category: string };
  'data-category-twice': None;
  'jurisdiction-unknown': { readonly jurisdiction: string };
  'procedure-unknown': { readonly procedure: string; readonly version: number };
  'person-id-twice': None;
  'party-id-twice': None;
  'statement-empty': { readonly statement: AssessmentStatement };
  'legal-basis-not-chosen': None;
  'purpose-empty': None;
  'no-data-category': None;
  'partner-not-set': None;
  'data-range-reversed': None;
  'complainant-not-recorded': None;
  'admissibility-unanswered': { readonly question: AdmissibilityQuestion };
  'admissibility-unclear': { readonly question: AdmissibilityQuestion };
  'admissibility-not-met': { readonly question: AdmissibilityQuestion };
  'admissibility-reasons-empty': None;
  'admissibility-not-for-kind': { readonly kind: CaseKind };
  'inadmissible-needs-a-no': None;
  'no-affected-person': None;
  'person-no-name': { readonly n: number };
  'person-no-contact': { readonly n: number };
  'emergency-justification-empty': None;
  'emergency-sunset-not-future': None;
  'retention-not-set': None;
  'retention-not-future': None;
  'procedure-not-for-kind': { readonly template: string; readonly kind: CaseKind };
  'procedure-not-in-force': {
    readonly template: string;
    readonly openedOn: string;
    readonly from: string;
    readonly until: string;
  };
  'second-person-required': None;
  'withdrawal-needs-reason': None;
  'sent-date-in-future': None;
  'sent-before-authorisation': None;
  'reopen-needs-reason': None;
  'reopen-bundle-left': None;
  'reopen-response-from-partner': None;
  'reopen-second-person-required': None;
  'deferral-review-reached': { readonly name: string };
  'person-not-told': { readonly name: string };
  'not-an-emergency': None;
  'emergency-review-needs-reasons': None;
  'new-sunset-not-future': None;
  'emergency-sunset-passed-before-sending': None;
  'already-owner': None;
  'take-over-needs-reason': None;
  'reviewer-cannot-own': None;
  'rung-needs-reasons': { readonly rung: LadderRung };
  'rung-skipped': { readonly rung: LadderRung; readonly below: LadderRung };
  'exception-not-needed': None;
  'no-exception-to-review': None;
  'ladder-step-unknown': { readonly id: string };
  'step-not-exception': None;
  'exception-already-reviewed': None;
  'exception-own-review': None;
  'rejected-exception-needs-note': None;
  'everyone-notified': None;
  'person-unknown': { readonly id: string };
  'notice-already-issued': { readonly id: string };
  'nobody-awaiting-notice': None;
  'notice-issued-cannot-defer': None;
  'deferral-still-running': At;
  'deferral-needs-reasons': None;
  'deferral-needs-end': None;
  'deferral-end-not-future': None;
  'deferral-too-long': At & { readonly months: number };
  'nobody-to-withhold-from': None;
  'not-an-identification-request': None;
  'record-identified-person': None;
  'notice-issued-cannot-withhold': None;
  'notice-already-withheld': None;
  'withholding-needs-reasons': None;
  'withholding-second-person': None;
  'response-summary-empty': None;
  'recognition-needs-ground': None;
  'recognition-ground-unknown': { readonly refusalGround: string; readonly procedure: string };
  'recognition-needs-reasons': None;
  'response-needs-recognition': None;
  'receipt-after-import': At;
  'receipt-before-request': At;
  'receipt-correction-needs-reason': None;
  'retention-needs-basis': None;
  'set-retention': None;
  'original-language-fixed': { readonly language: Language };
  'translation-of-original': { readonly language: Language };
  'translation-needs-decision': None;
  'note-empty': None;
  'evidence-needs-title': None;
  'evidence-needs-media-type': None;
  'no-evidence': None;
  'evidence-unknown': { readonly id: string };
  'evidence-destroyed': None;
  'period-not-started': { readonly reason: string };
  'deadline-unknown': { readonly id: string };
  'deadline-already-met': None;
  'only-redress-changes-decision-deadline': None;
  'only-caseworker-changes-deadline': None;
  'no-deadline-running': None;
  'deadline-not-extendable': { readonly label: string; readonly source: string };
  'deadline-extended-max': { readonly label: string; readonly count: number };
  'extension-needs-reason': None;
  'clock-already-stopped': None;
  'deadline-passed-cannot-stop': None;
  'stopping-needs-reason': None;
  'no-clock-stopped': None;
  'clock-not-stopped': None;
  'no-manual-period': None;
  'period-unknown': { readonly id: string };
  'period-starts-itself': { readonly label: string };
  'period-already-running': { readonly label: string };
  'period-already-ran': { readonly label: string };
  'period-start-in-future': { readonly label: string };
  'receipt-before-sending': { readonly label: string; readonly date: string; readonly timeZone: string };
  'no-period-running': None;
  'deadline-met-by-step': None;
  'challenge-window-closed-on': At;
  'challenge-needs-ground': None;
  'challenge-ground-unknown': { readonly ground: string };
  'challenger-statement-empty': None;
  'challenger-not-notified': None;
  'attachment-unknown': { readonly id: string };
  'deferred-notice-blocks-window': At & { readonly n: number };
  'no-challenge-window': None;
  'challenge-window-clock-stopped': None;
  'challenge-window-open-until': At;
  'already-reviewing': None;
  'only-reviewing-officer-decides': None;
  'decision-needs-reasons': None;
  'decision-needs-remedy': { readonly outcome: string };
  'remedy-code-unknown': { readonly n: number; readonly remedy: string };
  'remedy-due-not-future': { readonly n: number };
  'no-remedy-outstanding': None;
  'remedy-unknown': { readonly id: string };
  'remedy-already-done': None;
  'remedy-not-done': At & { readonly remedy: string };
  'case-not-stored': { readonly failure: CaseStoreErrorCode };
  'reference-taken': { readonly reference: string };
  'bundle-case-came-from-partner': None;
  'bundle-workflow-forbids-sending': None;
  'bundle-response-needs-request': None;
  'bundle-response-already-sent': None;
  'bundle-challenge-came-from-office': None;
  'bundle-challenge-not-lodged': None;
  'bundle-challenge-already-sent': None;
  'bundle-decision-needs-challenge': None;
  'bundle-decide-first': None;
  'bundle-decision-already-sent': None;
  'no-retention-date': None;
  'retention-running': At;
  'purge-notice-deferred': { readonly n: number };
  'ready-to-authorise': None;
  'ready-second-person': None;
  'send-request': None;
  'notice-each-recipient': None;
  'record-complaint': None;
  'record-response': None;
  'record-receipt': { readonly label: string };
  'decide-recognition': None;
  'execute-and-answer': None;
  'send-refusal': None;
  'close-answered': None;
  'notice-person': { readonly n: number };
  'tell-complainant-inadmissible': { readonly n: number };
  'notice-due-again': { readonly n: number };
  'notice-deferred-until': At & { readonly n: number };
  'challenge-window-closed': None;
  'wait-challenge-window': None;
  'take-review': None;
  'officer-decides': None;
  'carry-out-remedy': { readonly remedy: string };
  'remedies-done': None;
  'purge-now': None;
  'purge-when-retention-ends': None;
  'emergency-lapsed': None;
  'emergency-sunsets': At;
  'deadline-lapsed': { readonly label: string; readonly lapse: LapseOutcome };
  'stage-deadline-lapsed': { readonly label: string; readonly lapse: LapseOutcome; readonly stage: CaseStage };
  'period-running': { readonly label: string; readonly template: string };
}>;

/** One message: a code and the values for its blanks. */
export type WorkflowMessage = {
  readonly [C in WorkflowMessageCode]: { readonly code: C; readonly params: WorkflowMessageParams[C] };
}[WorkflowMessageCode];

/** Every parameter name any message uses (the UI decides by name how to show a value). */
export type WorkflowMessageParamName = {
  [C in WorkflowMessageCode]: keyof WorkflowMessageParams[C];
}[WorkflowMessageCode];

type ParamArgs<C extends WorkflowMessageCode> = keyof WorkflowMessageParams[C] extends never
  ? []
  : [params: WorkflowMessageParams[C]];

/** Builds a message; codes without blanks take no second argument. */
export function workflowMessage<C extends WorkflowMessageCode>(code: C, ...args: ParamArgs<C>): WorkflowMessage {
  const params: WorkflowMessageParams[C] | None = args[0] ?? {};
  // The rest parameter ties `params` to `code`; TypeScript cannot see that through the distributed union.
  return { code, params } as WorkflowMessage;
}
