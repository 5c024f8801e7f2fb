import { afterAll, it } from 'vitest';
import { Dexie } from 'dexie';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { TEST_KDF_FLOOR } from '@shared/vault/kdf-params';
import { utf8 } from '@shared/bytes/bytes';
import { openBundleFile } from '../../../renderer/src/bundle-io/ipc-byte-source';
import { backupVault } from '../../../renderer/src/vault/backup/backup-vault';
import { openRawVaultDb } from '../../../renderer/src/vault/backup/raw-vault-db';
import { restoreVault, type RestorePhase } from '../../../renderer/src/vault/backup/restore-vault';
import { deriveInWorker } from '../../../renderer/src/vault/kdf/derive-in-worker';
import { reportRatio } from '../report';
import {
  BENCH_PASSPHRASE,
  copyRawRows,
  createBenchVault,
  hashingSink,
  heldFile,
  plainDb,
  writePlainRows,
  type BenchVault,
} from './backup-bench-fixture';
import { maxPeak, sampleMemory, wasmHeapBytes, type MemoryPeak } from './memory-sampler';

/**
 * Backup and restore of 10,000 encrypted cases plus 64 MiB, 256 MiB and 1 GiB of evidence (issue #14: speed ≥ 0.5×
 * a plain copy of the same bytes, memory flat), against a plain copy in the same run, contenders alternating.
 *
 * Where the backup goes: into a sink that hashes every byte (BLAKE2b-512, as the app hashes the staged file before
 * sending it) and drops it, so a 1 GiB backup is never whole in memory. Not the app's staging file nor any store: the
 * test profile is in memory and holds about 1.2 GiB of IndexedDB and origin-private files in total (measured on this
 * 24 GiB machine: a 1 GiB vault plus 180 MiB more is refused), which the 1 GiB vault alone nearly fills. The plain
 * copy reads every raw row of the same tables page by page and puts its stored bytes through the same sink.
 *
 * Restore: the file is made once more, untimed, and held in the page as 4 MiB pieces, standing for the file the main
 * process reads from the drive (it cannot be stored beside the restored database in this profile); it is there
 * before sampling starts, so the heap figures are above it. The restore reads it through the app's `openBundleFile`
 * (forward only, 4 MiB chunks: the main process's reads, minus the IPC hop) into a fresh database: verify pass, write
 * pass, read-back, commit, plus one Argon2id at the test floor in the app's KDF worker. The plain copy writes the same
 * bytes into a fresh plain table in 256 KiB rows (the vault's chunk size), four per transaction (the restore commits
 * one ~1 MiB frame per transaction). For 1 GiB the vault is deleted first, or the restored copy would not fit.
 *
 * The evidence grows between sizes (16 MiB files added to the same vault), so the data is generated once. Set
 * VITE_BENCH_SKIP_1GIB=1 to skip the 1 GiB size on a machine that cannot hold it (about 2 GiB in the page and 1.1 GiB of IndexedDB at peak).
 */

const MiB = 1024 * 1024;
const CASES = 10_000;
const kit = await cryptoKit();
const skipEnv: unknown = import.meta.env['VITE_BENCH_SKIP_1GIB'];
const SKIP_1GIB = skipEnv === '1';

type SizeFigures = {
  readonly evidenceMiB: number;
  readonly fileMiB: number;
  readonly backupMs: number;
  readonly plainBackupMs: number;
  readonly plainBackupMiB: number;
  readonly restoreMs: number;
  readonly plainRestoreMs: number;
  readonly backupMemory: MemoryPeak;
  readonly plainBackupMemory: MemoryPeak;
  readonly restoreMemory: MemoryPeak;
  readonly plainRestoreMemory: MemoryPeak;
  /** Of the fastest restore: ms until writing starts (Argon2id + verify pass), writing, read-back + commit. */
  readonly restorePhasesMs: readonly [number, number, number];
};

const figures: SizeFigures[] = [];
let benchVault: Promise<BenchVault> | null = null;
let argon2Ms = 0;

function fixture(): Promise<BenchVault> {
  benchVault ??= (async () => {
    const start = performance.now();
    const made = await createBenchVault(kit, CASES);
    // What one restore spends in the KDF worker, measured alone so the restore figure can be read without it.
    const kdfStart = performance.now();
    await deriveInWorker(utf8(BENCH_PASSPHRASE), new Uint8Array(16), TEST_KDF_FLOOR);
    argon2Ms = performance.now() - kdfStart;
    console.log(
      `BENCH backup fixture: ${CASES} cases in ${(performance.now() - start).toFixed(0)} ms; ` +
        `wasm heap ${((await wasmHeapBytes()) / MiB).toFixed(0)} MiB before any backup`,
    );
    return made;
  })();
  return benchVault;
}

