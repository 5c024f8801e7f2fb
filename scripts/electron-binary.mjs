// Finds the Electron executable the way Electron's own launcher does, without triggering a download.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Executable path inside an unpacked Electron folder, per platform. */
export function executableIn(distFolder, platform = process.platform) {
  if (platform === 'darwin') return join(distFolder, 'Electron.app/Contents/MacOS/Electron');
  if (platform === 'win32') return join(distFolder, 'electron.exe');
  return join(distFolder, 'electron');
}

/**
 * Returns { path } when an Electron binary is present, or { missing: reason } otherwise.
 * Order: ELECTRON_OVERRIDE_DIST_PATH (an unpacked Electron), then node_modules/electron/dist.
 */
export function locateElectron({ root, env = process.env, platform = process.platform } = {}) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = executableIn(override, platform);
    return existsSync(path)
      ? { path }
      : {
          missing: `ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but it holds no Electron executable (looked for ${path}).`,
        };
  }
  const packageDir = join(root, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (existsSync(pathFile)) {
    const path = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(path)) return { path };
  }
  return { missing: 'The Electron runtime has not been downloaded yet (node_modules/electron/dist is empty).' };
}

export function missingElectronMessage(reason) {
  return [
    `Casebridge cannot start the desktop shell: ${reason}`,
    'Two ways out:',
    '  1. On a machine with a network connection, run `npm start` again: Electron 45 is downloaded once, on first start.',
    '  2. Offline, point ELECTRON_OVERRIDE_DIST_PATH at a folder with an unpacked Electron 45, for example:',
    '       ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v45 npm start',
  ].join('\n');
}
