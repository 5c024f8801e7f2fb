import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { test, expect, TEST_ORIGIN } from './harness/fixtures';
import { expectAccessible, onlyBundle } from './harness/two-offices';
import type { bodyFixtures, deskFixtures } from './harness/desk-fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { ExchangePage } from './pages/ExchangePage';
import { PartnerOfficesPage } from './pages/PartnerOfficesPage';
import { VaultPage } from './pages/VaultPage';

/**
 * An oversight body's desk, set up at first run, receives the period reports of three offices (made in Node with
 * the real workflow, export and bundle builders), finds the one late notice, sends a recommendation, takes the
 * office's answer, closes it, and publishes an annual report whose figures are worked out by hand below.
 */
const DAY = 86_400_000;
const root = resolve(import.meta.dirname, '../..');

/** The fixture maker, bundled as the app is built (the vocabularies are JSON modules), then loaded. */
type Fixtures = { deskFixtures: typeof deskFixtures; bodyFixtures: typeof bodyFixtures };
async function loadFixtures(): Promise<Fixtures> {
  // One file per worker: two workers building the same file at once could load a half-written module.
  const file = resolve(root, `out/e2e-fixtures/desk-fixtures-${process.pid}.mjs`);
  await build({
    input: resolve(import.meta.dirname, 'harness/desk-fixtures.ts'),
    resolve: { alias: { '@shared': resolve(root, 'shared') } },
    external: [/^libsodium/, /^vitest/, /^zod/],
    platform: 'node',
    output: { file, format: 'esm' },
    logLevel: 'warn',
  });
  return (await import(pathToFileURL(file).href)) as Fixtures;
}

