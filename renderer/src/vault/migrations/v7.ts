import { z } from 'zod';
import { localPersonIds } from '@shared/domain/local-person-ids';
import { schemaV6 } from '../schema/v6';
import { schemaV7 } from '../schema/v7';
import { defineRecordMigration } from './record-migration';

const caseV2 = z.looseObject({
  id: z.string(),
  affectedPeople: z.array(z.looseObject({ id: z.string() })),
  challenge: z.looseObject({ personId: z.string().nullable() }).nullish(),
});

/**
 * Local person ids: the people of a case imported before R14 still carried the ids the partner office used for them
 * (an e-mail address, a national number). Each such id is renamed to a local pseudonym (`person-00000001`, … the
 * lowest not already used in the case), the same one wherever the case names that person (its people and a
 * challenge's challenger). Ids this office made are kept. Audit events are not rewritten: they are signed and
 * chained, so an event that named a person by a partner's id keeps it and is flagged where it is shown or exported
 * (`shared/audit/partner-person-ids.ts`). A record that does not parse is left as it is (the corruption report
 * names it).
 */
export const migrationToV7 = defineRecordMigration(schemaV6, schemaV7, {
  description: "the people of each case are named by local ids only: a partner office's person ids become pseudonyms",
  tables: ['cases'],
  migrate: async ({ db }) => {
    for (const row of await db.cases.toArray()) {
      const parsed = caseV2.safeParse(row);
      if (!parsed.success) continue;
      const { affectedPeople, challenge } = parsed.data;
      const rename = localPersonIds([
        ...affectedPeople.map((person) => person.id),
        ...(challenge?.personId ? [challenge.personId] : []),
      ]);
      if (rename.size === 0) continue;
      const local = (id: string) => rename.get(id) ?? id;
      await db.cases.put({
        ...parsed.data,
        affectedPeople: affectedPeople.map((person) => ({ ...person, id: local(person.id) })),
        ...(challenge && { challenge: { ...challenge, personId: challenge.personId && local(challenge.personId) } }),
      });
    }
  },
});
