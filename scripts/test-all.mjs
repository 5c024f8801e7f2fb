// `npm test`: the one gate. Typecheck, format (Prettier), lint (ESLint + Electronegativity), unit, browser, e2e, electron e2e.
// Every step runs; the summary names each step's outcome and the test counts from the runners' JSON reports.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules/.bin', name);

const vitest = (project, ...extra) => [
  bin('vitest'),
  [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=test-results/vitest-${project}.json`,
    ...extra,
  ],
];
// The static checks are single-threaded: they run two at a time (their output printed whole, in order, as each
// ends), which keeps both cores busy and the gate within its time budget.
const staticChecks = [
  { name: 'typecheck', run: [bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']] },
  { name: 'lint', run: [bin('eslint'), ['--max-warnings', '0', '.']] },
  { name: 'format', run: [bin('prettier'), ['--check', '--log-level', 'warn', '.']] },
  { name: 'electronegativity', run: [process.execPath, ['scripts/electronegativity.mjs']] },
];
const steps = [
  // Shuffled: no unit test may depend on another having run first. The order comes from the commit, so a commit
  // always runs in the same order (never flaky) and each new commit tries a new one. The seed is printed at the top
  // of the step; `npx vitest run --project unit --sequence.shuffle --sequence.seed=<seed>` replays it.
  {
    name: 'unit',
    // Two threads: Vitest's default on a 2-core machine is one (cores - 1), which left a core idle (48 s -> 38 s).
    run: vitest(
      'unit',
      '--project',
      'unit-isolated',
      '--maxWorkers=2',
      '--sequence.shuffle',
      `--sequence.seed=${commitSeed()}`,
    ),
    report: 'vitest-unit.json',
  },
  { name: 'browser', run: vitest('browser', '--project', 'browser-isolated'), report: 'vitest-browser.json' },
  { name: 'e2e', run: [process.execPath, ['scripts/e2e.mjs']], report: 'e2e-report.json' },
  { name: 'electron', run: [process.execPath, ['scripts/electron-e2e.mjs']], report: 'electron-report.json' },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
const env = { ...process.env, FORCE_COLOR: '0' };

for (const outcome of await inPairs(staticChecks)) {
  console.log(`\n=== ${outcome.name} ===`);
  process.stdout.write(outcome.output);
  summary.push(`${outcome.status === 0 ? 'ok  ' : 'FAIL'} ${outcome.name.padEnd(18)} ${outcome.seconds.padStart(6)} s`);
  if (outcome.status !== 0) totals.failed += 1;
}

for (const step of steps) {
  const started = Date.now();
  console.log(`\n=== ${step.name} ===`);
  const [command, args] = step.run;
  // A report left by an earlier run must never be counted as this run's.
  if (step.report) rmSync(join(results, step.report), { force: true });
  const status = spawnSync(command, args, { stdio: 'inherit', cwd: root, env }).status ?? 1;
  const counts = step.report ? readCounts(join(results, step.report)) : null;
  if (counts) for (const key of Object.keys(totals)) totals[key] += counts[key];
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const allSkipped = counts !== null && counts.skipped > 0 && counts.passed + counts.failed === 0;
  const detail = counts
    ? `  ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${allSkipped ? ' (reason printed above)' : ''}`
    : step.report && status === 0
      ? '  no report written'
      : '';
  summary.push(`${status === 0 ? 'ok  ' : 'FAIL'} ${step.name.padEnd(18)} ${seconds.padStart(6)} s${detail}`);
  if (status !== 0 && counts?.failed === 0) totals.failed += 1; // a failing step with no failed test still fails the gate
}

console.log('\n=== summary ===');
for (const line of summary) console.log(line);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(summary.some((line) => line.startsWith('FAIL')) ? 1 : 0);

/** Runs `checks` two at a time, each with its output kept; resolves to their outcomes in the order given. */
async function inPairs(checks) {
  const outcomes = new Array(checks.length);
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const index = next++;
      outcomes[index] = await captured(checks[index]);
    }
  };
  await Promise.all([worker(), worker()]);
  return outcomes;
}

function captured({ name, run: [command, args] }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(command, args, { cwd: root, env });
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    const done = (status) =>
      resolve({
        name,
        status,
        output: Buffer.concat(chunks).toString(),
        seconds: ((Date.now() - started) / 1000).toFixed(1),
      });
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${error.message}\n`));
      done(1);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}

/** A shuffle seed from the commit being tested (the first 8 hex digits of HEAD), or a fixed one outside git. */
function commitSeed() {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const hex = head.status === 0 ? head.stdout.trim().slice(0, 8) : '';
  return /^[0-9a-f]{8}$/.test(hex) ? Number.parseInt(hex, 16) : 20261201;
}

function readCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof report.numPassedTests === 'number') {
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + (report.numTodoTests ?? 0),
    };
  }
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}
