/** Reads and writes IndexedDB directly, bypassing Dexie and the encryption layer: what a thief with the disk sees. */

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export type RawDump = Record<string, { key: IDBValidKey; value: unknown }[]>;

export async function dumpRaw(name: string): Promise<RawDump> {
  const db = await openRaw(name);
  try {
    const dump: RawDump = {};
    for (const store of Array.from(db.objectStoreNames)) {
      const tx = db.transaction(store, 'readonly');
      const os = tx.objectStore(store);
      const [keys, values] = await Promise.all([done(os.getAllKeys()), done(os.getAll())]);
      dump[store] = keys.map((key, i) => ({ key, value: values[i] }));
    }
    return dump;
  } finally {
    db.close();
  }
}

export async function getRaw(name: string, store: string, key: IDBValidKey): Promise<unknown> {
  const db = await openRaw(name);
  try {
    return await done(db.transaction(store, 'readonly').objectStore(store).get(key));
  } finally {
    db.close();
  }
}

export async function putRaw(name: string, store: string, value: unknown): Promise<void> {
  const db = await openRaw(name);
  try {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).put(value);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    db.close();
  }
}

/** Every string and every byte array (as UTF-8 and Latin-1) found anywhere in the dump. */
function* texts(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (typeof value === 'number' || typeof value === 'boolean') yield String(value);
  else if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
    yield new TextDecoder('utf-8').decode(bytes);
    yield new TextDecoder('latin1').decode(bytes);
  } else if (value instanceof Date) yield value.toISOString();
  else if (Array.isArray(value)) for (const item of value) yield* texts(item);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* texts(item);
    }
  }
}

/** Which of `needles` appear anywhere in the raw database (case-insensitive). */
export function findPlaintext(dump: RawDump, needles: readonly string[]): string[] {
  const haystack = [...texts(dump)].join('\n').toLowerCase();
  return needles.filter((needle) => haystack.includes(needle.toLowerCase()));
}

/** The byte length of field `c` of every row, read with a cursor so the rows are never all in memory. */
export async function rawValueSizes(name: string, store: string): Promise<number[]> {
  const db = await openRaw(name);
  try {
    const sizes: number[] = [];
    const request = db.transaction(store, 'readonly').objectStore(store).openCursor();
    await new Promise<void>((resolve, reject) => {
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      request.onsuccess = () => {
        const cursor = request.result;
        if (cursor === null) return resolve();
        const c: unknown = Reflect.get(cursor.value as object, 'c');
        sizes.push(c instanceof Uint8Array ? c.length : -1);
        cursor.continue();
      };
    });
    return sizes;
  } finally {
    db.close();
  }
}

export type StoreStructure = {
  readonly keyPath: string | string[] | null;
  readonly autoIncrement: boolean;
  readonly indexes: Record<string, { keyPath: string | string[]; unique: boolean; multiEntry: boolean }>;
};

/** The object stores and indexes IndexedDB really holds (not what the code declares), sorted by name. */
export async function describeStructure(
  name: string,
): Promise<{ version: number; stores: Record<string, StoreStructure> }> {
  const db = await openRaw(name);
  try {
    const stores: Record<string, StoreStructure> = {};
    const names = Array.from(db.objectStoreNames).sort();
    if (names.length === 0) return { version: db.version, stores };
    const tx = db.transaction(names, 'readonly');
    for (const storeName of names) {
      const store = tx.objectStore(storeName);
      const indexes: StoreStructure['indexes'] = {};
      for (const indexName of Array.from(store.indexNames).sort()) {
        const index = store.index(indexName);
        indexes[indexName] = { keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
      }
      stores[storeName] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
    }
    return { version: db.version, stores };
  } finally {
    db.close();
  }
}

export async function deleteRaw(name: string, store: string, key: IDBValidKey): Promise<void> {
  const db = await openRaw(name);
  try {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).delete(key);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    db.close();
  }
}
