// `npm start` (build, then launch) and `npm run dev` (Vite dev server with reload).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { locateElectron, missingElectronMessage } from './electron-binary.mjs';

const root = join(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');

let electron = locateElectron({ root });
if (electron.missing && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  // First start: let Electron's installer fetch the runtime (works wherever a network exists).
  console.log('Casebridge: fetching the Electron runtime (first start only)…');
  const install = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 300_000,
  });
  electron =
    install.status === 0
      ? locateElectron({ root })
      : { missing: 'The Electron runtime is not installed, and downloading it failed (no network connection?).' };
}
if (electron.missing) {
  console.error(missingElectronMessage(electron.missing));
  process.exit(1);
}

const env = { ...process.env, ELECTRON_EXEC_PATH: electron.path };
const bin = join(root, 'node_modules/.bin/electron-vite');
const run = (args) => spawnSync(bin, args, { stdio: 'inherit', env, cwd: root }).status ?? 1;

if (dev) process.exit(run(['dev']));
const built = run(['build']);
if (built !== 0) process.exit(built);
process.exit(spawnSync(electron.path, [root], { stdio: 'inherit', env, cwd: root }).status ?? 1);
