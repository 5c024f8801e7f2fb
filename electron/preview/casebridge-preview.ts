// `npm start -- --preview` (or the fallback when Electron cannot run): Casebridge in the system's Chromium.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { findChromium, previewDataFolder } from './preview-paths';
import { PreviewAlreadyRunning } from './preview-lock';
import { startPreview } from './start-preview';

const here = import.meta.dirname; // out/preview once built
const root = resolve(here, '../..');

async function main(): Promise<number> {
  const chromiumPath = findChromium(process.env, () => {
    try {
      return chromium.executablePath();
    } catch {
      return undefined;
    }
  });
  if (chromiumPath === null) {
    console.error(
      'Casebridge preview: no Chromium found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
    return 1;
  }
  const headless = process.env['CASEBRIDGE_PREVIEW_HEADLESS'] === '1';
  if (!headless && process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    console.error(
      'Casebridge preview: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from a desktop session.',
    );
    return 1;
  }
  const dataFolder = previewDataFolder(process.env, process.platform, homedir());
  const version = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  console.log('Casebridge preview — not the hardened desktop shell.');
  console.log(`  Chromium: ${chromiumPath}`);
  console.log(`  Data: ${dataFolder}`);
  let preview;
  try {
    preview = await startPreview({
      chromiumPath,
      dataFolder,
      rendererRoot: join(root, 'out/renderer'),
      pageBridgePath: join(here, 'page-bridge.js'),
      version,
      headless,
      log: (line) => console.log(`  ${line}`),
    });
  } catch (error) {
    if (error instanceof PreviewAlreadyRunning) {
      console.error(
        `Casebridge preview is already running on this data folder (process ${error.pid}). Switch to its window, or close it first.`,
      );
      return 2;
    }
    throw error;
  }
  console.log('  Window open. Close it, or press Ctrl-C here, to quit.');
  const stop = () => void preview.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await preview.closed;
  console.log('Casebridge preview closed.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Casebridge preview failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
