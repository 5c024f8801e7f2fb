import { expect, type Locator, type Page } from '@playwright/test';

/** The dashboard: due lists by bucket, the stage table and (for redress officers) the challenge queue. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  list(id: 'overdue' | 'today' | 'week' | 'partner' | 'sunsets' | 'deferrals'): Locator {
    return this.page.getByTestId(`due-${id}`);
  }

  /** The counts above the table: "3 cases overdue (5 deadlines)", cases awaiting the partner. */
  tallies(): Locator {
    return this.page.getByTestId('dashboard-tallies');
  }

  queue(): Locator {
    return this.page.getByTestId('redress-queue');
  }

  /** Opens the case from an item in a list (by reference), which lands on the item's step. */
  async openFrom(list: Locator, reference: string): Promise<void> {
    await list
      .getByRole('button', { name: new RegExp(reference) })
      .first()
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
  }
}
