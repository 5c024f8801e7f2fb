import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';
import {
  authorisedCase,
  closeTwoOffices,
  expectAccessible,
  onlyBundle,
  twoOfficesOnOneStick,
} from './harness/two-offices';
import { AppShellPage } from './pages/AppShellPage';
import { ExchangeInboxPage } from './pages/ExchangeInboxPage';

/**
 * Issue 12: the stick as an inbox. Bonn writes a request onto a USB stick (a folder the harness shows as a mounted
 * removable drive); Lyon's navigation counts it as new before anyone looks; once imported, the processed files
 * leave the inbox for casebridge-archive/ on the same stick, one by one or all at once, and nothing is deleted.
 */
test('the Exchange badge counts new bundles on an inserted stick; processed bundles move to casebridge-archive/', async ({
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const offices = await twoOfficesOnOneStick(context, browser);
  const { usb, bureau: a, commission: b } = offices;
  try {
    const lyon = new ExchangeInboxPage(b.shell.page);
    // The stick is in, with nothing on it: no badge.
    await new AppShellPage(b.shell.page).open('Dashboard');
    await expect(lyon.navItem()).toHaveAccessibleName('Exchange');
    await expect(lyon.badge()).toHaveCount(0);

    // Bonn sends a request onto the stick.
    const reference = await authorisedCase(a.shell.page);
    await a.exchange.open();
    await a.exchange.selectCase(reference);
    await a.exchange.exportTo(usb);
    const requestName = (await onlyBundle(usb)).split('/').pop() ?? '';
    // On Bonn's side the file is its own: nothing new there.
    await new AppShellPage(a.shell.page).open('Dashboard');
    await expect(new ExchangeInboxPage(a.shell.page).badge()).toHaveCount(0);

    // Lyon: moving between screens looks at the stick again; the request is one new bundle, said in words.
    await new AppShellPage(b.shell.page).open('Cases');
    await expect(lyon.badge()).toHaveText(/^1\s*1 new bundle$/);
    await expect(lyon.navItem()).toHaveAccessibleName('Exchange 1 new bundle');
    await b.exchange.open();
    await expect(lyon.badge()).toBeVisible();
    await expectAccessible(b.shell.page, 'exchange with the badge');
    await b.shell.page
      .getByRole('navigation', { name: 'Main' })
      .screenshot({ path: 'test-results/screenshots/exchange-badge.png' });

    // A new bundle is never offered for archiving; once imported, the badge goes and the row offers it.
    await b.exchange.lookOnDrive('usb');
    await expect(lyon.row('usb', requestName)).toContainText('New');
    await expect(lyon.row('usb', requestName).getByRole('button', { name: /^Archive/ })).toHaveCount(0);
    await expect(lyon.archiveAllButton()).toHaveCount(0);
    await b.exchange.checkOnDrive('usb', requestName);
    await b.exchange.apply();
    await expect(lyon.badge()).toHaveCount(0);
    await expect(lyon.navItem()).toHaveAccessibleName('Exchange');

    // The signed receipt goes back onto the stick: now one imported bundle and one of Lyon's own.
    await b.exchange.writeReceiptToSameDrive('usb');
    const receiptName = (await readdir(usb)).find((name) => name !== requestName && name.endsWith('.cbundle')) ?? '';
    // For Bonn, that receipt is the new bundle now.
    const bonn = new ExchangeInboxPage(a.shell.page);
    await new AppShellPage(a.shell.page).open('Cases');
    await expect(bonn.navItem()).toHaveAccessibleName('Exchange 1 new bundle');
    await b.exchange.lookOnDrive('usb');
    await expect(lyon.row('usb', requestName)).toContainText('Already imported');
    await expect(lyon.row('usb', receiptName)).toContainText('Sent by this office');
    await expect(lyon.archiveAllButton()).toHaveText('Archive all processed (2)');
    await expectAccessible(b.shell.page, 'inbox with archive actions');
    await b.shell.page.screenshot({ path: 'test-results/screenshots/exchange-inbox-archive.png', fullPage: true });

    // One row: the imported request leaves the listing and is in casebridge-archive/, byte for byte a file.
    await lyon.archive('usb', requestName);
    await expect(lyon.row('usb', requestName)).toHaveCount(0);
    await expect(lyon.row('usb', receiptName)).toContainText('Sent by this office');
    expect(await readdir(join(usb, 'casebridge-archive'))).toEqual([requestName]);
    expect((await readdir(usb)).sort()).toEqual(['casebridge-archive', receiptName].sort());

    // The same request arrives again (a second copy on the stick). "Archive all processed" moves it with the
    // receipt; the first archived copy is kept and the second takes a free name: nothing is overwritten or deleted.
    await copyFile(join(usb, 'casebridge-archive', requestName), join(usb, requestName));
    await b.exchange.lookOnDrive('usb');
    await expect(lyon.row('usb', requestName)).toContainText('Already imported');
    await expect(lyon.archiveAllButton()).toHaveText('Archive all processed (2)');
    await lyon.archiveAllButton().click();
    await expect(lyon.outcome).toHaveText('2 bundles moved to casebridge-archive on usb. Nothing was deleted.');
    await expect(b.shell.page.getByText('No bundle files on usb.')).toBeVisible();
    const secondCopy = requestName.replace(/\.cbundle$/, ' (2).cbundle');
    expect((await readdir(join(usb, 'casebridge-archive'))).sort()).toEqual(
      [requestName, secondCopy, receiptName].sort(),
    );
    expect(await readdir(usb)).toEqual(['casebridge-archive']);
    await b.shell.page.screenshot({ path: 'test-results/screenshots/exchange-inbox-archived.png', fullPage: true });

    expect(a.shell.problems).toEqual([]);
    expect(b.shell.problems).toEqual([]);
  } finally {
    await closeTwoOffices(offices);
  }
});
