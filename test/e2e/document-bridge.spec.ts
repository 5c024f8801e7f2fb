import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';

test('the page prints itself to a PDF the user saves, and saves a CSV table', async ({ shell }) => {
  const folder = await mkdtemp(join(tmpdir(), 'casebridge-docs-'));
  try {
    await shell.load();
    shell.dialogs.nextSavePath = join(folder, 'shell.pdf');
    const pdf = await shell.page.evaluate(() => window.casebridge?.document.savePdf({ suggestedName: 'shell.pdf' }));
    expect(pdf).toMatchObject({ ok: true, value: { name: 'shell.pdf' } });
    expect((await readFile(join(folder, 'shell.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');

    shell.dialogs.nextSavePath = join(folder, 'table.csv');
    const csv = await shell.page.evaluate(() =>
      window.casebridge?.document.saveFile({
        suggestedName: 'table.csv',
        bytes: new TextEncoder().encode('partner,count\nFR,12\n'),
      }),
    );
    expect(csv).toMatchObject({ ok: true, value: { bytes: 20 } });
    expect(await readFile(join(folder, 'table.csv'), 'utf8')).toBe('partner,count\nFR,12\n');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
