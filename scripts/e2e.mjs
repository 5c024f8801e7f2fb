// `npm run test:e2e`: builds the renderer, the CLI and the preview launcher, then runs the Playwright journeys against them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const step = (command, args) => spawnSync(command, args, { stdio: 'inherit', cwd: root }).status ?? 1;

// The app's build (out/renderer: the preview spec and `build: 'shipped'` specs use it) and the suite's own, which
// differs only in creating vaults at the test KDF floor (out/renderer-e2e; see renderer/src/vault/kdf/app-kdf.ts).
for (const mode of ['production', 'e2e']) {
  const built = step(bin('electron-vite'), ['build', '--mode', mode]);
  if (built !== 0) process.exit(built);
}
// The journeys check the oversight export with the real CLI, as an oversight body would.
const cli = step(bin('rolldown'), ['-c', 'electron/cli/rolldown.config.ts']);
if (cli !== 0) process.exit(cli);
// The preview launcher, which one spec starts as `npm start -- --preview` would.
const preview = step(bin('rolldown'), ['-c', 'electron/preview/rolldown.config.ts']);
if (preview !== 0) process.exit(preview);
process.exit(step(bin('playwright'), ['test', '-c', 'test/e2e/playwright.config.ts', ...process.argv.slice(2)]));
