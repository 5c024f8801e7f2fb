import { describe, expect, it } from 'vitest';
import type { BenchGoal } from '../../../scripts/bench-goals.mjs';
import { benchGoals } from '../../../scripts/bench-goals.mjs';
import { parseFigures, summaryTable } from '../../../scripts/bench-summary.mjs';

const output = [
  'noise before',
  '\u001b[22m\u001b[39mBENCH read 10000 cases (encrypted store): 120.0 ms vs plain Dexie table 100.0 ms = 1.20x',
  'BENCH case list: keystroke → results rendered (10,000 cases): 9.0 ms vs plain in-memory filter 3.0 ms = 3.00x (x)',
  'BENCH attachment write 64 MiB: 900.0 ms vs WebCrypto AES-GCM encrypt only 300.0 ms = 3.00x',
  'BENCH attachment write 64 MiB: 900.0 ms vs plain chunks into IndexedDB, no crypto 800.0 ms = 1.13x (80 MiB/s)',
  'BENCH bundle peak RSS with a 1 GiB attachment: 122 MiB vs with 64 MiB: 173 MiB = 0.70x (16x the data)',
  'BENCH longest main-thread task: unlock: 73.0 ms (3 long tasks)',
  'BENCH backup fixture: 10000 cases in 9560 ms; wasm heap 4 MiB before any backup',
].join('\n');

const goals: BenchGoal[] = [
  { figure: 'read 10000 cases (encrypted store)', unit: 'x', max: 1.5, goal: '≤ 1.5×' },
  { figure: 'case list: keystroke → results rendered (10,000 cases)', unit: 'x', max: 2, goal: '≤ 2×' },
  {
    figure: 'attachment write 64 MiB',
    baseline: 'plain chunks into IndexedDB, no crypto',
    unit: 'x',
    max: 1.5,
    goal: '≤ 1.5× plain chunks',
  },
  { figure: 'longest main-thread task: unlock', unit: 'ms', max: 50, goal: '≤ 50 ms' },
  { figure: 'exchange import 64 MiB', unit: 'x', max: 2, goal: '≤ 2×' },
];

describe('bench summary', () => {
  it('reads ratios, single values and free text, names containing colons included', () => {
    const figures = parseFigures(output);
    expect(figures.map((f) => [f.figure, f.baseline, f.value, f.unit])).toEqual([
      ['read 10000 cases (encrypted store)', 'plain Dexie table', 1.2, 'x'],
      ['case list: keystroke → results rendered (10,000 cases)', 'plain in-memory filter', 3, 'x'],
      ['attachment write 64 MiB', 'WebCrypto AES-GCM encrypt only', 3, 'x'],
      ['attachment write 64 MiB', 'plain chunks into IndexedDB, no crypto', 1.13, 'x'],
      ['bundle peak RSS with a 1 GiB attachment', 'with 64 MiB', 0.7, 'x'],
      ['longest main-thread task: unlock', undefined, 73, 'ms'],
      ['backup fixture', undefined, undefined, undefined],
    ]);
  });

  it('gives every figure a row with its goal and verdict, and lists goals no figure answered', () => {
    const table = summaryTable(parseFigures(output), goals);
    const row = (start: string, against: string) => table.find((line) => line.startsWith(`| ${start} | ${against} |`));
    expect(row('read 10000 cases (encrypted store)', 'plain Dexie table')).toBe(
      '| read 10000 cases (encrypted store) | plain Dexie table | 1.20× | ≤ 1.5× | yes |',
    );
    expect(row('case list: keystroke → results rendered (10,000 cases)', 'plain in-memory filter')).toMatch(
      /\| 3\.00× \| ≤ 2× \| NO \|$/,
    );
    // Only the ratio against the goal's own baseline is judged.
    expect(row('attachment write 64 MiB', 'WebCrypto AES-GCM encrypt only')).toMatch(/\| — \| — \|$/);
    expect(row('attachment write 64 MiB', 'plain chunks into IndexedDB, no crypto')).toMatch(/\| yes \|$/);
    expect(row('longest main-thread task: unlock', '')).toMatch(/\| 73 ms \| ≤ 50 ms \| NO \|$/);
    expect(row('exchange import 64 MiB', '')).toBe('| exchange import 64 MiB |  | not measured | ≤ 2× | NO |');
    expect(table.at(-1)).toBe('7 figures; goals: 2 met, 2 not met, 1 not measured (of 5).');
  });

  it('has one goal per figure name and baseline, each with a positive limit', () => {
    const keys = benchGoals.map((goal) => `${goal.figure}|${goal.baseline ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const goal of benchGoals) expect(goal.max).toBeGreaterThan(0);
  });
});
