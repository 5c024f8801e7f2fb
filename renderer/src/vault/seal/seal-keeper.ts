import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction } from 'dexie';
import {
  decryptSeal,
  emptyTableSeal,
  encryptSeal,
  SealDigest,
  sealHeaderHash,
  sealRowHash,
  VAULT_SEAL_ROW_ID,
  VAULT_SEAL_TABLE,
  type VaultSeal,
} from '@shared/vault/vault-seal';
import type { VaultKeyring } from '../vault-keyring';
import { WRITE_COUNTER_FIELD } from '../schema/table-spec';
import { VaultReadOnlyError, type SealGate } from './seal-gate';

export class VaultSealError extends Error {
  override readonly name = 'VaultSealError';
}

/** A stored row as the layer below sees it: the write counter is a plain number, absent on rows from before seals. */
function counterOf(row: unknown): number {
  const n: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, WRITE_COUNTER_FIELD) : undefined;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : 0;
}

function idOf(row: unknown): string {
  const id: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'id') : undefined;
  if (typeof id !== 'string') throw new VaultSealError('A sealed row needs a string id.');
  return id;
}

/**
 * Keeps the vault seal current inside the encryption layer: every read-write transaction also holds the seal table,
 * and each mutation of a counted table, in the same transaction, hands out write counters, applies the rows it
 * replaced and wrote to that table's digest, and stores the seal again. Mutations of one transaction are serialised
 * through a promise chain, so two of them never read the same seal. Plain `.then` chains throughout, as in the
 * encryption layer: Dexie tracks its transaction zone through the promises its layers return.
 */
export class SealKeeper {
  readonly #sessions = new WeakMap<DBCoreTransaction, Promise<VaultSeal>>();

  constructor(
    private readonly down: DBCore,
    private readonly keyring: VaultKeyring,
    private readonly gate: SealGate,
  ) {}

  /** Every read-write transaction also covers the seal table. */
  storesFor(stores: string[], mode: 'readonly' | 'readwrite'): string[] {
    return mode === 'readwrite' && !stores.includes(VAULT_SEAL_TABLE) ? [...stores, VAULT_SEAL_TABLE] : stores;
  }

  /** Refuses any write while the disk is unchecked or differs from the seal. */
  assertWritable(): void {
    if (this.gate.mode === 'read-only') throw new VaultReadOnlyError();
    if (this.gate.mode === 'unchecked')
      throw new VaultSealError('The vault has not been checked since it was unlocked; nothing can be written yet.');
  }

