import { caseSchema } from './case';
import { AFFECTED_PERSON_ID } from './primitives';

const NOT_LOCAL =
  'expected a person id this office makes ("person-" and 8 hex digits, or "identified-" and a number), not a partner’s';

/**
 * A case as the vault stores it (schema 7 on): the case schema, and the people it is about named only by ids this
 * office makes (AFFECTED_PERSON_ID) — in its list of people and as a challenger. The pure workflow accepts any id;
 * every way an id enters a stored case (the draft form, an identified person, an import) makes a local one, and
 * older vaults are renamed by migration 7. A write that would break this is refused, so nothing unreadable is stored.
 */
export const storedCaseSchema = caseSchema.superRefine((c, ctx) => {
  c.affectedPeople.forEach((person, index) => {
    if (!AFFECTED_PERSON_ID.test(person.id))
      ctx.addIssue({ code: 'custom', path: ['affectedPeople', index, 'id'], message: NOT_LOCAL });
  });
  const challenger = c.challenge?.personId ?? null;
  if (challenger !== null && !AFFECTED_PERSON_ID.test(challenger))
    ctx.addIssue({ code: 'custom', path: ['challenge', 'personId'], message: NOT_LOCAL });
});

export const parseStoredCaseRecord = (untrusted: unknown) => storedCaseSchema.safeParse(untrusted);
