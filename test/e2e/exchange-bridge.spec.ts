import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';

// The renderer's path to a USB stick: window.casebridge.exchange → IPC contract → the real handler modules.
test('the page writes a bundle to a picked folder in chunks and reads it back', async ({ shell }) => {
  const stick = await mkdtemp(join(tmpdir(), 'casebridge-stick-'));
  try {
    shell.dialogs.nextFolder = stick;
    await shell.load();
    // The same bytes the page will build; the app computes this BLAKE2b-512 itself in real use.
    const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) % 251);
    const hashHex = createHash('blake2b512').update(bytes).digest('hex');
    const result = await shell.page.evaluate(
      async ({ hashHex }) => {
        const api = window.casebridge;
        if (!api) throw new Error('no bridge');
        const folder = await api.exchange.chooseFolder();
        if (!folder.ok || folder.value === null) return folder;
        const token = folder.value.folderToken;
        const data = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) % 251);
        const begun = await api.exchange.beginExport({
          folderToken: token,
          fileName: 'request-1.cbundle',
          bytes: data.length,
          hashHex,
        });
        if (!begun.ok) return begun;
        const progress: number[] = [];
        for (let i = 0; i < data.length; i += 1024 * 1024) {
          const step = await api.exchange.writeChunk({
            exportId: begun.value.exportId,
            chunk: data.subarray(i, i + 1024 * 1024),
          });
          if (!step.ok) return step;
          progress.push(step.value.writtenBytes);
        }
        const finished = await api.exchange.finishExport({ exportId: begun.value.exportId });
        const listed = await api.exchange.listBundles({ folderToken: token });
        if (!listed.ok || !listed.value[0]) return listed;
        const opened = await api.exchange.openBundle({ fileToken: listed.value[0].fileToken });
        if (!opened.ok) return opened;
        let readBack = 0;
        let same = true;
        for (;;) {
          const next = await api.exchange.readChunk({ readId: opened.value.readId });
          if (!next.ok) return next;
          if (next.value.chunk === null) break;
          for (let j = 0; j < next.value.chunk.length; j++) same &&= next.value.chunk[j] === data[readBack + j];
          readBack += next.value.chunk.length;
        }
        return { ok: true, finished, progress, readBack, same };
      },
      { hashHex },
    );
    expect(result).toMatchObject({
      ok: true,
      finished: { ok: true, value: { bytes: bytes.length, hashHex } },
      readBack: bytes.length,
      same: true,
    });
    expect((await readFile(join(stick, 'request-1.cbundle'))).length).toBe(bytes.length);
    expect(shell.problems).toEqual([]);
  } finally {
    await rm(stick, { recursive: true, force: true });
  }
});
