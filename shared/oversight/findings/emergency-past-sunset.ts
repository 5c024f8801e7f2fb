import type { AuditEvent } from '../../audit/audit-event';
import type { CaseFinding, FindingRule } from './compliance-finding';
import { detailString, endsCase, isAfter } from './trail-reading';

/** Casebridge's rule, not an article: no instrument the templates follow sets the sunset review. */
const SOURCE =
  'Casebridge emergency rule (docs/workflow.md §5): an emergency measure lapses at its sunset unless it is reviewed by then — no article; unverified';

/**
 * An emergency measure whose sunset passed while the case was open, with no review by then (continued to a new
 * sunset with reasons, or ended). Shown by the late review when one came; otherwise by the event that set the sunset,
 * as of the date judged (or of the case's end, when it ended after the sunset without a review). The sunset is the
 * one recorded at authorisation, then at each review that continued the measure.
 */
export const emergencyPastSunset: FindingRule = ({ events, asOf }) => {
  const findings: CaseFinding[] = [];
  let sunset: { readonly at: string; readonly setBy: AuditEvent } | null = null;
  for (const event of events) {
    if (sunset !== null && isAfter(event.at, sunset.at)) {
      if (event.action === 'review-emergency')
        findings.push({
          type: 'emergency-past-sunset',
          eventHash: event.hash,
          asOf: null,
          dueAt: sunset.at,
          source: SOURCE,
        });
      else if (endsCase(event))
        findings.push({
          type: 'emergency-past-sunset',
          eventHash: sunset.setBy.hash,
          asOf: event.at,
          dueAt: sunset.at,
          source: SOURCE,
        });
      if (event.action === 'review-emergency' || endsCase(event)) sunset = null;
    }
    if (event.action === 'authorise' || event.action === 'review-emergency') {
      const next = detailString(event, event.action === 'authorise' ? 'sunsetAt' : 'newSunsetAt');
      sunset = next === null ? null : { at: next, setBy: event };
    }
    // A measure of a closed case ends with it.
    if (endsCase(event)) sunset = null;
  }
  if (sunset !== null && isAfter(asOf, sunset.at))
    findings.push({
      type: 'emergency-past-sunset',
      eventHash: sunset.setBy.hash,
      asOf,
      dueAt: sunset.at,
      source: SOURCE,
    });
  return findings;
};
