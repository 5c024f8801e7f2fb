import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

/**
 * The Chromium the browser and e2e suites drive: $CHROMIUM_PATH, then Debian's headless shell (the old headless
 * mode: no browser UI processes, about a fifth less CPU per test), then Debian's /usr/bin/chromium, then
 * Playwright's own download. Fails with instructions rather than a stack trace.
 */
export function chromiumPath(): string {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    safePlaywrightPath(),
  ];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`), ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Flags that keep Chromium from reaching for the network or a GPU on headless CI machines. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
