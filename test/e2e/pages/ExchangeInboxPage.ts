import { expect, type Locator, type Page } from '@playwright/test';
import { AppShellPage } from './AppShellPage';

/** The inbox's archive actions and the navigation's count of new bundles (issue 12). */
export class ExchangeInboxPage {
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.outcome = page.getByTestId('import-outcome');
  }

  /** The Exchange button in the navigation; its name carries the count ("Exchange 1 new bundle"). */
  navItem(): Locator {
    return new AppShellPage(this.page).navItem('Exchange');
  }

  badge(): Locator {
    return this.navItem().getByTestId('new-bundles-badge');
  }

  table(drive: string): Locator {
    return this.page.getByRole('table', { name: `Bundles on ${drive}` });
  }

  row(drive: string, fileName: string): Locator {
    return this.table(drive).getByRole('row').filter({ hasText: fileName });
  }

  archiveButton(drive: string, fileName: string): Locator {
    return this.row(drive, fileName).getByRole('button', { name: `Archive ${fileName}` });
  }

  archiveAllButton(): Locator {
    return this.page.getByRole('button', { name: /^Archive all processed/ });
  }

  /** Archives one file from its row and waits for the outcome. */
  async archive(drive: string, fileName: string): Promise<void> {
    await this.archiveButton(drive, fileName).click();
    await expect(this.outcome).toContainText(`${fileName} moved to casebridge-archive/`);
  }
}
