import { Dexie } from 'dexie';
import type { ByteSink } from '@shared/bytes/byte-io';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { MAX_IPC_CHUNK_BYTES } from '@shared/ipc/contract';
import { ok } from '@shared/result';
import { TEST_KDF_FLOOR } from '@shared/vault/kdf-params';
import type { BundleReader } from '../../../renderer/src/bundle-io/ipc-byte-source';
import { storeAttachment } from '../../../renderer/src/vault/attachments/attachment-store';
import { backedUpTables, pageRowsFor, rawPages } from '../../../renderer/src/vault/backup/raw-vault-db';
import { deriveInWorker } from '../../../renderer/src/vault/kdf/derive-in-worker';
import { VaultService } from '../../../renderer/src/vault/vault-service';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { makeCase } from '../../browser/vault/case-fixtures';

const MiB = 1024 * 1024;
/** Evidence files of 16 MiB each (64 of them at 1 GiB), stored as the app stores an upload: 256 KiB chunks. */
const FILE_BYTES = 16 * MiB;
export const BENCH_PASSPHRASE = 'bench passphrase with 4 lanterns';

/** Cheap, non-constant bytes (the vault encrypts them, so what is stored is random either way). */
function generated(total: number, seed: number): ReadableStream<Uint8Array> {
  let produced = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= total) return controller.close();
      const size = Math.min(MiB, total - produced);
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i += 512) bytes[i] = ((produced + i) * 31 + seed) & 255;
      produced += size;
      controller.enqueue(bytes);
    },
  });
}

export type BenchVault = {
  readonly vault: VaultService;
  readonly cases: number;
  /** Evidence bytes stored so far (plaintext). */
  attachmentBytes(): number;
  /** Adds evidence files, spread over the cases, until `bytes` are stored: the sizes grow, nothing is rebuilt. */
  growTo(bytes: number): Promise<void>;
};

/**
 * A vault as an office would have it: `cases` realistic encrypted case records (the vault bench's fixture), then
 * evidence files added as uploads are. Argon2id runs in the app's worker (as in the app), so the page's libsodium
 * heap holds only what the vault, backup and restore themselves use.
 */
export async function createBenchVault(kit: CryptoKit, cases: number): Promise<BenchVault> {
  const vault = new VaultService(kit, {
    dbName: `backup-bench-${Date.now()}`,
    kdf: TEST_KDF_FLOOR,
    derive: deriveInWorker,
  });
  const created = await vault.create(BENCH_PASSPHRASE);
  if (!created.ok) throw new Error(created.error.message);
  const ids: string[] = [];
  for (let start = 0; start < cases; start += 1000) {
    const page = Array.from({ length: Math.min(1000, cases - start) }, (_, i) => makeCase(start + i));
    const written = await vaultWrite(vault.db, [vault.db.cases], () => vault.db.cases.bulkPut(page));
    if (!written.ok) throw new Error(written.error.message);
    ids.push(...page.map((c) => c.id));
  }
  let stored = 0;
  let files = 0;
  return {
    vault,
    cases,
    attachmentBytes: () => stored,
    async growTo(bytes) {
      while (stored < bytes) {
        const size = Math.min(FILE_BYTES, bytes - stored);
        const result = await storeAttachment(vault.db, {
          id: `evidence-${files}`,
          caseId: ids[(files * 97) % ids.length] ?? 'case',
          fileName: `evidence-${files}.bin`,
          mediaType: 'application/octet-stream',
          source: generated(size, files),
          now: new Date(),
        });
        if (!result.ok) throw new Error(result.error.message);
        stored += size;
        files++;
      }
    },
  };
}

/** Where a timed backup goes: every byte hashed (BLAKE2b-512, as the app hashes the staged file), then dropped. */
export function hashingSink(kit: CryptoKit): ByteSink & { readonly bytes: () => number } {
  const hasher = kit.createHasher(64);
  let bytes = 0;
  return {
    write(chunk) {
      hasher.update(chunk);
      bytes += chunk.length;
      return Promise.resolve();
    },
    bytes: () => bytes,
  };
}

/** A backup file held as 4 MiB pieces (the restore's source; see the bench for why in memory). */
export type HeldFile = {
  readonly sink: ByteSink;
  readonly pieces: readonly Uint8Array[];
  size(): number;
  /**
   * The main process's side of reading a picked backup: forward only, one IPC chunk (4 MiB) at a time. The restore
   * reads it through the app's own `openBundleFile`, so its buffering and memory bound are the app's; only the IPC
   * hop is missing.
   */
  reader(): BundleReader;
};

export function heldFile(): HeldFile {
  const pieces: Uint8Array[] = [];
  let buffer = new Uint8Array(MAX_IPC_CHUNK_BYTES);
  let filled = 0;
  let size = 0;
  const flush = () => {
    if (filled === 0) return;
    pieces.push(filled === buffer.length ? buffer : buffer.slice(0, filled));
    buffer = new Uint8Array(MAX_IPC_CHUNK_BYTES);
    filled = 0;
  };
  return {
    sink: {
      write(bytes) {
        let offset = 0;
        while (offset < bytes.length) {
          const take = Math.min(buffer.length - filled, bytes.length - offset);
          buffer.set(bytes.subarray(offset, offset + take), filled);
          filled += take;
          offset += take;
          size += take;
          if (filled === buffer.length) flush();
        }
        return Promise.resolve();
      },
    },
    pieces,
    size: () => {
      flush();
      return size;
    },
    reader() {
      flush();
      let next = 0;
      const readId = '0'.repeat(32);
      return {
        openBundle: () => {
          next = 0;
          return Promise.resolve(ok({ readId, bytes: size }));
        },
        readChunk: () => Promise.resolve(ok({ chunk: pieces[next++] ?? null })),
        closeBundle: () => Promise.resolve(ok(null)),
      };
    },
  };
}

/** Copies every raw row's stored bytes (`c`: record ciphertext or sealed chunk) into `sink`; returns the bytes. */
export async function copyRawRows(raw: Dexie, sink: ByteSink): Promise<number> {
  let bytes = 0;
  for (const name of backedUpTables())
    for await (const page of rawPages(raw.table(name), pageRowsFor(name)))
      for (const row of page) {
        const stored: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'c') : undefined;
        if (!(stored instanceof Uint8Array)) continue;
        await sink.write(stored);
        bytes += stored.length;
      }
  return bytes;
}

/**
 * The plain restore: the same bytes written into a plain table in rows of the vault's chunk size (256 KiB), four rows
 * per transaction (the restore commits one ~1 MiB frame per transaction). Returns the rows written.
 */
export async function writePlainRows(pieces: readonly Uint8Array[], db: Dexie): Promise<number> {
  const table = db.table('chunks');
  const row = 256 * 1024;
  let index = 0;
  let batch: { index: number; c: Uint8Array }[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    if (rows.length > 0) await db.transaction('rw', table, () => table.bulkAdd(rows));
  };
  for (const piece of pieces)
    for (let offset = 0; offset < piece.length; offset += row) {
      batch.push({ index: index++, c: piece.slice(offset, offset + row) });
      if (batch.length === 4) await flush();
    }
  await flush();
  return index;
}

/** A plain database like the vault bench's baseline: no encryption layer, strict durability as the vault. */
export function plainDb(name: string): Dexie {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'disabled' });
  db.version(1).stores({ chunks: 'index' });
  return db;
}
