import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { storeAttachment } from '../../../renderer/src/vault/attachments/attachment-store';
import { makeCase } from './case-fixtures';
import { vaultOnFillingDisk } from './filling-disk';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { measureSpace, storageFullText } from '../../../renderer/src/vault/storage-space';

const MiB = 1024 * 1024;

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a full disk', () => {
  it('refuses the whole write with a clear message and stores none of it', async () => {
    const budget = { bytes: 1_000_000 };
    const vault = await vaultOnFillingDisk('full', budget);
    await vault.db.cases.put(makeCase(0));
    const many = Array.from({ length: 1000 }, (_, i) => makeCase(i + 1));
    const result = await vaultWrite(vault.db, [vault.db.cases, vault.db.events], async () => {
      await vault.db.events.put({ id: 'ev-1', caseId: 'x', at: new Date(), seq: 1 });
      await vault.db.cases.bulkPut(many);
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'storage-full', message: expect.stringMatching(/nothing was saved\. Free some space/) },
    });
    budget.bytes = Infinity;
    expect(await vault.db.cases.count()).toBe(1);
    expect(await vault.db.events.count()).toBe(0); // the earlier write in the same transaction was rolled back too
    expect((await vault.db.cases.get(makeCase(0).id))?.title).toBe(makeCase(0).title);
  });

  it('an attachment that does not fit leaves no chunks behind', async () => {
    const budget = { bytes: 6 * 1024 * 1024 };
    const vault = await vaultOnFillingDisk('full-attachment', budget);
    const blob = new Blob([new Uint8Array(24 * 1024 * 1024).fill(1)]);
    const result = await storeAttachment(vault.db, {
      id: 'att-big',
      caseId: 'c',
      fileName: 'big.bin',
      mediaType: 'x',
      source: blob,
      now: new Date(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    budget.bytes = Infinity;
    expect(await vault.db.attachmentChunks.count()).toBe(0);
    expect(await vault.db.attachments.count()).toBe(0);
  });

  it('evidence that does not fit: the message names what it needs and what is free, and nothing is kept', async () => {
    const budget = { bytes: Infinity, chunkWrites: 0 };
    const vault = await vaultOnFillingDisk('full-evidence', budget);
    budget.bytes = 5 * MiB; // the disk fills at the second batch of chunks
    const file = new File([new Uint8Array(24 * MiB).fill(7)], 'cctv.mp4', { type: 'video/mp4' });
    const result = await storeAttachment(vault.db, {
      id: 'att-cctv',
      caseId: 'c',
      fileName: file.name,
      mediaType: file.type,
      source: file,
      now: new Date(),
    });
    budget.bytes = Infinity;
    if (result.ok) throw new Error('the file should not have fitted');
    expect(budget.chunkWrites).toBeGreaterThan(0); // it really started writing: the real refusal, not the estimate
    expect(result.error.code).toBe('storage-full');
    // 24 MiB + 10% + 1 MiB; free from the browser's own estimate, measured after the chunks were removed.
    expect(result.error.message).toBe(storageFullText(await measureSpace(file.size)));
    expect(result.error.message).toMatch(
      /^Not saved: this needs about 27\.4 MiB and about [\d.,]+ [KMGT]?i?B are free\. Free some space on this computer, then try again\.$/,
    );
    expect(await vault.db.attachmentChunks.count()).toBe(0);
    expect(await vault.db.attachments.count()).toBe(0);
  });

  it('evidence larger than the estimated free space is refused before a single chunk is written', async () => {
    const budget = { bytes: Infinity, chunkWrites: 0 };
    const vault = await vaultOnFillingDisk('estimate-evidence', budget);
    // The browser's estimate is the input here (Chromium's own quota cannot be shrunk in the test profile).
    vi.spyOn(navigator.storage, 'estimate').mockResolvedValue({ quota: 100 * MiB, usage: 88 * MiB });
    const result = await storeAttachment(vault.db, {
      id: 'att-large',
      caseId: 'c',
      fileName: 'large.bin',
      mediaType: 'application/octet-stream',
      source: new Blob([new Uint8Array(40 * MiB)]),
      now: new Date(),
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'storage-full',
        message:
          'Not saved: this needs about 45 MiB and about 12 MiB are free. Free some space on this computer, then try again.',
      },
    });
    expect(budget.chunkWrites).toBe(0);
    expect(await vault.db.attachmentChunks.count()).toBe(0);
    expect(await vault.db.attachments.count()).toBe(0);
  });
});
