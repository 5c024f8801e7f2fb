// `npm run bench`: every benchmark prints ratios against a baseline measured in the same run (never asserted).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const vitest = join(root, 'node_modules/.bin/vitest');
let failed = false;
for (const project of ['bench-node', 'bench-browser']) {
  const run = spawnSync(vitest, ['run', '--project', project, '--passWithNoTests', ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: root,
  });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
