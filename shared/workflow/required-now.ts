import { type Case } from '../domain/case';
import { caseSide } from '../domain/case-side';
import { isNoticeDue } from '../domain/notice-status';
import { deadlineState } from '../deadlines/tracked-deadline';
import { findProcedureTemplate } from '../procedures/procedure-registry';
import { authorisationGaps } from './steps/draft-steps';
import { seeksOnlyIdentification } from './identification';
import { caseTimeZone, runningDeadline } from './step-helpers';
import { stagePath } from './stage-labels';
import { workflowMessage, type WorkflowMessage } from './workflow-message';
import { type OfficeSettings } from './workflow-types';

export type RequirementItem = {
  readonly severity: 'todo' | 'overdue' | 'warning';
  readonly message: WorkflowMessage;
  readonly dueAt: string | null;
};

export type RequiredNow = {
  readonly stage: Case['stage'];
  /** Stages still ahead for this kind of case, for the stepper. */
  readonly stagesAhead: readonly Case['stage'][];
  readonly items: readonly RequirementItem[];
};

/** What must happen next on a case, for the stepper and the case header. */
export function requiredNow(c: Case, nowMs: number, settings: OfficeSettings): RequiredNow {
  const timeZone = caseTimeZone(c);
  const items: RequirementItem[] = [];
  const todo = (message: WorkflowMessage, dueAt: string | null = null) =>
    items.push({ severity: 'todo', message, dueAt });
  const path = stagePath(c);
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
        todo(workflowMessage(settings.requireSecondPersonAuthorisation ? 'ready-second-person' : 'ready-to-authorise'));
      break;
    case 'authorised':
      if (c.kind === 'data-access-request') todo(workflowMessage('send-request'));
      else if (c.kind === 'enforcement-action') todo(workflowMessage('notice-each-recipient'));
      else todo(workflowMessage('record-complaint'));
      break;
    case 'request-sent': {
      // A period that runs from the partner's receipt cannot start until the caseworker records that day.
      for (const period of findProcedureTemplate(c.procedure)?.periods ?? []) {
        if (period.startsOn === 'receipt' && !c.deadlines.some((d) => d.periodId === period.id))
          todo(workflowMessage('record-receipt', { label: period.label }));
      }
      const response = runningDeadline(c, 'response');
      todo(workflowMessage('record-response'), response?.dueAt ?? null);
      break;
    }
    case 'response-received':
    case 'notice':
    case 'challenge-window':
      // A request to identify an unknown user: the response may name someone, who is then owed notice.
      if (c.stage !== 'challenge-window' && c.affectedPeople.length === 0 && seeksOnlyIdentification(c))
        todo(workflowMessage('record-identified-person'));
      c.affectedPeople.forEach((person, index) => {
        if (person.notice.state === 'pending') todo(workflowMessage('notice-person', { n: index + 1 }));
      });
      items.push(...deferredNotices(c, nowMs));
      if (c.stage === 'challenge-window') {
        const window = runningDeadline(c, 'challenge-window');
        if (window?.dueAt && deadlineState(window, nowMs) === 'lapsed')
          todo(workflowMessage('challenge-window-closed'));
        else todo(workflowMessage('wait-challenge-window'), window?.dueAt ?? null);
      }
      break;
    case 'challenge-lodged':
      todo(workflowMessage('take-review'), runningDeadline(c, 'decision')?.dueAt ?? null);
      break;
    case 'redress-review':
      todo(workflowMessage('officer-decides'), runningDeadline(c, 'decision')?.dueAt ?? null);
      break;
    case 'remedies':
      for (const remedy of c.remedies.filter((r) => r.done === null)) {
        const late = Date.parse(remedy.dueAt) < nowMs;
        items.push({
          severity: late ? 'overdue' : 'todo',
          message: workflowMessage('carry-out-remedy', { remedy: remedy.code }),
          dueAt: remedy.dueAt,
        });
      }
      if (c.remedies.every((r) => r.done !== null)) todo(workflowMessage('remedies-done'));
      break;
    // A request received from another office: its own periods (running, from receipt) carry the due dates.
    case 'received':
      todo(workflowMessage('decide-recognition'), receivingOfficeDue(c, 'recognition'));
      break;
    case 'executing':
      todo(workflowMessage('execute-and-answer'), receivingOfficeDue(c, 'response'));
      break;
    case 'refused':
      todo(workflowMessage('send-refusal'), receivingOfficeDue(c, 'response'));
      break;
    case 'response-sent':
      if (c.retention.purgeAt === null) todo(workflowMessage('set-retention'));
      todo(workflowMessage('close-answered'));
      break;
    case 'closed': {
      // The right to know outlives the case: a deferred notice is still owed, and the case cannot be purged before.
      const owed = deferredNotices(c, nowMs);
      items.push(...owed);
      // An inadmissible complaint closes with its complainant still to be told of the decision and its reasons.
      if (c.closure?.reason === 'inadmissible')
        c.affectedPeople.forEach((person, index) => {
          if (person.notice.state === 'pending')
            todo(workflowMessage('tell-complainant-inadmissible', { n: index + 1 }));
        });
      if (c.retention.purgeAt === null && caseSide(c) !== 'issuing') todo(workflowMessage('set-retention'));
      if (c.retention.purgeAt && owed.length === 0)
        todo(
          workflowMessage(Date.parse(c.retention.purgeAt) <= nowMs ? 'purge-now' : 'purge-when-retention-ends'),
          c.retention.purgeAt,
        );
      break;
    }
    case 'purged':
      break;
  }

  if (c.emergency && c.stage !== 'draft' && c.stage !== 'closed' && c.stage !== 'purged') {
    const sunset = Date.parse(c.emergency.sunsetAt);
    const ended = c.emergency.reviews.at(-1)?.newSunsetAt === null && c.emergency.reviews.length > 0;
    if (!ended && sunset <= nowMs)
      items.push({
        severity: 'overdue',
        message: workflowMessage('emergency-lapsed'),
        dueAt: c.emergency.sunsetAt,
      });
    else if (!ended)
      items.push({
        severity: 'warning',
        message: workflowMessage('emergency-sunsets', { date: c.emergency.sunsetAt, timeZone }),
        dueAt: c.emergency.sunsetAt,
      });
  }
  const template = findProcedureTemplate(c.procedure);
  for (const deadline of c.deadlines) {
    if (deadline.purpose !== 'tracked' || deadline.metAt !== null) continue;
    const state = deadlineState(deadline, nowMs);
    if (state === 'lapsed') {
      items.push({
        // Late is late: a reply past its period is overdue even where the law attaches a consequence to it.
        severity:
          deadline.lapseOutcome === 'overdue' || deadline.lapseOutcome === 'provisional-measures-allowed'
            ? 'overdue'
            : 'warning',
        message: workflowMessage('deadline-lapsed', { label: deadline.label, lapse: deadline.lapseOutcome }),
        dueAt: deadline.dueAt,
      });
    } else if (state === 'running') {
      todo(
        workflowMessage('period-running', { label: deadline.label, template: template?.title ?? deadline.templateId }),
        deadline.dueAt,
      );
    }
  }
  for (const deadline of c.deadlines) {
    if (deadline.purpose === 'tracked' || deadline.metAt !== null || deadlineState(deadline, nowMs) !== 'lapsed')
      continue;
    if (deadline.lapseOutcome === 'window-closed') continue;
    items.push({
      severity: 'overdue',
      message: workflowMessage('stage-deadline-lapsed', {
        label: deadline.label,
        lapse: deadline.lapseOutcome,
        stage: c.stage,
      }),
      dueAt: deadline.dueAt,
    });
  }
  return { stage: c.stage, stagesAhead, items };
}

