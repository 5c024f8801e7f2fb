import { expect, type Locator, type Page } from '@playwright/test';
import { AppShellPage } from './AppShellPage';

/** Reports: the period picker, the published tables, CSV and PDF export. */
export class ReportsPage {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  async open(): Promise<void> {
    await new AppShellPage(this.page).open('Reports');
    await expect(this.main.getByText(/^Transparency report — /)).toBeVisible();
  }

  async choosePeriod(label: string | RegExp): Promise<void> {
    const select = this.main.getByLabel('Show', { exact: true });
    const option = select.locator('option', { hasText: label });
    await select.selectOption({ label: (await option.first().textContent()) ?? '' });
  }

  table(title: string): Locator {
    return this.main.getByRole('region', { name: title });
  }

  /** The printed value of one row of a table ("<5", "x" or a number). */
  cell(title: string, row: string): Locator {
    return this.table(title)
      .getByRole('row', { name: new RegExp(`^${row}\\b`) })
      .getByRole('cell');
  }

  async exportCsv(): Promise<void> {
    await this.main.getByRole('button', { name: 'Export CSV' }).click();
    await expect(this.main.getByText(/^Saved .+\.csv\.$/)).toBeVisible();
  }

  async savePdf(): Promise<void> {
    await this.main.getByRole('button', { name: 'Save as PDF' }).click();
    await expect(this.main.getByText(/^Saved .+\.pdf\.$/)).toBeVisible({ timeout: 20_000 });
  }
}