const mibPerSecond = (mib: number, ms: number) => (mib / (ms / 1000)).toFixed(0);
const heap = (peak: MemoryPeak) => `+${peak.jsPeakAboveStartMiB.toFixed(0)} MiB (peak ${peak.jsPeakMiB.toFixed(0)})`;

async function measure(evidenceBytes: number, runs: number, thenDropVault: boolean): Promise<void> {
  const bench = await fixture();
  const growStart = performance.now();
  const before = bench.attachmentBytes();
  await bench.growTo(evidenceBytes);
  console.log(
    `BENCH backup fixture: evidence ${before / MiB} → ${evidenceBytes / MiB} MiB in ` +
      `${(performance.now() - growStart).toFixed(0)} ms; storage used ${await usedStorageMiB()} MiB`,
  );
  const { vault } = bench;
  const raw = openRawVaultDb(vault.db.name);
  let backupMs = Infinity;
  let plainBackupMs = Infinity;
  let plainBackupBytes = 0;
  let backupMemory: MemoryPeak | null = null;
  let plainBackupMemory: MemoryPeak | null = null;
  for (let run = 0; run < runs; run++) {
    const sampler = sampleMemory();
    const start = performance.now();
    const written = await backupVault({ vault, sink: hashingSink(kit), appVersion: 'bench', now: new Date() });
    if (!written.ok) throw new Error(written.error.message);
    backupMs = Math.min(backupMs, performance.now() - start);
    backupMemory = maxPeak(backupMemory, await sampler.stop());

    const plainSampler = sampleMemory();
    const plainStart = performance.now();
    plainBackupBytes = await copyRawRows(raw, hashingSink(kit));
    plainBackupMs = Math.min(plainBackupMs, performance.now() - plainStart);
    plainBackupMemory = maxPeak(plainBackupMemory, await plainSampler.stop());
  }
  // The file the restore reads, made once more untimed (see the top of this file for why it is held in memory).
  const file = heldFile();
  const kept = await backupVault({ vault, sink: file.sink, appVersion: 'bench', now: new Date() });
  if (!kept.ok) throw new Error(kept.error.message);
  raw.close();
  if (!backupMemory || !plainBackupMemory) throw new Error('no runs');
  if (thenDropVault) await dropVault();

  let restoreMs = Infinity;
  let restorePhasesMs: [number, number, number] = [0, 0, 0];
  let plainRestoreMs = Infinity;
  let restoreMemory: MemoryPeak | null = null;
  let plainRestoreMemory: MemoryPeak | null = null;
  for (let run = 0; run < runs; run++) {
    const dbName = `backup-bench-restore-${evidenceBytes}-${run}-${Date.now()}`;
    const sampler = sampleMemory();
    const start = performance.now();
    const phaseStarts = new Map<RestorePhase, number>();
    const restored = await restoreVault({
      kit,
      dbName,
      open: () => openBundleFile(file.reader(), '0'.repeat(32)),
      derive: deriveInWorker,
      secret: { kind: 'passphrase', passphrase: BENCH_PASSPHRASE },
      floor: TEST_KDF_FLOOR,
      onProgress: (progress) => {
        if (!phaseStarts.has(progress.phase)) phaseStarts.set(progress.phase, performance.now());
      },
    });
    if (!restored.ok) throw new Error(restored.error.message);
    const end = performance.now();
    if (end - start < restoreMs) {
      const writing = phaseStarts.get('restoring') ?? end;
      const checking = phaseStarts.get('checking') ?? end;
      restorePhasesMs = [writing - start, checking - writing, end - checking];
    }
    restoreMs = Math.min(restoreMs, end - start);
    restoreMemory = maxPeak(restoreMemory, await sampler.stop());
    await Dexie.delete(dbName);

    const plainName = `backup-bench-plain-${evidenceBytes}-${run}-${Date.now()}`;
    const plainSampler = sampleMemory();
    const plainStart = performance.now();
    const target = plainDb(plainName);
    await writePlainRows(file.pieces, target);
    target.close();
    plainRestoreMs = Math.min(plainRestoreMs, performance.now() - plainStart);
    plainRestoreMemory = maxPeak(plainRestoreMemory, await plainSampler.stop());
    await Dexie.delete(plainName);
  }
  if (!restoreMemory || !plainRestoreMemory) throw new Error('no runs');

  const result: SizeFigures = {
    evidenceMiB: evidenceBytes / MiB,
    fileMiB: file.size() / MiB,
    backupMs,
    plainBackupMs,
    plainBackupMiB: plainBackupBytes / MiB,
    restoreMs,
    plainRestoreMs,
    backupMemory,
    plainBackupMemory,
    restoreMemory,
    plainRestoreMemory,
    restorePhasesMs,
  };
  report(result, runs);
  figures.push(result);
}

