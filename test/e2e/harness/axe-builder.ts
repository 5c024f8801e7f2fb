import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core for one screen of the app, run inside the page (legacy mode). The default mode opens a blank page for every
 * scan to merge frame results — about two seconds each, a tenth of the e2e suite — for frames the app does not have
 * (its one frame, the sandboxed evidence preview, shows a user's file, not the app's interface).
 */
export const axeBuilder = (page: Page): AxeBuilder => new AxeBuilder({ page }).setLegacyMode(true);