  /**
   * One mutation of counted table `name` (the layer below is `table`). `seal(value, n)` encrypts a record with its
   * write counter; the seal is updated by what the mutation actually did (failed operations of a bulk write count
   * for nothing).
   */
  mutate(
    name: string,
    table: DBCoreTable,
    req: DBCoreMutateRequest,
    seal: (value: unknown, counter: number) => unknown,
  ): Promise<DBCoreMutateResponse> {
    this.assertWritable();
    return this.#step(req.trans, (state) =>
      this.#previous(table, req).then((previous) => {
        const counters: number[] = [];
        let mutation = req;
        if (req.type === 'add' || req.type === 'put') {
          const values = req.values.map((value) => {
            state.counter += 1;
            counters.push(state.counter);
            return seal(value, state.counter);
          });
          mutation = { ...req, values };
        }
        return table.mutate(mutation).then((response) => {
          this.#apply(state, name, req, previous, counters, response);
          return response;
        });
      }),
    );
  }

  /** A header write: the seal takes the new header's hash. Before a key is installed there is no seal to keep. */
  mutateHeader(table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    if (!this.keyring.unlocked) return table.mutate(req);
    this.assertWritable();
    return this.#step(req.trans, (state) =>
      table.mutate(req).then((response) => {
        if (response.numFailures === 0 && (req.type === 'add' || req.type === 'put')) {
          const row: unknown = req.values.at(-1);
          const header: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'header') : undefined;
          state.header = sealHeaderHash(this.keyring.kit, this.keyring.subkeys().seal, header);
          state.headerChangedAt = Date.now();
        }
        return response;
      }),
    );
  }

  /** Runs `work` on the transaction's seal after the previous mutation's, then stores the seal it left. */
  #step(
    trans: DBCoreTransaction,
    work: (state: VaultSeal) => Promise<DBCoreMutateResponse>,
  ): Promise<DBCoreMutateResponse> {
    const before = this.#sessions.get(trans) ?? this.#load(trans);
    const done = before.then((state) =>
      work(state).then((response) => this.#store(trans, state).then(() => ({ state, response }))),
    );
    const after = done.then(({ state }) => state);
    after.catch(() => undefined); // the mutation's own promise carries the error
    this.#sessions.set(trans, after);
    return done.then(({ response }) => response);
  }

  #load(trans: DBCoreTransaction): Promise<VaultSeal> {
    return this.down
      .table(VAULT_SEAL_TABLE)
      .get({ trans, key: VAULT_SEAL_ROW_ID })
      .then((row: unknown) => {
        const sealed: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'c') : undefined;
        const seal = decryptSeal(this.keyring.kit, this.keyring.subkeys().seal, sealed);
        if (!seal.ok)
          throw new VaultSealError('The vault seal is missing or damaged. Lock the vault and unlock it to check it.');
        return seal.value;
      });
  }

  #store(trans: DBCoreTransaction, state: VaultSeal): Promise<unknown> {
    state.sealedAt = Date.now();
    const c = encryptSeal(this.keyring.kit, this.keyring.subkeys().seal, state);
    return this.down.table(VAULT_SEAL_TABLE).mutate({ type: 'put', trans, values: [{ id: VAULT_SEAL_ROW_ID, c }] });
  }

  /** The stored rows a mutation replaces or removes, by id (absent = not stored before). */
  #previous(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Map<string, number>> {
    const found = (rows: readonly unknown[]) =>
      new Map(rows.filter((row) => row !== undefined).map((row) => [idOf(row), counterOf(row)]));
    switch (req.type) {
      case 'add':
        return Promise.resolve(new Map()); // an add of an existing id fails and changes nothing
      case 'put':
        return table.getMany({ trans: req.trans, keys: req.values.map(idOf) }).then(found);
      case 'delete':
        return table.getMany({ trans: req.trans, keys: req.keys }).then(found);
      case 'deleteRange':
        return table
          .query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })
          .then((response) => found(response.result));
    }
  }

  #apply(
    state: VaultSeal,
    name: string,
    req: DBCoreMutateRequest,
    previous: Map<string, number>,
    counters: readonly number[],
    response: DBCoreMutateResponse,
  ): void {
    const kit = this.keyring.kit;
    const key = this.keyring.subkeys().seal;
    const now = Date.now();
    const table = state.tables[name] ?? emptyTableSeal(now);
    const digest = new SealDigest(table.digest);
    let rows = table.rows;
    const stored = new Map(previous);
    const remove = (id: string) => {
      const counter = stored.get(id);
      if (counter === undefined) return;
      digest.toggle(sealRowHash(kit, key, name, id, counter));
      stored.delete(id);
      rows -= 1;
    };
    if (req.type === 'add' || req.type === 'put') {
      req.values.forEach((value, index) => {
        if (response.failures[index] !== undefined) return;
        const id = idOf(value);
        const counter = counters[index] ?? 0;
        remove(id);
        digest.toggle(sealRowHash(kit, key, name, id, counter));
        stored.set(id, counter);
        rows += 1;
      });
    } else if (req.type === 'delete') {
      req.keys.forEach((id: unknown, index) => {
        if (response.failures[index] === undefined && typeof id === 'string') remove(id);
      });
    } else {
      for (const id of [...stored.keys()]) remove(id);
    }
    state.tables[name] = { rows, digest: digest.hex(), changedAt: now };
  }
}
