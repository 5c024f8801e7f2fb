import { type CaseSide } from '../domain/case-side';
import { type LadderRung } from '../domain/enforcement-ladder';
import { type Language } from '../domain/primitives';
import { type LapseOutcome } from '../procedures/procedure-template';
import { assertNever } from '../result';
import { KIND_WORDS, STAGE_LABELS } from './stage-labels';
import { formatInstant } from './step-helpers';
import { STEPS } from './step-registry';
import { type AssessmentStatement, type WorkflowMessage } from './workflow-message';
import type { AdmissibilityQuestion } from '../domain/admissibility';

const STATEMENT_WORDS: Record<AssessmentStatement, string> = {
  necessity: 'necessity',
  proportionality: 'proportionality',
  nonDiscrimination: 'non-discrimination',
  minimisation: 'data minimisation',
};

const QUESTION_WORDS: Record<AdmissibilityQuestion, string> = {
  competent: 'the office is competent',
  entitled: 'the complainant is entitled to complain',
  inTime: 'the complaint is in time',
  notUnfounded: 'the complaint is not manifestly unfounded or excessive',
  notDecidedElsewhere: 'the matter is not decided or pending elsewhere',
};

const RUNG_WORDS: Record<LadderRung, string> = {
  warning: 'a warning',
  'remedial-order': 'a remedial order',
  penalty: 'a penalty',
  'invasive-measure': 'an invasive measure',
};

const LAPSE_WORDS: Record<LapseOutcome, string> = {
  overdue: 'is overdue',
  'deemed-agreement': 'lapsed without objection: deemed agreement',
  'provisional-measures-allowed': 'lapsed without reply: provisional measures are allowed',
  'window-closed': 'has closed',
  'preservation-ends': 'has ended: preservation lapses',
  'no-grounds-raised': 'lapsed with no ground for refusal raised',
};

const SIDE_WORDS: Record<CaseSide, string> = {
  issuing: 'a case this office issued',
  executing: 'a request received from another office',
  'redress-body': 'a challenge received as the redress body',
};

const LANGUAGE_WORDS: Record<Language, string> = { en: 'English', fr: 'French', de: 'German', es: 'Spanish' };

const at = (p: { readonly date: string; readonly timeZone: string }) => formatInstant(p.date, p.timeZone);
const label = (action: keyof typeof STEPS) => STEPS[action].label;

/**
 * The English sentence for a message: what the audit trail, logs, tests and the command line show. The UI does
 * not use it; it translates the code (renderer `useWorkflowMessage`), so rewording here changes no other language.
 */
