import type {
  DBCore,
  DBCoreCursor,
  DBCoreIndex,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreQueryResponse,
  DBCoreTable,
  Middleware,
} from 'dexie';
import type { BatchOpener } from '@shared/crypto/batch-opener';
import { DecryptionError } from '@shared/crypto/crypto-kit';
import { vaultHeaderRowSchema } from './vault-header-row';
import { blindIndexToken } from './blind-index';
import { blindQuery, mismatchedIndexField, type BlindQuery } from './index-consistency';
import {
  decodeRecordPlaintext,
  encodeRecordPlaintext,
  recordAssociatedData,
  recordAssociatedDataText,
} from './record-codec';
import { plainIndexFields, WRITE_COUNTER_FIELD, type EncryptedTableSpec, type TableSpec } from './schema/table-spec';
import type { CorruptionReport } from './corruption-report';
import type { VaultKeyring } from './vault-keyring';
import { VAULT_SEAL_ROW_ID } from '@shared/vault/vault-seal';
import { SealKeeper } from './seal/seal-keeper';
import type { SealGate } from './seal/seal-gate';

/**
 * The one layer that encrypts: everything above it (Dexie tables, liveQuery, repositories) sees plaintext;
 * everything below it (IndexedDB) sees only ciphertext, ids, timestamps and blind-index tokens.
 * Every call here is synchronous crypto, so it never awaits non-IndexedDB work inside a transaction: a read opens all
 * its rows in one synchronous pass, with one batch opener (its key copy zeroed before the rows go up), inside the
 * `.then` of the IndexedDB request that fetched them, so Dexie's transaction zone is never left.
 * Every row a read returns (get, getMany, query, cursors) has been opened and its plain index values checked against
 * its record, and on a blind-index query the record's own value against the value asked for (index-consistency.ts);
 * `count` and key-only queries answer from the index alone, as IndexedDB holds it.
 */

export class VaultStorageError extends Error {
  override readonly name = 'VaultStorageError';
}

const RANGE_EQUAL = 1;
const RANGE_NEVER = 4;

type StoredRow = { readonly id: string; readonly v: number; readonly n?: number; readonly c: Uint8Array } & Record<
  string,
  unknown
>;

function isStoredRow(row: unknown): row is StoredRow {
  const n: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, WRITE_COUNTER_FIELD) : undefined;
  return (
    typeof row === 'object' &&
    row !== null &&
    typeof Reflect.get(row, 'id') === 'string' &&
    typeof Reflect.get(row, 'v') === 'number' &&
    (n === undefined || (typeof n === 'number' && Number.isSafeInteger(n))) &&
    Reflect.get(row, 'c') instanceof Uint8Array
  );
}

const MIDDLEWARE_LEVEL = -10; // below Dexie's own hooks, cache and observability: they all see plaintext

export function createEncryptionMiddleware(
  tables: Readonly<Record<string, TableSpec>>,
  keyring: VaultKeyring,
  report: CorruptionReport,
  gate: SealGate,
): Middleware<DBCore> {
  const sealed = Object.values(tables).some((spec) => spec.kind === 'vault-seal');
  return {
    stack: 'dbcore',
    name: 'VaultEncryption',
    level: MIDDLEWARE_LEVEL,
    create(down) {
      // Schemas from before seals (older test plans) have no seal table: nothing to keep.
      const keeper = sealed ? new SealKeeper(down, keyring, gate) : null;
      return {
        ...down,
        transaction: (stores, mode, options) =>
          down.transaction(keeper ? keeper.storesFor(stores, mode) : stores, mode, options),
        table(name) {
          const table = down.table(name);
          const spec = tables[name];
          if (spec === undefined)
            throw new VaultStorageError(`Table "${name}" has no storage spec; refusing to store it unencrypted.`);
          switch (spec.kind) {
            case 'vault-header':
              return headerTable(table, keeper);
            case 'sealed-chunks':
              return chunkTable(table, keyring, keeper);
            case 'vault-seal':
              return sealTable(table, keyring);
            case 'encrypted':
              return encryptedTable(table, name, spec, keyring, report, keeper);
          }
        },
      };
    },
  };
}

function mapMutation(req: DBCoreMutateRequest, map: (value: unknown) => unknown): DBCoreMutateRequest {
  if (req.type === 'add' || req.type === 'put') return { ...req, values: req.values.map(map) };
  return req;
}

function headerTable(table: DBCoreTable, keeper: SealKeeper | null): DBCoreTable {
  return {
    ...table,
    mutate: (req) => {
      const checked = mapMutation(req, (value) => {
        // The one plaintext table: only a well-formed KDF header may ever be written here.
        const parsed = vaultHeaderRowSchema.safeParse(value);
        if (!parsed.success) throw new VaultStorageError('Only the vault header may be stored in plaintext.');
        return parsed.data;
      });
      return keeper ? keeper.mutateHeader(table, checked) : table.mutate(checked);
    },
  };
}

