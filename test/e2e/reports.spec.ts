import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeBuilder } from './harness/axe-builder';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { verifyOversightExport } from '@shared/oversight/oversight-audit-export';
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { VaultPage } from './pages/VaultPage';
import { AppShellPage } from './pages/AppShellPage';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { ReportsPage } from './pages/ReportsPage';

test.describe.configure({ timeout: 180_000 });

/** A complete data-access request to France, authorised and sent, through the case screens. */
async function sendRequest(page: Page, title: string): Promise<void> {
  const cases = new CasesPage(page);
  const casePage = new CasePage(page);
  await new AppShellPage(page).open('Cases');
  const reference = await cases.startNewCase();
  await cases.fillNewCase({
    title,
    partner: 'FR',
    legalBasis: 'gdpr-61',
    purpose: 'Identify the operator of an account used to threaten journalists',
    categories: ['Subscriber data'],
    person: { name: 'Camille Durand', contact: '12 rue des Lilas, 69001 Lyon', language: 'fr' },
    statements: {
      necessity: 'No other means identifies the account holder.',
      proportionality: 'Three months only.',
      nonDiscrimination: 'Selected by the threats sent.',
      minimisation: 'Subscriber data only.',
    },
    purgeAt: '2030-03-01',
  });
  await cases.saveNewCase(reference);
  await casePage.pressAndConfirm('Authorise the case');
  await casePage.expectStage('Authorised');
  await casePage.recordSentAnotherWay();
  await casePage.expectStage('Request sent');
}

test('an oversight officer produces last year’s report as charts, CSV and PDF', async ({ shell }) => {
  const app = shell.page;
  const folder = await mkdtemp(join(tmpdir(), 'casebridge-report-'));
  try {
    // Five requests to France go out in June 2025; the report is made in February 2026 for "last year".
    await app.clock.install({ time: new Date('2025-06-02T08:00:00Z') });
    await shell.load();
    const vault = new VaultPage(app);
    await vault.createVault();
    for (let i = 1; i <= 5; i++) await sendRequest(app, `Subscriber data, account ${i}`);
    await app.clock.setSystemTime(new Date('2026-02-02T08:00:00Z'));
    await app.clock.fastForward('11:00'); // months have passed; the idle lock (10 minutes) fires, as it would
    await vault.expectLocked();
    await vault.unlock();
    await vault.expectUnlocked();

    const reports = new ReportsPage(app);
    await reports.open();
    await reports.choosePeriod(/^Last year/);
    await expect(reports.main.getByText(/^Period: 2025 \(.*1.*2025 to .*31.*2025\)$/)).toBeVisible();
    await expect(reports.cell('Requests sent, by partner jurisdiction', 'France')).toHaveText('5');
    await expect(reports.cell('Requests sent, by legal basis', 'Art. 61 GDPR: mutual assistance')).toHaveText('5');
    await expect(reports.table('Requests sent, by partner jurisdiction').locator('figure svg')).toBeVisible();
    await expect(reports.main.getByRole('heading', { name: 'Method' })).toBeVisible();
    await app.screenshot({ path: 'test-results/screenshots/reports-last-year.png', fullPage: true });

    shell.dialogs.nextSavePath = join(folder, 'report.csv');
    await reports.exportCsv();
    const csv = await readFile(join(folder, 'report.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Casebridge transparency report,Bureau of Quiet Harbours');
    expect(csv).toContain('counts below 5 are shown as <5');
    expect(csv).toContain('"Requests sent, by partner jurisdiction",requests-sent-by-partner,France,FR,5\r\n');
    expect(csv).toContain('"Requests sent, by partner jurisdiction",requests-sent-by-partner,Total,total,5\r\n');
    expect(csv).not.toContain('Camille');

    shell.dialogs.nextSavePath = join(folder, 'report.pdf');
    await reports.savePdf();
    const pdf = await readFile(join(folder, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);

    const results = await axeBuilder(app).analyze();
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    expect(shell.problems).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('a request sent this year is counted (and suppressed), and its signed audit trail verifies for an oversight body', async ({
  app,
  shell,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'casebridge-audit-'));
  try {
    await sendRequest(app, 'Subscriber data for the Heron account');

    const reports = new ReportsPage(app);
    await reports.open();
    await reports.choosePeriod(/^This year/);
    // One request: France shows as "<5", and so does the total. The person's name appears nowhere.
    await expect(reports.cell('Requests sent, by partner jurisdiction', 'France')).toHaveText('<5');
    await expect(reports.cell('Requests sent, by partner jurisdiction', 'Total')).toHaveText('<5');
    await expect(reports.main).not.toContainText('Camille Durand');
    await app.screenshot({ path: 'test-results/screenshots/reports.png', fullPage: true });

    shell.dialogs.nextSavePath = join(folder, 'audit.json');
    await reports.main.getByRole('button', { name: 'Export signed audit trails' }).click();
    await expect(reports.main.getByText(/^Saved audit\.json\.$/)).toBeVisible({ timeout: 20_000 });
    const file = new Uint8Array(await readFile(join(folder, 'audit.json')));
    expect(new TextDecoder().decode(file)).not.toContain('Camille');

    const kit = await cryptoKit();
    const signer = (JSON.parse(new TextDecoder().decode(file)) as { body: { office: { signingKey: string } } }).body
      .office.signingKey;
    expect(verifyOversightExport(kit, file, [])).toMatchObject({
      ok: false,
      error: { code: 'OVERSIGHT_SIGNER_UNTRUSTED' },
    });
    const verified = verifyOversightExport(kit, file, [signer]);
    expect(verified.ok).toBe(true);
    if (verified.ok) {
      expect(verified.value.body.office.name).toBe('Bureau of Quiet Harbours');
      expect(verified.value.body.chains).toHaveLength(1);
      expect(verified.value.body.chains[0]?.events.length).toBeGreaterThanOrEqual(3);
      expect(verified.value.brokenChains).toEqual([]);
    }
    expect(shell.problems).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
