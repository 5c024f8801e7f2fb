// `npm run test:electron`: Playwright _electron specs for the real shell, wherever an Electron binary exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { locateElectron } from './electron-binary.mjs';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const playwright = [bin('playwright'), 'test', '-c', 'test/electron/playwright.config.ts', ...process.argv.slice(2)];
const electron = locateElectron({ root });
if (electron.missing) {
  // The specs still run, so each one is reported as skipped, with this reason, rather than not counted at all.
  console.log(
    `electron e2e: SKIPPED - no Electron binary here: ${electron.missing} ` +
      'Set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 to run them.',
  );
  const { CASEBRIDGE_ELECTRON_PATH: _unset, ...env } = process.env;
  const [command, ...args] = playwright;
  process.exit(spawnSync(command, args, { stdio: 'inherit', cwd: root, env }).status ?? 1);
}
const env = { ...process.env, CASEBRIDGE_ELECTRON_PATH: electron.path };
const build = spawnSync(bin('electron-vite'), ['build'], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);
// Electron needs a display: use Xvfb on headless Linux when it is installed.
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY;
const [command, ...args] =
  needsDisplay && existsSync('/usr/bin/xvfb-run') ? ['/usr/bin/xvfb-run', '-a', ...playwright] : playwright;
process.exit(spawnSync(command, args, { stdio: 'inherit', cwd: root, env }).status ?? 1);