/** The seal row: written by the seal keeper below this layer, and from above only when a seal is made whole. */
function sealTable(table: DBCoreTable, keyring: VaultKeyring): DBCoreTable {
  return {
    ...table,
    mutate: (req) => {
      keyring.subkeys();
      return table.mutate(
        mapMutation(req, (value) => {
          const isSeal =
            typeof value === 'object' &&
            value !== null &&
            Object.keys(value).length === 2 &&
            Reflect.get(value, 'id') === VAULT_SEAL_ROW_ID &&
            Reflect.get(value, 'c') instanceof Uint8Array;
          if (!isSeal) throw new VaultStorageError('Only the encrypted vault seal may be stored in the seal table.');
          return value;
        }),
      );
    },
  };
}

function chunkTable(table: DBCoreTable, keyring: VaultKeyring, keeper: SealKeeper | null): DBCoreTable {
  const requireUnlocked = () => keyring.subkeys();
  return {
    ...table,
    mutate: (req) => {
      requireUnlocked();
      keeper?.assertWritable();
      return table.mutate(
        mapMutation(req, (value) => {
          const isChunk =
            typeof value === 'object' &&
            value !== null &&
            Object.keys(value).length === 3 &&
            typeof Reflect.get(value, 'attachmentId') === 'string' &&
            Number.isInteger(Reflect.get(value, 'index')) &&
            Reflect.get(value, 'c') instanceof Uint8Array;
          if (!isChunk) throw new VaultStorageError('Attachment chunks must be secretstream ciphertext.');
          return value;
        }),
      );
    },
    get: (req) => (requireUnlocked(), table.get(req)),
    getMany: (req) => (requireUnlocked(), table.getMany(req)),
    query: (req) => (requireUnlocked(), table.query(req)),
    openCursor: (req) => (requireUnlocked(), table.openCursor(req)),
    count: (req) => (requireUnlocked(), table.count(req)),
  };
}

