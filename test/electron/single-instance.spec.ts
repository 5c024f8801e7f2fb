import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// R17, in the real shell: a second launch on the same profile quits and the first instance is told, so it can bring
// its window forward (restore and focus need a window manager, so they are unit-tested in
// test/unit/wiring/single-instance.test.ts rather than here, where Xvfb may run without one).
const executablePath = process.env['CASEBRIDGE_ELECTRON_PATH'];
test.skip(!executablePath, 'No Electron binary: run through `npm run test:electron`, which explains how to get one.');

const root = resolve(import.meta.dirname, '../..');

test('a second launch on the same profile quits at once and the first instance keeps its one window', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'casebridge-electron-'));
  const args = [root, `--casebridge-profile=${profile}`];
  const first = await electron.launch({ executablePath, args, cwd: root });
  try {
    const page = await first.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await first.evaluate(({ app }) => {
      const counted = globalThis as { secondLaunches?: number };
      counted.secondLaunches = 0;
      app.on('second-instance', () => (counted.secondLaunches = (counted.secondLaunches ?? 0) + 1));
    });

    const { ELECTRON_RUN_AS_NODE: _unset, ...env } = process.env;
    const second = spawn(executablePath ?? '', args, { cwd: root, env, stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((done) => second.once('exit', (code) => done(code)));
    expect(exitCode).toBe(0);

    await expect.poll(() => first.evaluate(() => (globalThis as { secondLaunches?: number }).secondLaunches)).toBe(1);
    expect(first.windows()).toHaveLength(1);
    await expect(page).toHaveTitle('Casebridge');
  } finally {
    await first.close();
    await rm(profile, { recursive: true, force: true });
  }
});
