import { loadSodium } from '@shared/crypto/sodium';

const MiB = 1024 * 1024;

/**
 * Chromium's `performance.memory.usedJSHeapSize` (non-standard; 0 where absent). In this Chromium it counts
 * ArrayBuffer backing stores too (checked: 256 MiB of Uint8Array moves it by 256 MiB), so held chunks show up.
 * It includes garbage not yet collected: a peak is what the page really needed, plus GC lag.
 */
export function usedJsHeapBytes(): number {
  const memory: unknown = Reflect.get(performance, 'memory');
  const value: unknown = typeof memory === 'object' && memory !== null ? Reflect.get(memory, 'usedJSHeapSize') : 0;
  return typeof value === 'number' ? value : 0;
}

/** The size of libsodium's WebAssembly heap: it only grows, so it is the high-water mark of the page's wasm so far. */
export async function wasmHeapBytes(): Promise<number> {
  const module: unknown = Reflect.get(await loadSodium(), 'libsodium');
  const heap: unknown = typeof module === 'object' && module !== null ? Reflect.get(module, 'HEAPU8') : undefined;
  return heap instanceof Uint8Array ? heap.byteLength : 0;
}

export type MemoryPeak = {
  /** Highest JS heap seen while sampling, above the value when sampling started. */
  readonly jsPeakAboveStartMiB: number;
  readonly jsPeakMiB: number;
  /** libsodium's wasm heap when sampling stopped (its high-water mark up to then). */
  readonly wasmMiB: number;
};

/** Samples the JS heap every `intervalMs` while a run goes (the runs await IndexedDB and files, so timers fire). */
export function sampleMemory(intervalMs = 25): { stop(): Promise<MemoryPeak> } {
  const start = usedJsHeapBytes();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, usedJsHeapBytes())), intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      peak = Math.max(peak, usedJsHeapBytes());
      return {
        jsPeakAboveStartMiB: (peak - start) / MiB,
        jsPeakMiB: peak / MiB,
        wasmMiB: (await wasmHeapBytes()) / MiB,
      };
    },
  };
}

/** The larger of two peaks (best-of runs report the worst memory seen in any run). */
export function maxPeak(a: MemoryPeak | null, b: MemoryPeak): MemoryPeak {
  if (a === null) return b;
  return {
    jsPeakAboveStartMiB: Math.max(a.jsPeakAboveStartMiB, b.jsPeakAboveStartMiB),
    jsPeakMiB: Math.max(a.jsPeakMiB, b.jsPeakMiB),
    wasmMiB: Math.max(a.wasmMiB, b.wasmMiB),
  };
}
