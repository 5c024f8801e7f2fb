import type { AuditEvent } from '../../audit/audit-event';
import { retentionRuleFor, type RetentionRule } from '../../procedures/retention-guidance';
import type { FindingRule } from './compliance-finding';
import { detailString, isAfter, procedureAt } from './trail-reading';

/** The rule that bounds how long the file is kept, as docs/legal-sources.md ("Retention") cites it. */
const RETENTION_SOURCES: Readonly<Record<RetentionRule, string>> = {
  'gdpr-storage-limitation': 'Art. 5(1)(e) GDPR (storage limitation); the date is the office’s own retention schedule',
  'criminal-matters-review':
    'Art. 5 Directive (EU) 2016/680 (time limits for erasure or periodic review) — unverified; the date is the office’s own retention schedule',
  'office-schedule': 'The office’s retention schedule (no instrument sets the period)',
};

/**
 * A case whose purge date (set at authorisation, or by the office that received it) has passed as of the date
 * judged, with no purge in its trail. Shown by the event that set the date.
 */
export const retentionNotPurged: FindingRule = ({ events, asOf }) => {
  let set: { readonly purgeAt: string; readonly by: AuditEvent; readonly index: number } | null = null;
  for (const [index, event] of events.entries()) {
    if (event.action === 'purge') return [];
    const purgeAt = detailString(event, 'purgeAt');
    if ((event.action === 'authorise' || event.action === 'set-retention') && purgeAt !== null)
      set = { purgeAt, by: event, index };
  }
  if (set === null || !isAfter(asOf, set.purgeAt)) return [];
  const source = RETENTION_SOURCES[retentionRuleFor(procedureAt(events, set.index).id)];
  return [{ type: 'retention-not-purged', eventHash: set.by.hash, asOf, dueAt: set.purgeAt, source }];
};
