import type { AuditEvent } from '../../audit/audit-event';
import type { FindingRule, CaseFinding } from './compliance-finding';
import { caseKindOf, detailString, detailStrings, endsCase, isAfter, templateAt } from './trail-reading';

type Owed = {
  readonly state: 'owed' | 'deferred' | 'settled';
  readonly since: AuditEvent;
  readonly reviewAt: string | null;
};

/**
 * The right to know, read from the trail. A person is owed notice once the case reached them (the response to a
 * request, the authorisation of an enforcement measure, a person the response identified); a deferral puts it off
 * until its review date, when notice is due again (shared/workflow/right-to-know.ts). Late: notice given after the
 * review date of the deferral in force. Never: as of the date judged, a deferral's review date has passed with no
 * notice, new deferral or lawful ground recorded; the case was closed with a person still untold; or the case was
 * purged (the contact details are gone, so the notice can no longer be given). Notice that was never deferred has
 * no figure to be late against ("without undue delay"), so it is not judged late.
 */
export const noticeLateOrNever: FindingRule = ({ events, asOf }) => {
  const kind = caseKindOf(events);
  const template = templateAt(events, events.length - 1);
  const source = template?.notice
    ? `${template.notice.source}: ${template.notice.deferral}`
    : 'The procedure template states no notice rule; Casebridge right to know (docs/workflow.md §2, Notice) — unverified';
  const people = new Map<string, Owed>();
  const findings: CaseFinding[] = [];
  let purge: AuditEvent | null = null;
  for (const event of events) {
    const reached =
      (kind === 'enforcement-action' && event.action === 'authorise') ||
      (kind === 'data-access-request' && event.action === 'record-response');
    if (reached)
      for (const id of detailStrings(event, 'people'))
        if (!people.has(id)) people.set(id, { state: 'owed', since: event, reviewAt: null });
    const personId = detailString(event, 'personId');
    if (event.action === 'record-identified-person' && personId !== null)
      people.set(personId, { state: 'owed', since: event, reviewAt: null });
    if (event.action === 'issue-notice' && personId !== null) {
      const was = people.get(personId);
      if (was?.state === 'deferred' && was.reviewAt !== null && isAfter(event.at, was.reviewAt))
        findings.push({ type: 'notice-late', eventHash: event.hash, asOf: null, dueAt: was.reviewAt, source });
      people.set(personId, { state: 'settled', since: event, reviewAt: null });
    }
    if (event.action === 'defer-notice' && personId !== null)
      people.set(personId, { state: 'deferred', since: event, reviewAt: detailString(event, 'reviewAt') });
    if (event.action === 'withhold-notice' && personId !== null)
      people.set(personId, { state: 'settled', since: event, reviewAt: null });
    if (event.action === 'purge') {
      purge = event;
      break;
    }
  }
  const last = events.at(-1);
  const ended = last !== undefined && endsCase(last);
  const judgedAt = purge?.at ?? asOf;
  for (const owed of people.values()) {
    const never =
      owed.state !== 'settled' &&
      (purge !== null ||
        (owed.state === 'owed' && ended) ||
        (owed.state === 'deferred' && owed.reviewAt !== null && !isAfter(owed.reviewAt, asOf)));
    if (never)
      findings.push({ type: 'notice-never', eventHash: owed.since.hash, asOf: judgedAt, dueAt: owed.reviewAt, source });
  }
  return findings;
};
