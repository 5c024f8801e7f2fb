import { type Case } from '../domain/case';
import { isNoticeDue } from '../domain/notice-status';
import { deadlineState } from '../deadlines/tracked-deadline';
import { findProcedureTemplate } from '../procedures/procedure-registry';
import { authorisationGaps } from './steps/draft-steps';
import { caseTimeZone, formatInstant, runningDeadline } from './step-helpers';
import { STAGE_LABELS, STAGE_PATHS } from './stage-labels';
import { type OfficeSettings } from './workflow-types';

export type RequirementItem = {
  readonly severity: 'todo' | 'overdue' | 'warning';
  readonly message: string;
  readonly dueAt: string | null;
};

export type RequiredNow = {
  readonly stage: Case['stage'];
  /** Stages still ahead for this kind of case, for the stepper. */
  readonly stagesAhead: readonly Case['stage'][];
  readonly items: readonly RequirementItem[];
};

const LAPSE_WORDS = {
  overdue: 'is overdue',
  'deemed-agreement': 'lapsed without objection: deemed agreement',
  'provisional-measures-allowed': 'lapsed without reply: provisional measures are allowed',
  'window-closed': 'has closed',
  'preservation-ends': 'has ended: preservation lapses',
  'no-grounds-raised': 'lapsed with no ground for refusal raised',
} as const;

/** What must happen next on a case, in plain words, for the stepper and the case header. */
export function requiredNow(c: Case, nowMs: number, settings: OfficeSettings): RequiredNow {
  const zone = caseTimeZone(c);
  const items: RequirementItem[] = [];
  const todo = (message: string, dueAt: string | null = null) => items.push({ severity: 'todo', message, dueAt });
  const path = STAGE_PATHS[c.kind];
  const stagesAhead = path.slice(path.indexOf(c.stage) + 1);

  switch (c.stage) {
    case 'draft':
      // The second-person rule is about who acts, not what is missing, so it is left to the action list.
      for (const gap of authorisationGaps(c, '', {
        now: new Date(nowMs).toISOString(),
        nowMs,
        settings,
        seq: c.audit.count,
      }))
        todo(gap);
      if (items.length === 0)
        todo(
          settings.requireSecondPersonAuthorisation
            ? 'ready: a second person must authorise the case'
            : 'ready to authorise',
        );
      break;
    case 'authorised':
      if (c.kind === 'data-access-request') todo('send the request to the partner');
      else if (c.kind === 'enforcement-action') todo('issue or defer notice to each recipient');
      else todo('record the complaint as a challenge for redress review');
      break;
    case 'request-sent': {
      const response = runningDeadline(c, 'response');
      todo("record the partner's response", response?.dueAt ?? null);
      break;
    }
    case 'response-received':
    case 'notice':
    case 'challenge-window':
      c.affectedPeople.forEach((person, index) => {
        if (person.notice.state === 'pending') todo(`issue or defer notice to affected person ${index + 1}`);
        else if (person.notice.state === 'deferred' && isNoticeDue(person.notice, nowMs)) {
          items.push({
            severity: 'overdue',
            message: `notice deferral for affected person ${index + 1} expired: notice is due again`,
            dueAt: person.notice.reviewAt,
          });
        } else if (person.notice.state === 'deferred') {
          items.push({
            severity: 'warning',
            message: `notice to affected person ${index + 1} is deferred until ${formatInstant(person.notice.reviewAt, zone)}`,
            dueAt: person.notice.reviewAt,
          });
        }
      });
      if (c.stage === 'challenge-window') {
        const window = runningDeadline(c, 'challenge-window');
        if (window?.dueAt && deadlineState(window, nowMs) === 'lapsed')
          todo('the challenge window has closed: close it to move the case on');
        else todo('wait for the challenge window to close, or record a challenge', window?.dueAt ?? null);
      }
      break;
    case 'challenge-lodged':
      todo('a redress officer must take the review', runningDeadline(c, 'decision')?.dueAt ?? null);
      break;
    case 'redress-review':
      todo(
        'the reviewing officer decides: upheld, modified or quashed, with reasons',
        runningDeadline(c, 'decision')?.dueAt ?? null,
      );
      break;
    case 'remedies':
      for (const remedy of c.remedies.filter((r) => r.done === null)) {
        const late = Date.parse(remedy.dueAt) < nowMs;
        items.push({
          severity: late ? 'overdue' : 'todo',
          message: `carry out remedy "${remedy.code}"`,
          dueAt: remedy.dueAt,
        });
      }
      if (c.remedies.every((r) => r.done !== null)) todo('all remedies are done: close the case');
      break;
    case 'closed':
      if (c.retention.purgeAt)
        todo(
          Date.parse(c.retention.purgeAt) <= nowMs
            ? 'retention has ended: purge the case data'
            : 'purge the case data when retention ends',
          c.retention.purgeAt,
        );
      break;
    case 'purged':
      break;
  }

  if (c.emergency && c.stage !== 'draft' && c.stage !== 'closed' && c.stage !== 'purged') {
    const sunset = Date.parse(c.emergency.sunsetAt);
    const ended = c.emergency.reviews.at(-1)?.newSunsetAt === null && c.emergency.reviews.length > 0;
    if (!ended && sunset <= nowMs)
      items.push({
        severity: 'overdue',
        message: 'the emergency measure passed its sunset: it has lapsed unless reviewed',
        dueAt: c.emergency.sunsetAt,
      });
    else if (!ended)
      items.push({
        severity: 'warning',
        message: `emergency measure sunsets ${formatInstant(c.emergency.sunsetAt, zone)}`,
        dueAt: c.emergency.sunsetAt,
      });
  }
  const template = findProcedureTemplate(c.procedure);
  for (const deadline of c.deadlines) {
    if (deadline.purpose !== 'tracked' || deadline.metAt !== null) continue;
    const state = deadlineState(deadline, nowMs);
    if (state === 'lapsed') {
      items.push({
        severity: deadline.lapseOutcome === 'overdue' ? 'overdue' : 'warning',
        message: `"${deadline.label}" ${LAPSE_WORDS[deadline.lapseOutcome]}`,
        dueAt: deadline.dueAt,
      });
    } else if (state === 'running') {
      todo(`"${deadline.label}" (${template?.title ?? deadline.templateId})`, deadline.dueAt);
    }
  }
  for (const deadline of c.deadlines) {
    if (deadline.purpose === 'tracked' || deadline.metAt !== null || deadlineState(deadline, nowMs) !== 'lapsed')
      continue;
    if (deadline.lapseOutcome === 'window-closed') continue;
    items.push({
      severity: 'overdue',
      message: `"${deadline.label}" ${LAPSE_WORDS[deadline.lapseOutcome]} (${STAGE_LABELS[c.stage]})`,
      dueAt: deadline.dueAt,
    });
  }
  return { stage: c.stage, stagesAhead, items };
}
