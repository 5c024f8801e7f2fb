import { describe, expect, it } from 'vitest';
import { schemaV1 } from '../../../renderer/src/vault/schema/v1';
import { defineRecordMigration } from '../../../renderer/src/vault/migrations/record-migration';
import { appMigrationPlan, planProblems } from '../../../renderer/src/vault/migrations/migration-plan';

const v2 = { ...schemaV1, version: 2 } as const;
const v3 = { ...schemaV1, version: 3 } as const;
const noop = async () => undefined;

describe('record migration plan', () => {
  it('the shipped plan is sound', () => {
    expect(planProblems(appMigrationPlan)).toEqual([]);
  });

  it('names every flaw of a broken plan', () => {
    const oneToTwo = defineRecordMigration(schemaV1, v2, { description: 'a', tables: ['cases'], migrate: noop });
    expect(planProblems({ versions: [schemaV1, v2], migrations: [oneToTwo] })).toEqual([]);
    expect(planProblems({ versions: [schemaV1, v3], migrations: [] })).toEqual([
      'schema versions must be 1, 2, 3, …; found 3 at 2',
    ]);
    expect(planProblems({ versions: [schemaV1], migrations: [oneToTwo] })).toEqual([
      'step 1→2 targets a schema version that does not exist',
    ]);
    expect(planProblems({ versions: [schemaV1, v2], migrations: [oneToTwo, oneToTwo] })).toEqual([
      'two steps lead to version 2',
    ]);
    const unknownTable = { ...oneToTwo, tables: ['nope'] };
    expect(planProblems({ versions: [schemaV1, v2], migrations: [unknownTable] })).toEqual([
      'step 1→2 names unknown table nope',
    ]);
  });

  it('the compiler refuses a step that skips a version or names a table the target lacks', () => {
    // These lines are type errors (checked by `npm run typecheck`); at run time they only build objects.
    // @ts-expect-error version 3 does not follow version 1
    const skipping = defineRecordMigration(schemaV1, v3, { description: 'x', tables: [], migrate: noop });
    // @ts-expect-error schema v2 has no table "nope"
    const unknown = defineRecordMigration(schemaV1, v2, { description: 'x', tables: ['nope'], migrate: noop });
    expect(planProblems({ versions: [schemaV1, v2, v3], migrations: [skipping, unknown] })).toEqual([
      'step 1→3 skips a version',
      'step 1→2 names unknown table nope',
    ]);
  });
});
