import { expectAccessible } from './harness/two-offices';
import { test, expect } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';

test.describe.configure({ timeout: 120_000 });

test('a save with problems lists them at the top, takes the focus there, and each line leads to its field', async ({
  app: page,
}) => {
  const shell = new AppShellPage(page);
  await shell.open('Cases');
  await page.getByRole('button', { name: 'New case' }).click();
  const purpose = page.getByRole('textbox', { name: 'Purpose', exact: true });
  // A stray paste: 5,001 characters where 5,000 are allowed. The counter says so at once.
  await purpose.fill('x'.repeat(5_001));
  await expect(page.getByText('1 character too many (at most 5,000)')).toBeVisible();
  await page.getByLabel('Data from').fill('2031-01-01');
  await page.getByLabel('Data until').fill('2031-02-01');
  await page.getByRole('button', { name: 'Save draft' }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading')).toHaveText('There are 4 problems: fix them to save');
  await expect(summary.getByRole('listitem')).toHaveText([
    'Title: Enter a title.',
    'Purpose: Shorten it to at most 5,000 characters.',
    'Data from: Stored data cannot come from the future: use today or an earlier day.',
    'Data until: Stored data cannot come from the future: use today or an earlier day.',
  ]);
  await page.screenshot({ path: 'test-results/screenshots/error-summary.png' });
  await expectAccessible(page, 'the new-case form with its error summary');
  await summary.getByRole('link', { name: /^Purpose:/ }).click();
  await expect(purpose).toBeFocused();

  // Fixed, the case saves and opens; nothing was stored before.
  await purpose.fill('Identify who runs the account');
  await page.getByLabel('Data from').fill('2026-01-01');
  await page.getByLabel('Data until').fill('2026-02-01');
  await page.getByLabel('Title').fill('Subscriber data for the Kestrel account');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Kestrel/ })).toBeVisible();
});
