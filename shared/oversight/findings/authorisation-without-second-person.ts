import type { FindingRule } from './compliance-finding';

const SOURCE =
  "The office's second-person rule (its settings, recorded at each authorisation, or the rule the oversight body holds it to) — an office rule, no article";

/**
 * A case authorised by the person who opened it, where a second person was required: the office's setting at the
 * time (the authorisation event records it) or the rule the oversight body knows the office must follow.
 */
export const authorisationWithoutSecondPerson: FindingRule = ({ events, rules }) => {
  const creator = events[0]?.actor.id;
  return events.flatMap((event) => {
    if (event.action !== 'authorise' || event.actor.id !== creator) return [];
    const required = event.details['secondPerson'] === true || rules.requireSecondPersonAuthorisation === true;
    return required
      ? [
          {
            type: 'authorisation-without-second-person' as const,
            eventHash: event.hash,
            asOf: null,
            dueAt: null,
            source: SOURCE,
          },
        ]
      : [];
  });
};
