import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { verifyOversightExport } from '@shared/oversight/oversight-audit-export';
import { test, expect } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { ReportsPage } from './pages/ReportsPage';

test.describe.configure({ timeout: 120_000 });

test('an oversight officer produces last year’s report as charts, CSV and PDF', async ({ app, shell }) => {
  const folder = await mkdtemp(join(tmpdir(), 'casebridge-report-'));
  try {
    const reports = new ReportsPage(app);
    await reports.open();
    await reports.choosePeriod(/^Last year/);
    await expect(reports.main.getByText(/^Period: \d{4} \(.*1.*\d{4} to .*31.*\d{4}\)$/)).toBeVisible();
    await expect(reports.table('Requests sent, by partner jurisdiction')).toBeVisible();
    await expect(reports.main.getByRole('heading', { name: 'Method' })).toBeVisible();

    shell.dialogs.nextSavePath = join(folder, 'report.csv');
    await reports.exportCsv();
    const csv = await readFile(join(folder, 'report.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Casebridge transparency report,Bureau of Quiet Harbours');
    expect(csv).toContain('counts below 5 are shown as <5');

    shell.dialogs.nextSavePath = join(folder, 'report.pdf');
    await reports.savePdf();
    expect((await readFile(join(folder, 'report.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');

    const results = await new AxeBuilder({ page: app }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(shell.problems).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('a request sent this year is counted (and suppressed), and its signed audit trail verifies for an oversight body', async ({ app, shell }) => {
  const folder = await mkdtemp(join(tmpdir(), 'casebridge-audit-'));
  try {
    const cases = new CasesPage(app);
    const casePage = new CasePage(app);
    await new AppShellPage(app).open('Cases');
    const reference = await cases.startNewCase();
    await cases.fillNewCase({
      title: 'Subscriber data for the Heron account',
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
    await casePage.press('Authorise the case');
    await casePage.expectStage('Authorised');
    await casePage.press('Mark the request as sent');

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
    const signer = (JSON.parse(new TextDecoder().decode(file)) as { body: { office: { signingKey: string } } }).body.office.signingKey;
    expect(verifyOversightExport(kit, file, [])).toMatchObject({ ok: false, error: { code: 'OVERSIGHT_SIGNER_UNTRUSTED' } });
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
