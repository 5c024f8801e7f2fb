import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSaveStreamHandlers } from '../../../electron/main/handlers/documents/create-save-stream-handlers';
import { ipcContract } from '@shared/ipc/contract';

let dir: string;
let savePath: string | null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebridge-save-stream-'));
  savePath = join(dir, 'scan.pdf');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const handlers = () => createSaveStreamHandlers({ chooseSavePath: async () => savePath });
const blake = (bytes: Uint8Array) => createHash('blake2b512').update(bytes).digest('hex');
const data = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31 + 7) & 255);

async function begin(h: ReturnType<typeof handlers>) {
  const begun = await h['document.beginSave']({ suggestedName: 'scan.pdf', bytes: data.length });
  if (!begun.ok || begun.value === null) throw new Error('not begun');
  return begun.value.saveId;
}

describe('streamed "Save as…"', () => {
  it('writes the chunks where the user chose once the hash matches', async () => {
    const h = handlers();
    const saveId = await begin(h);
    for (let offset = 0; offset < data.length; offset += 65_536)
      expect((await h['document.writeChunk']({ saveId, chunk: data.subarray(offset, offset + 65_536) })).ok).toBe(true);
    const finished = await h['document.finishSave']({ saveId, hashHex: blake(data) });
    expect(finished).toEqual({
      ok: true,
      value: { path: join(dir, 'scan.pdf'), name: 'scan.pdf', bytes: data.length },
    });
    expect(new Uint8Array(await readFile(join(dir, 'scan.pdf')))).toEqual(data);
    expect(await readdir(dir)).toEqual(['scan.pdf']);
  });

  it('leaves nothing when the hash the renderer computed differs', async () => {
    const h = handlers();
    const saveId = await begin(h);
    await h['document.writeChunk']({ saveId, chunk: data });
    const finished = await h['document.finishSave']({ saveId, hashHex: 'f'.repeat(128) });
    expect(finished).toMatchObject({ ok: false, error: { code: 'verify-failed' } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves nothing, not even the temporary file, when cancelled half-way', async () => {
    const h = handlers();
    const saveId = await begin(h);
    await h['document.writeChunk']({ saveId, chunk: data.subarray(0, 100_000) });
    expect(await h['document.cancelSave']({ saveId })).toEqual({ ok: true, value: null });
    expect(await readdir(dir)).toEqual([]);
    expect(await h['document.finishSave']({ saveId, hashHex: blake(data) })).toMatchObject({
      ok: false,
      error: { code: 'unknown-session' },
    });
  });

  it('returns null when the user cancels the dialog', async () => {
    savePath = null;
    expect(await handlers()['document.beginSave']({ suggestedName: 'scan.pdf', bytes: 1 })).toEqual({
      ok: true,
      value: null,
    });
  });

  it.each(['../x.pdf', '/etc/passwd', 'a/b', '.hidden', 'x.', 'x\0y'])('refuses the suggested name %s', (name) => {
    expect(ipcContract['document.beginSave'].input.safeParse({ suggestedName: name, bytes: 1 }).success).toBe(false);
  });
});
