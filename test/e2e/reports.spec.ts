import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './harness/fixtures';
import { ReportsPage } from './pages/ReportsPage';

test('an oversight officer produces last year’s report as charts, CSV and PDF', async ({ app, shell }) => {
  const folder = await mkdtemp(join(tmpdir(), 'casebridge-report-'));
  try {
    const reports = new ReportsPage(app);
    await reports.open();
    await reports.choosePeriod(/^Last year/);
    await expect(reports.main.getByText(/^Period: \d{4} \(.*1.*\d{4} to .*31.*\d{4}\)$/)).toBeVisible();
    await expect(reports.table('Requests sent, by partner jurisdiction')).toBeVisible();
    await expect(reports.main.getByRole('heading', { name: 'Method' })).toBeVisible();
    await app.screenshot({ path: 'test-results/screenshots/reports.png', fullPage: true });

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
