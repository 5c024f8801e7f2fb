// `npm run test:electron`: Playwright _electron specs for the real shell, wherever an Electron binary exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { locateElectron } from './electron-binary.mjs';

const root = join(import.meta.dirname, '..');
const electron = locateElectron({ root });
if (electron.missing) {
  console.log(
    `electron e2e: SKIPPED (test/electron not run) - no Electron binary here: ${electron.missing} ` +
      'Set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 to run them.',
  );
  process.exit(0);
}
const env = { ...process.env, CASEBRIDGE_ELECTRON_PATH: electron.path };
const bin = (name) => join(root, 'node_modules/.bin', name);
const build = spawnSync(bin('electron-vite'), ['build'], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);
const playwright = [bin('playwright'), 'test', '-c', 'test/electron/playwright.config.ts', ...process.argv.slice(2)];
// Electron needs a display: use Xvfb on headless Linux when it is installed.
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY;
const [command, ...args] =
  needsDisplay && existsSync('/usr/bin/xvfb-run') ? ['/usr/bin/xvfb-run', '-a', ...playwright] : playwright;
process.exit(spawnSync(command, args, { stdio: 'inherit', cwd: root, env }).status ?? 1);
