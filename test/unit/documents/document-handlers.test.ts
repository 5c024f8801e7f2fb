import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentHandlers } from '../../../electron/main/handlers/documents/create-document-handlers';
import { ipcContract } from '@shared/ipc/contract';

let dir: string;
let savePath: string | null;
const asked: unknown[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebridge-docs-'));
  savePath = join(dir, 'report.csv');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const handlers = () =>
  createDocumentHandlers({
    chooseSavePath: async (options) => {
      asked.push(options);
      return savePath;
    },
    printToPdf: async () => new TextEncoder().encode('%PDF-1.7 test'),
  });

describe('document handlers', () => {
  it('saves a table where the user chose, replacing a file they agreed to replace', async () => {
    await writeFile(join(dir, 'report.csv'), 'old');
    const result = await handlers()['document.saveFile']({
      suggestedName: 'report.csv',
      bytes: new TextEncoder().encode('a,b\n1,2\n'),
    });
    expect(result).toEqual({ ok: true, value: { path: join(dir, 'report.csv'), name: 'report.csv', bytes: 8 } });
    expect(await readFile(join(dir, 'report.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(asked.at(-1)).toEqual({ defaultName: 'report.csv', extension: 'csv', filterName: 'CSV table' });
  });

  it('prints to PDF and saves it', async () => {
    savePath = join(dir, 'notice.pdf');
    const result = await handlers()['document.savePdf']({ suggestedName: 'notice.pdf' });
    expect(result.ok && result.value?.bytes).toBe(13);
    expect(await readFile(join(dir, 'notice.pdf'), 'utf8')).toMatch(/^%PDF/);
  });

  it('returns null when the user cancels', async () => {
    savePath = null;
    expect(await handlers()['document.savePdf']({ suggestedName: 'notice.pdf' })).toEqual({ ok: true, value: null });
  });

  it('explains a folder that cannot be written', async () => {
    savePath = join(dir, 'missing-folder', 'x.csv');
    const result = await handlers()['document.saveFile']({ suggestedName: 'x.csv', bytes: new Uint8Array(1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'volume-gone' } });
  });

  it.each(['../x.pdf', '/etc/x.pdf', 'a/b.pdf', 'x.exe', '.hidden.pdf', 'x.pdf\0.txt'])(
    'refuses the suggested name %s',
    (name) => {
      expect(ipcContract['document.savePdf'].input.safeParse({ suggestedName: name }).success).toBe(false);
    },
  );

  it('accepts letters of any language but no punctuation beyond space . _ -', () => {
    expect(ipcContract['document.savePdf'].input.safeParse({ suggestedName: 'Avis – Müller 2026.pdf' }).success).toBe(
      false,
    );
    expect(ipcContract['document.savePdf'].input.safeParse({ suggestedName: 'Avis Müller 2026-03.pdf' }).success).toBe(
      true,
    );
  });
});