function encryptedTable(
  table: DBCoreTable,
  name: string,
  spec: EncryptedTableSpec,
  keyring: VaultKeyring,
  report: CorruptionReport,
  keeper: SealKeeper | null,
): DBCoreTable {
  const copiedFields = plainIndexFields(spec);
  const blindFields = new Set(spec.blindIndexes);
  const kit = keyring.kit;

  const seal = (value: unknown, counter?: number): StoredRow => {
    const keys = keyring.subkeys();
    if (typeof value !== 'object' || value === null) throw new VaultStorageError(`A ${name} record must be an object.`);
    const id: unknown = Reflect.get(value, 'id');
    if (typeof id !== 'string' || id.length === 0) throw new VaultStorageError(`A ${name} record needs a string id.`);
    const ad = recordAssociatedData(name, id, spec.recordVersion, counter);
    const row: Record<string, unknown> = {
      id,
      v: spec.recordVersion,
      c: kit.seal(keys.records, encodeRecordPlaintext(value), ad),
    };
    if (counter !== undefined) row[WRITE_COUNTER_FIELD] = counter;
    for (const field of copiedFields) {
      const fieldValue: unknown = Reflect.get(value, field);
      if (fieldValue !== undefined) row[field] = fieldValue;
    }
    for (const field of blindFields) {
      const fieldValue: unknown = Reflect.get(value, field);
      if (typeof fieldValue === 'string') row[field] = blindIndexToken(kit, keys.blindIndex, name, field, fieldValue);
      else if (fieldValue !== undefined && fieldValue !== null) {
        throw new VaultStorageError(`${name}.${field} is blind-indexed and must be a string.`);
      }
    }
    return row as StoredRow;
  };

  /**
   * Plaintext record, or undefined after reporting a row that failed to open, or that disagrees with its record:
   * a plain index value that is not the record's, or (on a query by a blind index) a record whose own value is
   * not the one asked for. IndexedDB chose the row by those unauthenticated values, so such a row would answer a
   * query it does not belong to (an edited caseId, a copied token): the record is the truth, the row is reported,
   * and no read path returns it.
   */
  const open = (opener: BatchOpener, row: unknown, query: BlindQuery | null = null): unknown => {
    if (row === undefined) return undefined;
    if (!isStoredRow(row)) {
      report.add({ table: name, id: describeId(row), cause: { code: 'row-malformed', params: {} } });
      return undefined;
    }
    let record: unknown;
    try {
      record = opener.open(row.c, recordAssociatedDataText(name, row.id, row.v, row.n), decodeRecordPlaintext);
    } catch (error) {
      const code = error instanceof DecryptionError ? 'failed-authentication' : 'content-invalid';
      report.add({ table: name, id: row.id, cause: { code, params: {} } });
      return undefined;
    }
    const mismatch = mismatchedIndexField(row, record, copiedFields, query);
    if (mismatch !== null) {
      report.add({ table: name, id: row.id, cause: { code: 'index-mismatch', params: { field: mismatch } } });
      return undefined;
    }
    return record;
  };

  /**
   * Opens every row of one read with a single batch opener (the records key copied into the wasm heap once, buffers
   * reused: batch-opener.ts), disposed before the result goes up. Synchronous, so no other work runs in between.
   */
  const openAll = <T>(read: (openRow: (row: unknown, query?: BlindQuery | null) => unknown) => T): T => {
    const opener = kit.batchOpener(keyring.subkeys().records);
    try {
      return read((row, query = null) => open(opener, row, query));
    } finally {
      opener.dispose();
    }
  };

  /** A query on a blind index: the value asked for, which each row found must hold (null for any other index). */
  const blindQueryOf = (index: DBCoreIndex, range: DBCoreKeyRange): BlindQuery | null =>
    index.name !== null && blindFields.has(index.name) && range.type === RANGE_EQUAL && typeof range.lower === 'string'
      ? blindQuery(index.name, range.lower)
      : null;

  /** Exact-match look-ups on a blind index compare tokens; any other range over it would be meaningless. */
  const translateRange = (index: DBCoreIndex, range: DBCoreKeyRange): DBCoreKeyRange => {
    if (index.name === null || !blindFields.has(index.name)) return range;
    if (range.type === RANGE_NEVER) return range;
    if (range.type !== RANGE_EQUAL || typeof range.lower !== 'string') {
      throw new VaultStorageError(`${name}.${index.name} is encrypted: it can only be searched by exact value.`);
    }
    const token = blindIndexToken(kit, keyring.subkeys().blindIndex, name, index.name, range.lower);
    return { ...range, lower: token, upper: token };
  };

  return {
    ...table,
    mutate(req) {
      keyring.subkeys();
      if (keeper && spec.counted) return keeper.mutate(name, table, req, seal);
      return table.mutate(mapMutation(req, (value) => seal(value)));
    },
    // Plain .then() chains, not async functions: Dexie tracks its transaction zone through the promises
    // its own layers return, and a native async function here would drop it (modify() then fails).
    get(req) {
      keyring.subkeys();
      return table.get(req).then((row) => openAll((openRow) => openRow(row)));
    },
    getMany(req) {
      keyring.subkeys();
      return table.getMany(req).then((rows) => openAll((openRow) => rows.map((row) => openRow(row))));
    },
    query(req) {
      keyring.subkeys();
      const translated = { ...req, query: { ...req.query, range: translateRange(req.query.index, req.query.range) } };
      if (!req.values) return table.query(translated);
      // Rows that fail to open are dropped; a limited query (first(), get({field})) then asks again for as many
      // more, so a damaged row that sorts first never hides the good one behind it.
      const wanted = req.limit;
      const asked = blindQueryOf(req.query.index, req.query.range);
      const run = (limit: number | undefined): Promise<DBCoreQueryResponse> =>
        table.query({ ...translated, limit }).then((response) => {
          const result = openAll((openRow) =>
            response.result.map((row) => openRow(row, asked)).filter((value) => value !== undefined),
          );
          const full = limit !== undefined && response.result.length >= limit;
          if (wanted !== undefined && full && result.length < wanted)
            return run(wanted + response.result.length - result.length);
          return { ...response, result };
        });
      return run(wanted);
    },
    count(req) {
      keyring.subkeys();
      return table.count({ ...req, query: { ...req.query, range: translateRange(req.query.index, req.query.range) } });
    },
    openCursor(req) {
      keyring.subkeys();
      const asked = blindQueryOf(req.query.index, req.query.range);
      return table
        .openCursor({ ...req, query: { ...req.query, range: translateRange(req.query.index, req.query.range) } })
        .then((cursor) =>
          cursor === null || !req.values
            ? cursor
            : decryptingCursor(cursor, (row) => openAll((openRow) => openRow(row, asked))),
        );
    },
  };
}

/**
 * Wraps a cursor so `value` is plaintext. A row that fails to open is reported and stepped over, so one
 * damaged record never stops a listing. IDBCursor getters need the real cursor as `this`, hence the
 * explicit key/primaryKey getters.
 */
function decryptingCursor(cursor: DBCoreCursor, open: (row: unknown) => unknown): DBCoreCursor {
  let current: unknown;
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: { get: () => current },
    start: {
      value: (onNext: () => void) =>
        cursor.start(() => {
          current = open(cursor.value);
          if (current === undefined) {
            cursor.continue();
            return;
          }
          onNext();
        }),
    },
  }) as DBCoreCursor;
}

function describeId(row: unknown): string {
  const id: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'id') : undefined;
  return typeof id === 'string' ? id : '';
}
