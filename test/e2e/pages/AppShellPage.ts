import { expect, type Locator, type Page } from '@playwright/test';

export type ScreenName = 'Dashboard' | 'Cases' | 'Exchange' | 'Reports' | 'Desk' | 'Settings';

/** The frame around every screen: navigation and the main region. */
export class AppShellPage {
  readonly nav: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.main = page.getByRole('main');
  }

  navItem(name: ScreenName): Locator {
    return this.nav.getByRole('button', { name });
  }

  async open(name: ScreenName): Promise<void> {
    await this.navItem(name).click();
    await this.expectScreen(name);
  }

  async expectScreen(name: ScreenName): Promise<void> {
    await expect(this.main.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(this.navItem(name)).toHaveAttribute('aria-current', 'page');
  }
}
