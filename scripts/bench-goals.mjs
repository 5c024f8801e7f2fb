// The goals of issue #18 ("Fast at the size of a real office"), keyed by the exact figure names the benchmarks print.
// `npm run bench` (scripts/bench.mjs) reads every `BENCH` line and prints one table: each figure, its goal (when it
// has one), the measured value and whether it meets the goal. A goal whose figure no benchmark printed is listed as
// "not measured", so a renamed or dropped figure cannot vanish from the table unnoticed.

/**
 * @typedef {{
 *   figure: string;
 *   baseline?: string;
 *   unit: 'x' | 'ms' | 'MiB' | 'KiB';
 *   max: number;
 *   goal: string;
 * }} BenchGoal
 * `figure` is the text after `BENCH ` and before the measured value; `baseline` tells two ratios of one figure apart.
 * A ratio (`x`) or a value meets its goal when it is at most `max`.
 */

/** @type {readonly BenchGoal[]} */
export const benchGoals = [
  // Part 1: records.
  {
    figure: 'read 10000 cases (encrypted store)',
    unit: 'x',
    max: 1.5,
    goal: '≤ 1.5× plain Dexie',
  },
  {
    figure: 'write 10000 cases (encrypted store)',
    unit: 'x',
    max: 1.5,
    goal: '≤ 1.5× plain Dexie',
  },
  {
    figure: 'unlock-to-dashboard with 10000 cases (KDF excluded)',
    unit: 'x',
    max: 1.5,
    goal: '≤ 1.5× plain Dexie load',
  },
  // Part 2: evidence and bundles.
  {
    figure: 'attachment write 64 MiB',
    baseline: 'plain chunks into IndexedDB, no crypto',
    unit: 'x',
    max: 1.5,
    goal: '≤ 1.5× plain chunks',
  },
  {
    figure: 'attachment read 64 MiB (IndexedDB + secretstream + hash check)',
    baseline: 'plain chunk read from IndexedDB',
    unit: 'x',
    max: 1.5,
    goal: '≤ 1.5× plain chunk read',
  },
  { figure: 'exchange export 64 MiB', unit: 'x', max: 2, goal: '≤ 2× plain copy' },
  { figure: 'exchange export 256 MiB', unit: 'x', max: 2, goal: '≤ 2× plain copy' },
  { figure: 'exchange import 64 MiB', unit: 'x', max: 2, goal: '≤ 2× plain copy' },
  { figure: 'exchange import 256 MiB', unit: 'x', max: 2, goal: '≤ 2× plain copy' },
  {
    figure: 'exchange export: JS heap peak growth from 64 to 256 MiB of evidence',
    unit: 'MiB',
    max: 16,
    goal: 'flat (≤ 16 MiB more)',
  },
  // The case list.
  {
    figure: 'case list: keystroke → results rendered (10,000 cases)',
    unit: 'x',
    max: 2,
    goal: '≤ 2× in-memory filter',
  },
  // Part 4: a large office, 100,000 cases and about 1,000,000 audit events (test/bench/browser/large-office.bench.test.ts,
  // run only with VITE_BENCH_LARGE_OFFICE=1: until then these show as "not measured").
  {
    figure: 'unlock-to-dashboard with 100000 cases and their events (KDF excluded)',
    unit: 'x',
    max: 1.5,
    goal: '≤ 1.5× plain Dexie load',
  },
  {
    figure: 'case list: keystroke → results rendered (100,000 cases, large office)',
    unit: 'x',
    max: 2,
    goal: '≤ 2× in-memory filter',
  },
  {
    figure: 'longest main-thread task: unlock → dashboard (100,000 cases, large office)',
    unit: 'ms',
    max: 50,
    goal: '≤ 50 ms',
  },
  {
    figure: 'longest main-thread task: transparency report (100,000 cases, large office)',
    unit: 'ms',
    max: 50,
    goal: '≤ 50 ms',
  },
  // Part 3: no main-thread task over 50 ms in the measured flows.
  { figure: 'longest main-thread task: unlock', unit: 'ms', max: 50, goal: '≤ 50 ms' },
  { figure: 'longest main-thread task: evidence add 64 MiB', unit: 'ms', max: 50, goal: '≤ 50 ms' },
  { figure: 'longest main-thread task: export 64 MiB', unit: 'ms', max: 50, goal: '≤ 50 ms' },
  { figure: 'longest main-thread task: import 64 MiB', unit: 'ms', max: 50, goal: '≤ 50 ms' },
  { figure: 'longest main-thread task: transparency report', unit: 'ms', max: 50, goal: '≤ 50 ms' },
];
