import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { termLabel } from '@shared/vocab/vocabulary';
import { useLocaleFormat } from './useLocaleFormat';

/**
 * The shared workflow words its refusals and "required now" items in English. In another UI language, the
 * sentences the journey meets most are matched here and looked up in the catalog (`workflowMessages.*`);
 * anything unmatched, or untranslated, is shown as the workflow wrote it — never dropped.
 */
const EXACT: Readonly<Record<string, string>> = {
  'the case already belongs to that person': 'alreadyOwner',
  'taking over a colleague’s case needs a reason': 'takeOverReason',
  'the independent reviewer of this case cannot own it': 'reviewerCannotOwn',
  'legal basis is not chosen': 'legalBasisNotChosen',
  'purpose is empty': 'purposeEmpty',
  'no data category is selected': 'noDataCategory',
  'partner jurisdiction is not set': 'partnerNotSet',
  'the data time range ends before it starts': 'rangeReversed',
  'emergency justification is empty': 'emergencyJustificationEmpty',
  'emergency sunset date must be in the future': 'sunsetInFuture',
  'retention end (the date the case data is purged) is not set': 'retentionNotSet',
  'retention end must be in the future': 'retentionInFuture',
  'this office requires a second person: someone other than the person who opened the case must authorise it':
    'secondPerson',
  'ready to authorise': 'readyToAuthorise',
  'ready: a second person must authorise the case': 'readySecondPerson',
  'send the request to the partner': 'sendRequest',
  "record the partner's response": 'recordResponse',
  'issue or defer notice to each recipient': 'noticeEachRecipient',
  'record the complaint as a challenge for redress review': 'recordComplaint',
  'wait for the challenge window to close, or record a challenge': 'waitWindow',
  'the challenge window has closed: close it to move the case on': 'windowClosed',
  'a redress officer must take the review': 'takeReview',
  'the reviewing officer decides: upheld, modified or quashed, with reasons': 'officerDecides',
  'all remedies are done: close the case': 'remediesDone',
  'notice deferral needs reasons': 'deferralNeedsReasons',
  'notice deferral needs an end date': 'deferralNeedsEnd',
  'notice deferral end date must be in the future': 'deferralEndFuture',
  'a challenge needs at least one ground': 'challengeNeedsGround',
  "the challenger's statement is empty": 'statementEmptyChallenge',
  'the decision needs reasons': 'decisionNeedsReasons',
  'response summary is empty': 'responseEmpty',
  'the note is empty': 'noteEmpty',
  'the emergency measure passed its sunset: it has lapsed unless reviewed': 'emergencyLapsed',
  'you worked on this case as a caseworker, so another redress officer must handle the challenge': 'conflict',
  'no remedy is outstanding': 'noRemedyOutstanding',
};

type Pattern = {
  readonly re: RegExp;
  readonly key: string;
  readonly values: (m: RegExpExecArray) => Record<string, string>;
};

const STATEMENT_KEYS: Readonly<Record<string, string>> = {
  necessity: 'necessity',
  proportionality: 'proportionality',
  'non-discrimination': 'nonDiscrimination',
  'data minimisation': 'minimisation',
};

export function useWorkflowMessage(): (message: string) => string {
  const { t, i18n } = useTranslation();
  const { language } = useLocaleFormat();
  return useCallback(
    (message: string) => {
      if (i18n.language.startsWith('en')) return message;
      const patterns: readonly Pattern[] = [
        {
          re: /^(necessity|proportionality|non-discrimination|data minimisation) statement is empty$/,
          key: 'statementEmpty',
          values: (m) => ({ what: t(`draft.statement.${STATEMENT_KEYS[m[1] ?? ''] ?? ''}`) }),
        },
        { re: /^affected person (\d+) has no name$/, key: 'personNoName', values: (m) => ({ n: m[1] ?? '' }) },
        {
          re: /^affected person (\d+) has no contact for notice$/,
          key: 'personNoContact',
          values: (m) => ({ n: m[1] ?? '' }),
        },
        { re: /^no affected person is recorded/, key: 'noPerson', values: () => ({}) },
        {
          re: /^issue or defer notice to affected person (\d+)$/,
          key: 'noticePerson',
          values: (m) => ({ n: m[1] ?? '' }),
        },
        {
          re: /^notice to affected person (\d+) is deferred until (.+)$/,
          key: 'noticeDeferred',
          values: (m) => ({ n: m[1] ?? '', date: m[2] ?? '' }),
        },
        {
          re: /^notice deferral for affected person (\d+) expired: notice is due again$/,
          key: 'noticeDueAgain',
          values: (m) => ({ n: m[1] ?? '' }),
        },
        {
          re: /^carry out remedy "(.+)"$/,
          key: 'carryOutRemedy',
          values: (m) => ({ remedy: termLabel('remedies', m[1] ?? '', language) }),
        },
        {
          re: /^remedy "(.+)" is not done \(due (.+)\)$/,
          key: 'remedyNotDone',
          values: (m) => ({ remedy: termLabel('remedies', m[1] ?? '', language), date: m[2] ?? '' }),
        },
        { re: /^emergency measure sunsets (.+)$/, key: 'emergencySunsets', values: (m) => ({ date: m[1] ?? '' }) },
        {
          re: /^the challenge window is still open until (.+)$/,
          key: 'windowOpenUntil',
          values: (m) => ({ date: m[1] ?? '' }),
        },
        { re: /^"(.+)" is overdue(?: \((.+)\))?$/, key: 'deadlineOverdue', values: (m) => ({ label: m[1] ?? '' }) },
        { re: /^only a redress officer can /, key: 'onlyRedressOfficer', values: () => ({}) },
        { re: /^only a caseworker can /, key: 'onlyCaseworker', values: () => ({}) },
        { re: /^only a caseworker or an authoriser can /, key: 'onlyAuthoriser', values: () => ({}) },
        {
          re: /^a (upheld|modified|quashed) decision needs at least one remedy/,
          key: 'decisionNeedsRemedy',
          values: (m) => ({ outcome: termLabel('outcomes', m[1] ?? '', language) }),
        },
        {
          re: /^remedy (\d+): the due date must be in the future$/,
          key: 'remedyDueFuture',
          values: (m) => ({ n: m[1] ?? '' }),
        },
      ];
      const exact = EXACT[message];
      if (exact) return t(`workflowMessages.${exact}`, { defaultValue: message });
      for (const pattern of patterns) {
        const match = pattern.re.exec(message);
        if (match) return t(`workflowMessages.${pattern.key}`, { ...pattern.values(match), defaultValue: message });
      }
      return message;
    },
    [t, i18n.language, language],
  );
}
