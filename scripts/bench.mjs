// `npm run bench`: every benchmark prints ratios against a baseline measured in the same run (never asserted), and
// the run ends with one table of every figure against its goal (scripts/bench-goals.mjs; docs/performance.md).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { benchGoals } from './bench-goals.mjs';
import { parseFigures, summaryTable } from './bench-summary.mjs';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);

/** Runs a command with its output shown as it comes and also kept, for the summary. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => {
      process.stdout.write(data);
      output += data.toString();
    });
    child.stderr.on('data', (data) => process.stderr.write(data));
    child.on('close', (status) => resolve({ status: status ?? 1, output }));
  });
}

let failed = false;
let output = '';
// The start-up benchmark loads the built page: build it first (the e2e suite's build, which creates vaults at the
// test KDF floor so setting one up for the lock screen is quick; it is otherwise the app's own build).
const built = await run(bin('electron-vite'), ['build', '--mode', 'e2e']);
failed ||= built.status !== 0;
for (const project of ['bench-node', 'bench-browser']) {
  const result = await run(bin('vitest'), ['run', '--project', project, '--passWithNoTests', ...process.argv.slice(2)]);
  failed ||= result.status !== 0;
  output += result.output;
}
console.log(['', 'Summary of this run (ratios are within this run; goals from issue #18):', ''].join('\n'));
console.log(summaryTable(parseFigures(output), benchGoals).join('\n'));
process.exit(failed ? 1 : 0);