test('oversight desk: three offices report, one late notice, a recommendation answered and closed, the annual report', async ({
  shell,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'casebridge-desk-'));
  try {
    const makeFixtures = (await loadFixtures()).deskFixtures;
    const page = shell.page;
    await shell.load();
    const vault = new VaultPage(page);
    await vault.createPassphrase();
    await page.getByLabel('Office name').fill('Data Protection Board');
    await page.getByLabel('Jurisdiction').selectOption('DE');
    await page.getByRole('radio', { name: 'An oversight body' }).check();
    await expect(page.getByRole('radio', { name: 'Caseworker' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await vault.expectUnlocked();
    const nav = new AppShellPage(page);
    await nav.expectScreen('Desk');
    await expect(nav.nav.getByRole('button')).toHaveText(['Desk', 'Settings', 'Help']);

    // Key cards: the desk's out; the three offices' in, verified by fingerprint.
    const partners = new PartnerOfficesPage(page, shell.dialogs);
    await partners.open();
    await mkdir(join(folder, 'desk-card'));
    await partners.exportKeyCard(join(folder, 'desk-card'));
    const now = Date.now();
    const fixtures = await makeFixtures(await readFile(await onlyBundle(join(folder, 'desk-card'))), now);
    for (const o of fixtures.offices) {
      const cardFile = join(folder, `card ${o.name}.cbundle`);
      await writeFile(cardFile, o.cardFile);
      await partners.importKeyCard(cardFile);
      await partners.verify(o.name, o.fingerprint);
    }

    // Each office's period report for the first half of 2026, with its signed audit export.
    await nav.open('Desk');
    for (const o of fixtures.offices) {
      const file = join(folder, `report ${o.name}.cbundle`);
      await writeFile(file, o.reportFile);
      shell.dialogs.nextBundleFile = file;
      await page.getByRole('button', { name: 'Choose a file…' }).click();
      await expect(page.getByText(`Stored: the report of ${o.name}`)).toBeVisible({ timeout: 20_000 });
    }

    // One late notice, at Berlin only.
    const late = page.getByRole('row', { name: /Notice given late/ });
    await expect(late).toHaveCount(1);
    await expect(
      page.getByRole('table', { name: 'Findings at Office Berlin' }).getByRole('row', { name: /Notice given late/ }),
    ).toHaveCount(1);
    await expectAccessible(page, 'oversight desk');
    // The event hash that shows it is copied whole, for a letter to the office. Where the clipboard is refused, the
    // whole hash is shown to copy by hand.
    await page.evaluate(() => {
      const clipboard = navigator.clipboard;
      const original = clipboard.writeText.bind(clipboard);
      clipboard.writeText = () => {
        clipboard.writeText = original; // refused once, as a policy or an unfocused window would
        return Promise.reject(new DOMException('Refused', 'NotAllowedError'));
      };
    });
    await late.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Copying did not work here.' })).toContainText(
      /[0-9a-f]{64}/,
    );
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: TEST_ORIGIN });
    await late.getByRole('button', { name: 'Copy' }).click();
    await expect(late.getByRole('button', { name: 'Copied' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Copying did not work here.' })).toHaveCount(0);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^[0-9a-f]{64}$/);

    // A recommendation to Berlin about it, written to a folder.
    await late.getByRole('checkbox').check();
    const berlin = page.getByRole('region', { name: 'Office Berlin' });
    await berlin.getByLabel('Action required').fill('Give notice by the review date of each deferral.');
    await berlin.getByLabel('Answer by').fill(new Date(now + 30 * DAY).toISOString().slice(0, 10));
    const out = join(folder, 'out');
    await mkdir(out);
    shell.dialogs.nextFolder = out;
    await berlin.getByRole('button', { name: 'Choose a folder…' }).click();
    await expect(berlin.getByText('Recommendation to Office Berlin written to')).toBeVisible({ timeout: 20_000 });
    const recommendations = page.getByRole('region', { name: 'Recommendations', exact: true });
    const row = recommendations.getByRole('row', { name: /Office Berlin/ });
    await expect(row).toContainText('Open');

    // Berlin's answer comes back and is recorded; the officer closes the recommendation.
    const answer = join(folder, 'answer.cbundle');
    await writeFile(
      answer,
      await fixtures.answer(await readFile(await onlyBundle(out)), 'Deferrals are reviewed weekly.'),
    );
    shell.dialogs.nextBundleFile = answer;
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await expect(page.getByText('Stored: the answer of Office Berlin')).toBeVisible();
    await expect(row).toContainText('Answered');
    await recommendations.getByLabel('Closing note').fill('Answer accepted.');
    await recommendations.getByRole('button', { name: 'Close' }).click();
    await expect(row).toContainText('Closed');

    // The annual report, by hand: every office sent 4 requests to France, Berlin one more (its late-notice case):
    // 4 + 4 + 5 = 13, published although Hamburg's and Munich's 4 are each under 5 alone. Notices issued: 3
    // without a deferral (one per office) and 4 after one (one per office, and Berlin's late one): each under 5,
    // total 7. One recommendation, answered: under 5 both.
    const annual = page.getByRole('region', { name: 'Annual report 2026' });
    await expect(annual.getByText('3 period reports from 3 offices')).toBeVisible();
    const sent = annual.getByRole('region', { name: 'Requests sent, by partner jurisdiction' });
    await expect(sent.getByRole('row', { name: /France/ })).toContainText('13');
    const notices = annual.getByRole('region', { name: 'Notices issued to affected people' });
    await expect(notices.getByRole('row', { name: /Without deferral/ })).toContainText('<5');
    await expect(notices.getByRole('row', { name: /After a deferral/ })).toContainText('<5');
    await expect(notices.getByRole('row', { name: 'Total' })).toContainText('7');
    const byOffice = annual.getByRole('region', { name: 'Recommendations by office' });
    await expect(byOffice.getByRole('row', { name: /Office Berlin/ })).toHaveText(/Office Berlin\s*<5\s*<5/);

    // The same figures in the CSV, and a PDF of the page as printed.
    shell.dialogs.nextSavePath = join(folder, 'annual.csv');
    await annual.getByRole('button', { name: 'Export CSV' }).click();
    await expect(annual.getByText('Saved annual.csv')).toBeVisible();
    const csv = await readFile(join(folder, 'annual.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Casebridge transparency report,Data Protection Board');
    expect(csv).toContain('"Requests sent, by partner jurisdiction",requests-sent-by-partner,France,FR,13\r\n');
    expect(csv).toContain('Notices issued to affected people,notices-issued,Total,total,7\r\n');
    expect(csv).toMatch(/,issuedByOffice,Office Berlin,Office Berlin,<5\r\n/);
    shell.dialogs.nextSavePath = join(folder, 'annual.pdf');
    await annual.getByRole('button', { name: 'Save as PDF' }).click();
    await expect(annual.getByText('Saved annual.pdf')).toBeVisible();
    const pdf = await readFile(join(folder, 'annual.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('an office: its oversight body chosen, a recommendation on the dashboard with its deadline, answered', async ({
  shell,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'casebridge-body-'));
  try {
    const { bodyFixtures: makeBody } = await loadFixtures();
    const page = shell.page;
    await shell.load();
    await new VaultPage(page).createVault({ officeName: 'Office Berlin' });
    const partners = new PartnerOfficesPage(page, shell.dialogs);
    await partners.open();
    await mkdir(join(folder, 'own-card'));
    await partners.exportKeyCard(join(folder, 'own-card'));
    const now = Date.now();
    const body = await makeBody(await readFile(await onlyBundle(join(folder, 'own-card'))), now);
    const cardFile = join(folder, 'body card.cbundle');
    await writeFile(cardFile, body.cardFile);
    await partners.importKeyCard(cardFile);
    await partners.verify(body.name, body.fingerprint);
    await page.getByRole('button', { name: `Make ${body.name} our oversight body` }).click();
    await expect(page.getByTestId('oversight-body')).toHaveText('Our oversight body');

    // The recommendation is verified and applied like any bundle, then waits on the dashboard with its deadline.
    const file = join(folder, 'recommendation.cbundle');
    await writeFile(file, body.recommendation);
    const exchange = new ExchangePage(page, shell.dialogs);
    await exchange.open();
    await exchange.check(file);
    await exchange.preview.getByRole('button', { name: 'Apply' }).click();
    await expect(exchange.outcome).toContainText(`The recommendation from ${body.name} was stored`);
    const nav = new AppShellPage(page);
    await nav.open('Dashboard');
    const due = page.getByTestId('due-recommendations');
    await expect(due.getByRole('heading')).toHaveText(/Recommendations from the oversight body\s*1/);
    const item = due.getByRole('button', { name: new RegExp(`Recommendation from ${body.name}`) });
    await expect(item).toContainText('1 finding');
    await expect(item).toContainText('Answer by');
    await item.click();
    const view = page.getByRole('article');
    await expect(view.getByRole('row', { name: /Notice given late/ })).toContainText('case-00112233aabbccdd');
    await expect(view.getByRole('row', { name: /Notice given late/ })).toContainText('Not a case of this office');
    await expect(view).toContainText('Give notice by the review date of each deferral.');
    await expectAccessible(page, 'a recommendation at the office');

    // The answer goes back, signed by this office, and the recommendation leaves the open list.
    await view.getByLabel('What the office did or will do, and when').fill('Deferrals are now reviewed weekly.');
    const out = join(folder, 'out');
    await mkdir(out);
    shell.dialogs.nextFolder = out;
    await view.getByRole('button', { name: 'Choose a folder…' }).click();
    await expect(due.getByRole('status')).toContainText(body.name, { timeout: 20_000 });
    await expect(item).toHaveCount(0);
    expect(await body.readAnswer(await readFile(await onlyBundle(out)))).toEqual({
      kind: 'recommendation-response',
      sender: body.officeKey,
      toBody: true,
    });
    expect(shell.problems).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
