import { schemaVersions } from '../schema/versions';
import type { SchemaVersionSpec } from '../schema/table-spec';
import type { RecordMigration } from './record-migration';
import { migrationToV2 } from './v2';
import { migrationToV3 } from './v3';
import { migrationToV4 } from './v4';
import { migrationToV6 } from './v6';
import { migrationToV7 } from './v7';

/** Every schema version, oldest first, and the record steps between them (a version may need none). */
export type MigrationPlan = {
  readonly versions: readonly SchemaVersionSpec[];
  readonly migrations: readonly RecordMigration[];
};

/** The shipped plan. A record change adds `schema/vN.ts`, `migrations/vN.ts` and one line in each list. */
export const appMigrationPlan: MigrationPlan = {
  versions: schemaVersions,
  migrations: [migrationToV2, migrationToV3, migrationToV4, migrationToV6, migrationToV7],
};

/** Everything wrong with a plan, in words; empty when it is sound. Run by a unit test on the shipped plan. */
export function planProblems(plan: MigrationPlan): string[] {
  const problems: string[] = [];
  plan.versions.forEach((spec, index) => {
    if (spec.version !== index + 1)
      problems.push(`schema versions must be 1, 2, 3, …; found ${spec.version} at ${index + 1}`);
  });
  const targets = new Set<number>();
  for (const step of plan.migrations) {
    const target = plan.versions.find((spec) => spec.version === step.to);
    if (step.to !== step.from + 1) problems.push(`step ${step.from}→${step.to} skips a version`);
    if (!target) problems.push(`step ${step.from}→${step.to} targets a schema version that does not exist`);
    if (targets.has(step.to)) problems.push(`two steps lead to version ${step.to}`);
    targets.add(step.to);
    for (const table of step.tables) {
      if (target && !(table in target.tables))
        problems.push(`step ${step.from}→${step.to} names unknown table ${table}`);
    }
  }
  return problems;
}

export const latestVersion = (plan: MigrationPlan): number => plan.versions.at(-1)?.version ?? 1;
