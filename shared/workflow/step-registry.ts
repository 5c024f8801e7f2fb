import { type ActionType } from './workflow-action';
import { type StepDefinition } from './workflow-types';
import {
  extendDeadlineStep,
  markPeriodMetStep,
  resumeDeadlineStep,
  startPeriodStep,
  suspendDeadlineStep,
} from './steps/deadline-steps';
import { authoriseStep, updateDraftStep, withdrawStep } from './steps/draft-steps';
import { reviewEmergencyStep } from './steps/emergency-step';
import { correctReceiptStep, decideRecognitionStep, sendResponseStep, setRetentionStep } from './steps/incoming-steps';
import { reviewLadderExceptionStep, takeLadderRungStep } from './steps/ladder-steps';
import { deferNoticeStep, issueNoticeStep } from './steps/notice-steps';
import { purgeStep } from './steps/purge-step';
import { recordTranslationStep } from './steps/translation-step';
import { withholdNoticeStep } from './steps/withhold-notice-step';
import { recordIdentifiedPersonStep } from './steps/identified-person-step';
import { handOverStep } from './steps/hand-over-step';
import { addEvidenceStep, addNoteStep, recordCustodyStep, viewSensitiveStep } from './steps/record-steps';
import {
  beginReviewStep,
  closeChallengeWindowStep,
  closeStep,
  completeRemedyStep,
  decideStep,
  lodgeChallengeStep,
} from './steps/redress-steps';
import { reopenStep } from './steps/reopen-step';
import { declareInadmissibleStep } from './steps/inadmissible-step';
import { recordResponseStep, sendRequestStep } from './steps/request-steps';

/** One definition per action type; the mapped type makes a missing action a compile error. */
export const STEPS: { readonly [T in ActionType]: StepDefinition<T> } = {
  'update-draft': updateDraftStep,
  authorise: authoriseStep,
  'send-request': sendRequestStep,
  'record-response': recordResponseStep,
  'decide-recognition': decideRecognitionStep,
  'send-response': sendResponseStep,
  'correct-receipt': correctReceiptStep,
  'set-retention': setRetentionStep,
  'issue-notice': issueNoticeStep,
  'defer-notice': deferNoticeStep,
  'withhold-notice': withholdNoticeStep,
  'record-identified-person': recordIdentifiedPersonStep,
  'lodge-challenge': lodgeChallengeStep,
  'close-challenge-window': closeChallengeWindowStep,
  'begin-review': beginReviewStep,
  decide: decideStep,
  'complete-remedy': completeRemedyStep,
  close: closeStep,
  withdraw: withdrawStep,
  reopen: reopenStep,
  purge: purgeStep,
  'take-ladder-rung': takeLadderRungStep,
  'review-ladder-exception': reviewLadderExceptionStep,
  'review-emergency': reviewEmergencyStep,
  'extend-deadline': extendDeadlineStep,
  'suspend-deadline': suspendDeadlineStep,
  'resume-deadline': resumeDeadlineStep,
  'start-period': startPeriodStep,
  'mark-period-met': markPeriodMetStep,
  'add-note': addNoteStep,
  'record-translation': recordTranslationStep,
  'hand-over': handOverStep,
  'add-evidence': addEvidenceStep,
  'record-custody': recordCustodyStep,
  'view-sensitive': viewSensitiveStep,
  'declare-inadmissible': declareInadmissibleStep,
};