export function describeWorkflowMessage(m: WorkflowMessage): string {
  switch (m.code) {
    case 'case-purged':
      return 'the case was purged at the end of retention; nothing more can be done to it';
    case 'action-wrong-kind':
      return `"${label(m.params.action)}" does not apply to ${KIND_WORDS[m.params.kind]}`;
    case 'action-wrong-stage': {
      const where = m.params.stages.map((s) => STAGE_LABELS[s]).join(', ');
      return `"${label(m.params.action)}" is possible only in stage ${where}; this case is in stage ${STAGE_LABELS[m.params.stage]}`;
    }
    case 'action-wrong-side':
      return `"${label(m.params.action)}" is not done on ${SIDE_WORDS[m.params.side]}`;
    case 'only-caseworker':
      return `only a caseworker can ${label(m.params.action)}`;
    case 'only-authoriser':
      return `only a caseworker or an authoriser can ${label(m.params.action)}`;
    case 'only-redress-officer':
      return `only a redress officer can ${label(m.params.action)}`;
    case 'only-caseworker-opens-case':
      return 'only a caseworker can open a case';
    case 'conflict-worked-as-caseworker':
      return 'you worked on this case as a caseworker, so another redress officer must handle the challenge';
    case 'conflict-reviewer-does-casework':
      return 'you are the independent reviewer of this case, so another caseworker must do caseworker work on it';
    case 'legal-basis-unknown':
      return `legal basis "${m.params.legalBasis}" is not in the legal-bases vocabulary`;
    case 'data-category-unknown':
      return `data category "${m.params.category}" is not in the data-categories vocabulary`;
    case 'data-category-twice':
      return 'a data category is listed twice';
    case 'jurisdiction-unknown':
      return `jurisdiction "${m.params.jurisdiction}" is not in the jurisdictions vocabulary`;
    case 'procedure-unknown':
      return `procedure template "${m.params.procedure}" version ${m.params.version} is not known`;
    case 'person-id-twice':
      return 'two affected people have the same id';
    case 'party-id-twice':
      return 'two parties have the same id';
    case 'statement-empty':
      return `${STATEMENT_WORDS[m.params.statement]} statement is empty`;
    case 'admissibility-unanswered':
      return `admissibility: "${QUESTION_WORDS[m.params.question]}" is not answered`;
    case 'admissibility-unclear':
      return `admissibility: "${QUESTION_WORDS[m.params.question]}" is unclear; find out before admitting the complaint`;
    case 'admissibility-not-met':
      return `admissibility: "${QUESTION_WORDS[m.params.question]}" is answered no, so the complaint cannot be admitted; declare it inadmissible instead`;
    case 'admissibility-reasons-empty':
      return 'admissibility: the reasons are not written';
    case 'admissibility-not-for-kind':
      return `an admissibility record is kept only for a rights complaint, not for ${KIND_WORDS[m.params.kind]}`;
    case 'inadmissible-needs-a-no':
      return 'a complaint is declared inadmissible on an admissibility question answered no; none is';
    case 'legal-basis-not-chosen':
      return 'legal basis is not chosen';
    case 'purpose-empty':
      return 'purpose is empty';
    case 'no-data-category':
      return 'no data category is selected';
    case 'partner-not-set':
      return 'partner jurisdiction is not set';
    case 'data-range-reversed':
      return 'the data time range ends before it starts';
    case 'complainant-not-recorded':
      return 'the complainant is not recorded as an affected person';
    case 'no-affected-person':
      return 'no affected person is recorded to receive notice (for an enforcement action, add the controller as notice recipient)';
    case 'person-no-name':
      return `affected person ${m.params.n} has no name`;
    case 'person-no-contact':
      return `affected person ${m.params.n} has no contact for notice`;
    case 'emergency-justification-empty':
      return 'emergency justification is empty';
    case 'emergency-sunset-not-future':
      return 'emergency sunset date must be in the future';
    case 'retention-not-set':
      return 'retention end (the date the case data is purged) is not set';
    case 'retention-not-future':
      return 'retention end must be in the future';
    case 'procedure-not-in-force':
      return `the procedure "${m.params.template}" does not apply to a case opened on ${m.params.openedOn} (it applies${m.params.from ? ` from ${m.params.from}` : ''}${m.params.until ? ` until ${m.params.until}` : ''}): choose the procedure in force on that date`;
    case 'procedure-not-for-kind':
      return `procedure template "${m.params.template}" does not apply to this kind of case`;
    case 'second-person-required':
      return 'this office requires a second person: someone other than the person who opened the case must authorise it';
    case 'withdrawal-needs-reason':
      return 'withdrawal needs a reason';
    case 'sent-date-in-future':
      return 'the date the request was sent cannot be in the future';
    case 'sent-before-authorisation':
      return 'the request cannot have been sent before the case was authorised: check the date';
    case 'reopen-needs-reason':
      return 'reopening needs a reason, kept in the case and its audit trail';
    case 'reopen-bundle-left':
      return 'the request left as a signed bundle, so the partner office holds it: it cannot be taken back; withdraw the case or send a correction instead';
    case 'reopen-response-from-partner':
      return 'this response came in the partner office’s signed bundle: it cannot be taken back here';
    case 'reopen-second-person-required':
      return 'this office requires a second person: someone other than the person who took the step must reopen it';
    case 'deferral-review-reached':
      return `the deferral of notice to ${m.params.name} has reached its review date: give notice, or renew the deferral with reasons`;
    case 'person-not-told':
      return `${m.params.name} has not been told: give notice, or defer it with reasons and a review date`;
    case 'not-an-emergency':
      return 'this case is not an emergency';
    case 'emergency-review-needs-reasons':
      return 'the emergency review needs reasons';
    case 'new-sunset-not-future':
      return 'the new sunset date must be in the future';
    case 'emergency-sunset-passed-before-sending':
      return 'the emergency measure passed its sunset date; review the emergency (continue with reasons, or end it) before sending';
    case 'already-owner':
      return 'the case already belongs to that person';
    case 'take-over-needs-reason':
      return 'taking over a colleague’s case needs a reason';
    case 'reviewer-cannot-own':
      return 'the independent reviewer of this case cannot own it';
    case 'rung-needs-reasons':
      return `${RUNG_WORDS[m.params.rung]} needs reasons`;
    case 'rung-skipped':
      return `${RUNG_WORDS[m.params.rung]} comes after ${RUNG_WORDS[m.params.below]}; take that first, or record an exception with reasons`;
    case 'exception-not-needed':
      return 'no exception is needed: the rung below was taken; leave the exception empty';
    case 'no-exception-to-review':
      return 'no enforcement exception is waiting for review by someone other than the person who took it';
    case 'ladder-step-unknown':
      return `enforcement step "${m.params.id}" is not on this case`;
    case 'step-not-exception':
      return 'this enforcement step was not an exception';
    case 'exception-already-reviewed':
      return 'this exception was already reviewed';
    case 'exception-own-review':
      return 'the person who took the exception cannot review it';
    case 'rejected-exception-needs-note':
      return 'a rejected exception needs a note saying why';
    case 'everyone-notified':
      return 'every affected person has already been notified';
    case 'person-unknown':
      return `affected person "${m.params.id}" is not on this case`;
    case 'notice-already-issued':
      return `notice was already issued to affected person ${m.params.id}`;
    case 'nobody-awaiting-notice':
      return 'nobody is waiting for notice (a deferral can be renewed only once its review date has passed)';
    case 'notice-issued-cannot-defer':
      return 'notice was already issued to this person; it cannot be deferred';
    case 'deferral-still-running':
      return `this person's deferral runs until ${at(m.params)}; renew it after that date`;
    case 'deferral-needs-reasons':
      return 'notice deferral needs reasons';
    case 'deferral-needs-end':
      return 'notice deferral needs an end date';
    case 'deferral-end-not-future':
      return 'notice deferral end date must be in the future';
    case 'deferral-too-long':
      return `a deferral may run for at most ${m.params.months} months: set an end date on or before ${at(m.params)}, and renew it then, with reasons, if notice would still do harm`;
    case 'nobody-to-withhold-from':
      return 'nobody is waiting for notice';
    case 'record-identified-person':
      return 'record the person the response identified, if it named anyone: their notice is then due';
    case 'not-an-identification-request':
      return 'only a request made to identify an unknown user adds the person its response named';
    case 'notice-issued-cannot-withhold':
      return 'notice was already issued to this person';
    case 'notice-already-withheld':
      return 'notice to this person is already withheld on a lawful ground';
    case 'withholding-needs-reasons':
      return 'a lawful ground for not giving notice needs reasons';
    case 'withholding-second-person':
      return 'this office requires a second person: someone other than the person who deferred the notice must record that it is withheld';
    case 'response-summary-empty':
      return 'response summary is empty';
    case 'recognition-needs-ground':
      return 'a refusal, in full or in part, names at least one ground';
    case 'recognition-ground-unknown':
      return `"${m.params.refusalGround}" is not a ground for refusal under ${m.params.procedure}`;
    case 'recognition-needs-reasons':
      return 'a refusal, in full or in part, needs reasons';
    case 'response-needs-recognition':
      return 'decide on recognition before answering';
    case 'receipt-after-import':
      return `the day of receipt cannot be after the import (${at(m.params)})`;
    case 'receipt-before-request':
      return `the day of receipt cannot be before the sender wrote the request (${at(m.params)})`;
    case 'retention-needs-basis':
      return 'say on what basis the case data is kept until that date';
    case 'set-retention':
      return "set how long this office keeps the case's data (the purge date and its basis)";
    case 'receipt-correction-needs-reason':
      return 'say why the day of receipt differs from the import (for example, when the stick arrived)';
    case 'original-language-fixed':
      return `the case text is written in ${LANGUAGE_WORDS[m.params.language]} and already has translations; its original language cannot change now`;
    case 'translation-of-original':
      return `${LANGUAGE_WORDS[m.params.language]} is the original language; a translation is into another language`;
    case 'translation-needs-decision':
      return 'there is no decision yet whose reasons could be translated';
    case 'note-empty':
      return 'the note is empty';
    case 'evidence-needs-title':
      return 'the evidence item needs a title';
    case 'evidence-needs-media-type':
      return 'the evidence item needs a media type';
    case 'no-evidence':
      return 'the case has no evidence items';
    case 'evidence-unknown':
      return `evidence item "${m.params.id}" is not on this case`;
    case 'evidence-destroyed':
      return 'this evidence item was destroyed; nothing more can happen to it';
    case 'period-not-started':
      return m.params.reason;
    case 'deadline-unknown':
      return `deadline "${m.params.id}" is not on this case`;
    case 'deadline-already-met':
      return 'this deadline is already met';
    case 'only-redress-changes-decision-deadline':
      return 'only a redress officer can change the decision deadline';
    case 'only-caseworker-changes-deadline':
      return 'only a caseworker can change this deadline';
    case 'no-deadline-running':
      return 'no deadline is running';
    case 'deadline-not-extendable':
      return `"${m.params.label}" cannot be extended under ${m.params.source}`;
    case 'deadline-extended-max':
      return `"${m.params.label}" was already extended ${m.params.count} time(s), the most the procedure allows`;
    case 'extension-needs-reason':
      return 'an extension needs a reason';
    case 'clock-already-stopped':
      return 'the clock is already stopped';
    case 'deadline-passed-cannot-stop':
      return 'this deadline has already passed; it cannot be stopped';
    case 'stopping-needs-reason':
      return 'stopping the clock needs a reason';
    case 'no-clock-stopped':
      return 'no deadline clock is stopped';
    case 'clock-not-stopped':
      return 'this clock is not stopped';
    case 'no-manual-period':
      return "the case's procedure has no period to start by hand";
    case 'period-unknown':
      return `the procedure has no period "${m.params.id}"`;
    case 'period-starts-itself':
      return `"${m.params.label}" starts by itself when the workflow reaches it`;
    case 'period-already-running':
      return `"${m.params.label}" is already running`;
    case 'period-already-ran':
      return `"${m.params.label}" has already run on this case and was met`;
    case 'period-start-in-future':
      return `the recorded start of "${m.params.label}" lies in the future`;
    case 'receipt-before-sending':
      return `"${m.params.label}" counts from receipt of the request, which cannot be before it was sent (${at(m.params)})`;
    case 'no-period-running':
      return 'no procedure period is running';
    case 'deadline-met-by-step':
      return 'this deadline is met by its workflow step, not by hand';
    case 'challenge-window-closed-on':
      return `the challenge window closed on ${at(m.params)}`;
    case 'challenge-needs-ground':
      return 'a challenge needs at least one ground';
    case 'challenge-ground-unknown':
      return `challenge ground "${m.params.ground}" is not in the vocabulary`;
    case 'challenger-statement-empty':
      return "the challenger's statement is empty";
    case 'challenger-not-notified':
      return 'this person has not been notified yet; record the notice first';
    case 'attachment-unknown':
      return `attachment "${m.params.id}" is not an evidence item on this case`;
    case 'deferred-notice-blocks-window':
      return `notice to affected person ${m.params.n} is deferred (review ${at(m.params)}); everyone must be notified and have their window before it closes`;
    case 'no-challenge-window':
      return 'no challenge window is running';
    case 'challenge-window-clock-stopped':
      return 'the challenge window clock is stopped; resume it first';
    case 'challenge-window-open-until':
      return `the challenge window is still open until ${at(m.params)}`;
    case 'already-reviewing':
      return 'you are already the reviewing officer';
    case 'only-reviewing-officer-decides':
      return 'only the reviewing officer can decide; take the review first';
    case 'decision-needs-reasons':
      return 'the decision needs reasons';
    case 'decision-needs-remedy':
      return `a ${m.params.outcome} decision needs at least one remedy (for example: erase data, narrow the scope)`;
    case 'remedy-code-unknown':
      return `remedy ${m.params.n}: "${m.params.remedy}" is not in the remedies vocabulary`;
    case 'remedy-due-not-future':
      return `remedy ${m.params.n}: the due date must be in the future`;
    case 'no-remedy-outstanding':
      return 'no remedy is outstanding';
    case 'remedy-unknown':
      return `remedy "${m.params.id}" is not on this case`;
    case 'remedy-already-done':
      return 'this remedy is already done';
    case 'remedy-not-done':
      return `remedy "${m.params.remedy}" is not done (due ${at(m.params)})`;
    case 'case-not-stored':
      return `nothing was saved (${m.params.failure})`;
    case 'reference-taken':
      return `reference ${m.params.reference} is already used by another case; choose another`;
    case 'bundle-case-came-from-partner':
      return 'this case came to you from a partner office; answer it with a response instead';
    case 'bundle-workflow-forbids-sending':
      return 'the workflow does not allow sending now';
    case 'bundle-response-needs-request':
      return 'only a case received as a request from a partner office can be answered with a response';
    case 'bundle-response-already-sent':
      return 'a response to this request was already sent';
    case 'bundle-challenge-came-from-office':
      return 'this case came to you from another office';
    case 'bundle-challenge-not-lodged':
      return 'a challenge can be sent once it is lodged on the case';
    case 'bundle-challenge-already-sent':
      return 'this challenge was already sent to a redress office';
    case 'bundle-decision-needs-challenge':
      return 'only a challenge received from another office can be answered with a decision';
    case 'bundle-decide-first':
      return 'decide the challenge first';
    case 'bundle-decision-already-sent':
      return 'the decision was already sent';
    case 'no-retention-date':
      return 'no retention end date is set';
    case 'retention-running':
      return `retention runs until ${at(m.params)}`;
    case 'purge-notice-deferred':
      return `notice to affected person ${m.params.n} is still deferred: give notice, or record a lawful ground for withholding it, before purging`;
    case 'ready-to-authorise':
      return 'ready to authorise';
    case 'ready-second-person':
      return 'ready: a second person must authorise the case';
    case 'send-request':
      return 'send the request to the partner';
    case 'notice-each-recipient':
      return 'issue or defer notice to each recipient';
    case 'record-complaint':
      return 'record the complaint as a challenge for redress review';
    case 'record-receipt':
      return `record the day the partner received the request: "${m.params.label}" runs from it`;
    case 'record-response':
      return "record the partner's response";
    case 'decide-recognition':
      return 'decide whether to recognise the request: accept, accept in part or refuse, with grounds';
    case 'execute-and-answer':
      return 'carry out what was recognised, then send the answer to the requesting office';
    case 'send-refusal':
      return 'send the refusal, with its grounds, to the requesting office';
    case 'close-answered':
      return 'the answer was sent: close the case';
    case 'notice-person':
      return `issue or defer notice to affected person ${m.params.n}`;
    case 'tell-complainant-inadmissible':
      return `send the inadmissibility letter to complainant ${m.params.n} and record that it was sent`;
    case 'notice-due-again':
      return `notice deferral for affected person ${m.params.n} expired: notice is due again`;
    case 'notice-deferred-until':
      return `notice to affected person ${m.params.n} is deferred until ${at(m.params)}`;
    case 'challenge-window-closed':
      return 'the challenge window has closed: close it to move the case on';
    case 'wait-challenge-window':
      return 'wait for the challenge window to close, or record a challenge';
    case 'take-review':
      return 'a redress officer must take the review';
    case 'officer-decides':
      return 'the reviewing officer decides: upheld, modified or quashed, with reasons';
    case 'carry-out-remedy':
      return `carry out remedy "${m.params.remedy}"`;
    case 'remedies-done':
      return 'all remedies are done: close the case';
    case 'purge-now':
      return 'retention has ended: purge the case data';
    case 'purge-when-retention-ends':
      return 'purge the case data when retention ends';
    case 'emergency-lapsed':
      return 'the emergency measure passed its sunset: it has lapsed unless reviewed';
    case 'emergency-sunsets':
      return `emergency measure sunsets ${at(m.params)}`;
    case 'deadline-lapsed':
      return `"${m.params.label}" ${LAPSE_WORDS[m.params.lapse]}`;
    case 'stage-deadline-lapsed':
      return `"${m.params.label}" ${LAPSE_WORDS[m.params.lapse]} (${STAGE_LABELS[m.params.stage]})`;
    case 'period-running':
      return `"${m.params.label}" (${m.params.template})`;
    default:
      return assertNever(m, 'workflow message');
  }
}

/** Each message in English, for a caller whose errors are strings (the bundle importer, the exchange screen). */
export const describeWorkflowMessages = (messages: readonly WorkflowMessage[]): string[] =>
  messages.map(describeWorkflowMessage);