async function usedStorageMiB(): Promise<string> {
  const estimate = await navigator.storage.estimate();
  return ((estimate.usage ?? 0) / MiB).toFixed(0);
}

async function dropVault(): Promise<void> {
  const bench = await benchVault;
  benchVault = null;
  if (!bench) return;
  bench.vault.lock();
  bench.vault.db.close();
  await Dexie.delete(bench.vault.db.name);
}

function report(f: SizeFigures, runs: number): void {
  const phase = (i: 0 | 1 | 2) => f.restorePhasesMs[i].toFixed(0);
  const label = f.evidenceMiB >= 1024 ? `${f.evidenceMiB / 1024} GiB` : `${f.evidenceMiB} MiB`;
  reportRatio(
    `backup ${CASES} cases + ${label} evidence (into a hashing sink)`,
    f.backupMs,
    'plain copy of the raw rows into a hashing sink',
    f.plainBackupMs,
    `speed vs plain copy ${(f.plainBackupMs / f.backupMs).toFixed(2)}x; ${f.fileMiB.toFixed(1)} MiB file at ` +
      `${mibPerSecond(f.fileMiB, f.backupMs)} MiB/s, plain ${mibPerSecond(f.plainBackupMiB, f.plainBackupMs)} MiB/s; ` +
      `JS heap ${heap(f.backupMemory)}, plain ${heap(f.plainBackupMemory)}; wasm heap ${f.backupMemory.wasmMiB.toFixed(0)} MiB; ` +
      `best of ${runs}`,
  );
  reportRatio(
    `restore ${CASES} cases + ${label} evidence (verify + write + read-back)`,
    f.restoreMs,
    'plain write of the same bytes into a fresh database',
    f.plainRestoreMs,
    `speed vs plain copy ${(f.plainRestoreMs / f.restoreMs).toFixed(2)}x; ${mibPerSecond(f.fileMiB, f.restoreMs)} MiB/s, ` +
      `plain ${mibPerSecond(f.plainBackupMiB, f.plainRestoreMs)} MiB/s; includes Argon2id in the worker ` +
      `(${argon2Ms.toFixed(0)} ms alone); JS heap ${heap(f.restoreMemory)}, plain ${heap(f.plainRestoreMemory)}; ` +
      `wasm heap ${f.restoreMemory.wasmMiB.toFixed(0)} MiB; phases: until writing ${phase(0)} ms, writing ` +
      `${phase(1)} ms, read-back + commit ${phase(2)} ms; best of ${runs}`,
  );
}

afterAll(async () => {
  if (figures.length > 0) {
    const head =
      '| evidence | file MiB | backup ms | plain ms | backup/plain | speed | MiB/s | restore ms | plain ms | ' +
      'restore/plain | speed | MiB/s | JS heap peak backup / restore (MiB over start) | wasm heap MiB |';
    const lines = figures.map((f) =>
      [
        `${f.evidenceMiB} MiB`,
        f.fileMiB.toFixed(1),
        f.backupMs.toFixed(0),
        f.plainBackupMs.toFixed(0),
        `${(f.backupMs / f.plainBackupMs).toFixed(2)}x`,
        `${(f.plainBackupMs / f.backupMs).toFixed(2)}x`,
        mibPerSecond(f.fileMiB, f.backupMs),
        f.restoreMs.toFixed(0),
        f.plainRestoreMs.toFixed(0),
        `${(f.restoreMs / f.plainRestoreMs).toFixed(2)}x`,
        `${(f.plainRestoreMs / f.restoreMs).toFixed(2)}x`,
        mibPerSecond(f.fileMiB, f.restoreMs),
        `${f.backupMemory.jsPeakAboveStartMiB.toFixed(0)} / ${f.restoreMemory.jsPeakAboveStartMiB.toFixed(0)}`,
        f.restoreMemory.wasmMiB.toFixed(0),
      ].join(' | '),
    );
    console.log(
      [
        `BENCH backup summary, ${CASES} cases (ratio = ours / plain copy; speed = plain / ours, goal ≥ 0.5x; memory goal: flat)`,
        head,
        ...lines.map((line) => `| ${line} |`),
      ].join('\n'),
    );
  }
  await dropVault();
}, 120_000);

it('backup and restore: 10,000 cases + 64 MiB and 256 MiB of evidence vs a plain copy', async () => {
  await measure(64 * MiB, 2, false);
  await measure(256 * MiB, 1, false);
}, 900_000);

it.skipIf(SKIP_1GIB)(
  'backup and restore: 10,000 cases + 1 GiB of evidence vs a plain copy',
  async () => {
    await measure(1024 * MiB, 1, true);
  },
  1_200_000,
);