/** The earliest due date among the receiving office's running periods that `by` meets (a response meets all). */
function receivingOfficeDue(c: Case, by: 'recognition' | 'response'): string | null {
  const periods = findProcedureTemplate(c.procedure)?.periods ?? [];
  const ids = new Set(
    periods
      .filter((p) => p.atReceivingOffice && (by === 'response' || p.atReceivingOffice.metBy === by))
      .map((p) => p.id),
  );
  const due = c.deadlines
    .filter((d) => d.metAt === null && d.dueAt !== null && ids.has(d.periodId))
    .map((d) => d.dueAt ?? '')
    .sort();
  return due[0] ?? null;
}

/** Each person whose notice is deferred: overdue once the review date has passed, a warning until then. */
function deferredNotices(c: Case, nowMs: number): RequirementItem[] {
  const timeZone = caseTimeZone(c);
  return c.affectedPeople.flatMap((person, index): RequirementItem[] => {
    if (person.notice.state !== 'deferred') return [];
    const dueAt = person.notice.reviewAt;
    return isNoticeDue(person.notice, nowMs)
      ? [{ severity: 'overdue', message: workflowMessage('notice-due-again', { n: index + 1 }), dueAt }]
      : [
          {
            severity: 'warning',
            message: workflowMessage('notice-deferred-until', { n: index + 1, date: dueAt, timeZone }),
            dueAt,
          },
        ];
  });
}
