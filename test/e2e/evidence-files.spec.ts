import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { test, expect } from './harness/fixtures';
import { expectAccessible } from './harness/two-offices';
import { AppShellPage } from './pages/AppShellPage';
import { CasesPage } from './pages/CasesPage';
import { EvidencePage } from './pages/EvidencePage';
import { VaultPage } from './pages/VaultPage';

// Vault creation runs Argon2id in the app's worker; evidence files are hashed and encrypted in the page.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 20_000 });

const SCREENSHOTS = 'test-results/screenshots';

/** A small RGB PNG (a gradient), made here so the test needs no image file. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows.set([(x * 255) / width, (y * 255) / height, 160], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a line of text (offsets in the xref table computed, so viewers need no repair). */
function pdf(text: string): Buffer {
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${text.length + 30}>>stream\nBT /F1 28 Tf 72 740 Td (${text}) Tj ET\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj${object}endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test('evidence exported back is byte-identical, recorded as custody; images and text preview inside the app', async ({
  shell,
}) => {
  const { page } = shell;
  const folder = await mkdtemp(join(tmpdir(), 'casebridge-evidence-out-'));
  try {
    await shell.load();
    await new VaultPage(page).createVault({ officeName: 'Bureau of Quiet Harbours', jurisdiction: 'DE' });
    await new AppShellPage(page).open('Cases');
    const cases = new CasesPage(page);
    const reference = await cases.startNewCase();
    await cases.fillNewCase({
      title: 'Subscriber data for the Heron account',
      partner: 'FR',
      legalBasis: 'gdpr-61',
      purpose: 'Identify the operator of an account',
      categories: ['Subscriber data'],
      person: { name: 'Camille Durand', contact: '12 rue des Lilas, 69001 Lyon', language: 'fr' },
      statements: { necessity: 'No other means.' },
      purgeAt: '2028-03-01',
    });
    await cases.saveNewCase(reference);

    // 3 MiB and a bit: a dozen stored chunks, streamed back out through the shell's atomic writer.
    const evidence = new EvidencePage(page);
    const bytes = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 4321 }, (_, i) => (i * 131 + (i >> 9)) & 255));
    await evidence.add('threats.bin', 'application/octet-stream', bytes);
    shell.dialogs.nextSavePath = join(folder, 'threats-copy.bin');
    await evidence.export('threats.bin');
    expect(Buffer.compare(await readFile(join(folder, 'threats-copy.bin')), bytes)).toBe(0);
    expect(await readdir(folder)).toEqual(['threats-copy.bin']);
    await expect(evidence.item('threats.bin').getByRole('list', { name: /Chain of custody/ })).toContainText(
      'exported',
    );
    // Unknown types: export only.
    await expect(evidence.item('threats.bin').getByRole('button', { name: /^Preview/ })).toHaveCount(0);

    // A cancelled dialog writes nothing and records nothing.
    shell.dialogs.nextSavePath = null;
    await evidence.item('threats.bin').getByRole('button', { name: 'Export threats.bin to a file' }).click();
    await expect(evidence.item('threats.bin').getByRole('listitem').filter({ hasText: 'exported' })).toHaveCount(1);

    await evidence.add('screenshot.png', 'image/png', png(480, 300));
    const image = await evidence.openPreview('screenshot.png');
    await expect(image.getByRole('img', { name: 'Evidence image screenshot.png' })).toBeVisible();
    await expect(image).toContainText('recorded in the case’s audit trail');
    await expectAccessible(page, 'evidence preview (image)');
    await page.screenshot({ path: join(SCREENSHOTS, 'evidence-preview-image.png') });
    await image.getByRole('button', { name: 'Close' }).click();
    await expect(image).toBeHidden();

    // Text is shown as text, never as markup.
    await evidence.add('notes.txt', 'text/plain', Buffer.from('<b>not bold</b>\nLine two; «quoted»\n'));
    const text = await evidence.openPreview('notes.txt');
    await expect(text.getByLabel('Text of notes.txt')).toHaveText('<b>not bold</b>\nLine two; «quoted»\n');
    await expectAccessible(page, 'evidence preview (text)');
    await page.screenshot({ path: join(SCREENSHOTS, 'evidence-preview-text.png') });
    await page.keyboard.press('Escape');
    await expect(text).toBeHidden();

    // PDFs are exported, not previewed: the app's request policy refuses the resources Chromium's PDF viewer loads.
    const decision = pdf('Decision of the Bureau');
    await evidence.add('decision.pdf', 'application/pdf', decision);
    await expect(evidence.item('decision.pdf').getByRole('button', { name: /^Preview/ })).toHaveCount(0);
    shell.dialogs.nextSavePath = join(folder, 'decision.pdf');
    await evidence.export('decision.pdf');
    expect(Buffer.compare(await readFile(join(folder, 'decision.pdf')), decision)).toBe(0);

    // Each preview opened once is one "sensitive data viewed" event; each completed export one custody event.
    const timeline = page.locator('.timeline__what');
    await expect(timeline.filter({ hasText: 'Sensitive data viewed' })).toHaveCount(2);
    await expect(timeline.filter({ hasText: 'Custody recorded' })).toHaveCount(2);

    // The dashboard's calendar export: a draft has no running deadline, so there is nothing to write.
    await new AppShellPage(page).open('Dashboard');
    shell.dialogs.nextSavePath = join(folder, 'deadlines.ics');
    await page.getByRole('button', { name: 'Export deadlines to a calendar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'no upcoming deadlines' })).toBeVisible();
    expect(await readdir(folder)).not.toContain('deadlines.ics');
    expect(shell.problems).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
