import { mkdir } from 'node:fs/promises';
import { axeBuilder } from './harness/axe-builder';
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
    await expect(ui.main.getByText('Test harness', { exact: true })).toBeVisible();
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
      const results = await axeBuilder(app).analyze();
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

  test('the page is served by the app protocol handler, with its CSP header', async ({ app }) => {
    await new AppShellPage(app).expectScreen('Dashboard');
    const served = await app.evaluate(async () => {
      const page = await fetch('/index.html');
      const outside = await fetch('/../package.json').then((r) => r.status);
      return { csp: page.headers.get('content-security-policy'), outside };
    });
    expect(served.csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(served.outside).toBe(404);
  });

  test('network requests never leave the machine: the CSP stops the page, the request policy stops the rest', async ({
    app,
    shell,
    context,
  }) => {
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
    expect(shell.wiring.refusedRequests).toEqual([]); // the CSP stopped it before it was even requested
    // A page without the app's CSP still cannot reach out: the app's request policy refuses it.
    const other = await context.newPage();
    await other.setContent('<img src="https://example.org/pixel.png" alt="">');
    await expect.poll(() => shell.wiring.refusedRequests).toContain('https://example.org/pixel.png');
  });

  test('the page cannot navigate away, open a window or get a permission', async ({ app, shell, context }) => {
    await new AppShellPage(app).expectScreen('Dashboard');
    await app.evaluate(() => {
      window.location.href = 'https://example.org/phish';
    });
    await expect.poll(() => shell.wiring.refusedNavigations).toContain('https://example.org/phish');
    await app.evaluate(() => void window.open('/index.html'));
    await expect.poll(() => shell.wiring.refusedWindows.length).toBe(1);
    await expect.poll(() => context.pages().length).toBe(1);
    const geolocation = await app.evaluate(
      () =>
        new Promise<string>((resolve) =>
          navigator.geolocation.getCurrentPosition(
            () => resolve('granted'),
            (error) => resolve(error.code === error.PERMISSION_DENIED ? 'denied' : `error ${error.code}`),
          ),
        ),
    );
    expect(geolocation).toBe('denied');
    await new AppShellPage(app).expectScreen('Dashboard');
    expect(app.url()).toBe(`${TEST_ORIGIN}/index.html`);
  });

  test('the bridge refuses a real call from another origin, malformed input and unknown channels', async ({
    app,
    context,
  }) => {
    await new AppShellPage(app).expectScreen('Dashboard');
    type Invoke = { __casebridgeInvoke?: (c: string, i: unknown) => Promise<unknown> };
    const invalid = await app.evaluate(() =>
      (window as Window & Invoke).__casebridgeInvoke?.('app.info', { unexpected: true }),
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await app.evaluate(() =>
      (window as Window & Invoke).__casebridgeInvoke?.('fs.readAnything', '/etc/shadow'),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    // Another page in the same browser, not showing the app: its call reaches the same IPC registration and is
    // refused by the sender check, through the API the page sees and through the raw binding alike.
    const other = await context.newPage();
    await other.setContent('<p>Not Casebridge</p>');
    const fromElsewhere = await other.evaluate(async () => ({
      api: await (window as Window & { casebridge: { app: { info(): Promise<unknown> } } }).casebridge.app.info(),
      raw: await (window as Window & Invoke).__casebridgeInvoke?.('app.info', undefined),
    }));
    expect(fromElsewhere.api).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(fromElsewhere.raw).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    // The same call from the app's own page is answered.
    const fromApp = await app.evaluate(() =>
      (window as Window & { casebridge: { app: { info(): Promise<unknown> } } }).casebridge.app.info(),
    );
    expect(fromApp).toMatchObject({ ok: true });
  });

  test('what Electron cannot clone fails as it would there: a function in the input is a DataCloneError', async ({
    app,
  }) => {
    await new AppShellPage(app).expectScreen('Dashboard');
    const outcome = await app.evaluate(async () => {
      const api = (window as Window & { casebridge: { exchange: { useVolume(input: unknown): Promise<unknown> } } })
        .casebridge;
      try {
        await api.exchange.useVolume({ path: () => '/' });
        return 'sent';
      } catch (error) {
        return error instanceof DOMException ? error.name : String(error);
      }
    });
    expect(outcome).toBe('DataCloneError');
  });
});
