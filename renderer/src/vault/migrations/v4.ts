import { z } from 'zod';
import { schemaV3 } from '../schema/v3';
import { schemaV4 } from '../schema/v4';
import { defineRecordMigration } from './record-migration';

const caseV1 = z.looseObject({ id: z.string(), caseworkerIds: z.array(z.string()) });
const personV1 = z.looseObject({
  id: z.string(),
  roles: z.array(z.string()),
  removedAt: z.date().nullable(),
  createdAt: z.date(),
});

/**
 * Case owners: each case is owned by the first of its caseworkers who is a person on record; a case worked on only
 * before persons existed (its caseworker is a role label) goes to the earliest person who holds the caseworker
 * role; with nobody to give it to, it is unassigned. A record that does not parse is left as it is (the corruption
 * report names it).
 */
export const migrationToV4 = defineRecordMigration(schemaV3, schemaV4, {
  description: 'each case gets an owner: its first caseworker who is a person, else the first caseworker on record',
  tables: ['cases', 'persons'],
  migrate: async ({ db }) => {
    const people = (await db.persons.toArray())
      .flatMap((row: unknown) => {
        const parsed = personV1.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const personIds = new Set(people.map((p) => p.id));
    const fallback = people.find((p) => p.removedAt === null && p.roles.includes('caseworker'))?.id ?? null;
    for (const row of await db.cases.toArray()) {
      const parsed = caseV1.safeParse(row);
      if (!parsed.success) continue;
      const ownerId = parsed.data.caseworkerIds.find((id) => personIds.has(id)) ?? fallback;
      await db.cases.put({ ...parsed.data, ownerId });
    }
  },
});
