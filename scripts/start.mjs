// `npm start` (build, then launch), `npm run dev` (Vite dev server with reload).
//   npm start -- --electron   the desktop shell only; stop if its runtime is missing
//   npm start -- --preview    the Chromium preview, even where Electron runs
// Without either, Electron is the first choice; where its runtime is missing and cannot be fetched, the app opens
// in the preview (the system's Chromium, the same interface and handlers, not the hardened shell).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { locateElectron, missingElectronMessage } from './electron-binary.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const electronOnly = args.includes('--electron');
const forcePreview = args.includes('--preview');
if (electronOnly && forcePreview) {
  console.error('Casebridge: choose --electron or --preview, not both.');
  process.exit(1);
}

const bin = (name) => join(root, 'node_modules/.bin', name);
const run = (command, commandArgs, env = process.env) =>
  spawnSync(command, commandArgs, { stdio: 'inherit', env, cwd: root }).status ?? 1;

function startPreview() {
  const built =
    run(bin('electron-vite'), ['build']) || run(bin('rolldown'), ['-c', 'electron/preview/rolldown.config.ts']);
  if (built !== 0) return built;
  return run(process.execPath, [join(root, 'out/preview/casebridge-preview.js')]);
}

if (forcePreview) process.exit(startPreview());

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
  if (dev || electronOnly) process.exit(1);
  console.log('\nCasebridge: opening the preview in Chromium instead (`npm start -- --electron` never falls back).');
  process.exit(startPreview());
}

const env = { ...process.env, ELECTRON_EXEC_PATH: electron.path };
if (dev) process.exit(run(bin('electron-vite'), ['dev'], env));
const built = run(bin('electron-vite'), ['build'], env);
if (built !== 0) process.exit(built);
process.exit(run(electron.path, [root], env));
