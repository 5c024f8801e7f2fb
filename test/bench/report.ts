/** Prints one benchmark figure as a ratio against a baseline measured in the same run. */
export function reportRatio(
  name: string,
  measuredMs: number,
  baselineName: string,
  baselineMs: number,
  extra = '',
): void {
  const ratio = measuredMs / Math.max(baselineMs, 0.001);
  console.log(
    `BENCH ${name}: ${measuredMs.toFixed(1)} ms vs ${baselineName} ${baselineMs.toFixed(1)} ms = ${ratio.toFixed(2)}x${extra ? ` (${extra})` : ''}`,
  );
}

/**
 * Prints one figure that has no baseline of its own (a memory growth, the longest task of a flow):
 * `BENCH <name>: <value> <unit>`. scripts/bench-summary.mjs reads it like a ratio.
 */
export function reportValue(name: string, value: number, unit: 'ms' | 'MiB' | 'KiB', extra = ''): void {
  console.log(`BENCH ${name}: ${value.toFixed(1)} ${unit}${extra ? ` (${extra})` : ''}`);
}

/** Best of `runs` timings of `fn`, in ms (best-of filters scheduler noise on a shared 2-core machine). */
export async function bestOf(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
