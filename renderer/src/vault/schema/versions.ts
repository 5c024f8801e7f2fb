import { schemaV1 } from './v1';
import { schemaV2 } from './v2';
import { schemaV3 } from './v3';
import { schemaV4 } from './v4';
import { schemaV5 } from './v5';
import { schemaV6 } from './v6';
import { schemaV7 } from './v7';
import { schemaV8 } from './v8';
import type { SchemaVersionSpec } from './table-spec';

/**
 * Every shipped schema version, oldest first. Dexie versions change structure only: they run before unlock,
 * when no key is available, so they can never read or rewrite encrypted content. A change to record
 * content bumps that table's recordVersion and is migrated after unlock.
 */
export const schemaVersions: readonly SchemaVersionSpec[] = [
  schemaV1,
  schemaV2,
  schemaV3,
  schemaV4,
  schemaV5,
  schemaV6,
  schemaV7,
  schemaV8,
];

export const latestSchema = schemaV8;
export type VaultTableName = keyof typeof latestSchema.tables;
