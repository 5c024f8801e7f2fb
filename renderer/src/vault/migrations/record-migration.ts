import type { SchemaVersionSpec } from '../schema/table-spec';
import type { VaultDb } from '../vault-db';

type Tuple<N extends number, T extends unknown[] = []> = T['length'] extends N ? T : Tuple<N, [...T, unknown]>;

/** N + 1 at the type level: a step that starts at version 3 can only end at version 4. */
export type NextVersion<N extends number> = [...Tuple<N>, unknown]['length'];

/**
 * What a step may do: read and write the vault's tables, inside the one transaction the runner opened. `person` is
 * who just signed in (null after a recovery-key unlock, until they set a passphrase).
 */
export type MigrationEnv = {
  readonly db: VaultDb;
  readonly now: Date;
  readonly person: { readonly personId: string; readonly name: string } | null;
};

/**
 * One step of the record migration chain: it rewrites the encrypted records written under schema version
 * `from` into the shape of version `to` = `from` + 1. It runs after unlock (only then can records be read),
 * inside one read-write transaction over `tables` and the data-version record, so a crash leaves the vault
 * either wholly before or wholly after the step. IndexedDB work only: awaiting anything else would let the
 * transaction commit early.
 */
export type RecordMigration = {
  readonly from: number;
  readonly to: number;
  /** One line for the log and the docs: what changes in which records. */
  readonly description: string;
  /** The tables the step reads or writes. */
  readonly tables: readonly string[];
  readonly migrate: (env: MigrationEnv) => Promise<void>;
};

/**
 * Declares the step between two schema versions. The compiler refuses a step whose target is not the version
 * right after its source, and tables that the target schema does not have.
 */
export function defineRecordMigration<const From extends SchemaVersionSpec, const To extends SchemaVersionSpec>(
  from: From,
  to: To & { readonly version: NextVersion<From['version']> },
  step: {
    readonly description: string;
    readonly tables: readonly (keyof To['tables'] & string)[];
    readonly migrate: (env: MigrationEnv) => Promise<void>;
  },
): RecordMigration {
  return { from: from.version, to: to.version, ...step };
}
