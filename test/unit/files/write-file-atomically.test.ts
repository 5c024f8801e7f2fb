import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { build } from 'rolldown';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FileOperationError } from '../../../electron/main/handlers/files/file-errors';
import { listBundleFiles, readFileBounded } from '../../../electron/main/handlers/files/bundle-files';
import {
  isTempName,
  tempNameFor,
  writeFileAtomically,
  writeSteps,
  type WriteStep,
} from '../../../electron/main/handlers/files/write-file-atomically';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebridge-write-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const blake = (data: Uint8Array) => createHash('blake2b512').update(data).digest('hex');
async function* chunksOf(data: Uint8Array, size = 64 * 1024) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}
async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileOperationError);
  expect((error as FileOperationError).code).toBe(code);
  return error as FileOperationError;
}

describe('atomic bundle writer', () => {
  it('writes, syncs, renames and verifies; leaves no temp file', async () => {
    const data = randomBytes(300_000);
    const progress: number[] = [];
    const target = join(dir, 'b.cbundle');
    const result = await writeFileAtomically({
      targetPath: target,
      chunks: chunksOf(data),
      expectedBytes: data.length,
      expectedHashHex: blake(data),
      onProgress: (n) => progress.push(n),
    });
    expect(result).toEqual({ path: target, bytes: data.length, hashHex: blake(data) });
    expect(Buffer.compare(await readFile(target), data)).toBe(0);
    expect(await readdir(dir)).toEqual(['b.cbundle']);
    expect(progress.at(-1)).toBe(data.length);
  });

  it('refuses a hash that does not match and leaves nothing', async () => {
    const data = randomBytes(1000);
    await expectCode(
      writeFileAtomically({
        targetPath: join(dir, 'b.cbundle'),
        chunks: chunksOf(data),
        expectedBytes: 1000,
        expectedHashHex: blake(randomBytes(8)),
      }),
      'verify-failed',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses fewer or more bytes than announced and leaves nothing', async () => {
    const data = randomBytes(1000);
    const fewer = await expectCode(
      writeFileAtomically({ targetPath: join(dir, 'a.cbundle'), chunks: chunksOf(data), expectedBytes: 1001 }),
      'io-failed',
    );
    expect(fewer.message).toBe('Only 1000 of 1001 bytes arrived; the export was stopped.');
    const more = await expectCode(
      writeFileAtomically({ targetPath: join(dir, 'b.cbundle'), chunks: chunksOf(data), expectedBytes: 999 }),
      'io-failed',
    );
    expect(more.message).toBe('More data arrived than was announced; the export was stopped.');
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes a renamed file whose read-back differs (a failing drive), and says so', async () => {
    const target = join(dir, 'failing.cbundle');
    const afterStep = async (step: WriteStep) => {
      if (step === 'renamed') await writeFile(target, 'bits flipped on the way');
    };
    const failed = await expectCode(
      writeFileAtomically({ targetPath: target, chunks: chunksOf(randomBytes(23)), expectedBytes: 23, afterStep }),
      'verify-failed',
    );
    expect(failed.message).toBe(
      `The file read back from the drive at ${dir} does not match what was written. The drive may be failing: use another one.`,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a write that cannot fit before any byte moves, saying how much is free and needed', async () => {
    const full = await expectCode(
      writeFileAtomically({
        targetPath: join(dir, 'huge.cbundle'),
        chunks: chunksOf(randomBytes(1)),
        expectedBytes: 2 ** 50,
      }),
      'volume-full',
    );
    expect(full.message).toMatch(
      /^the drive at .* has [\d.]+ MiB free but the bundle needs 1073741824\.0 MiB\. Free some space or c/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses at once when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const cancelled = await expectCode(
      writeFileAtomically({
        targetPath: join(dir, 'c.cbundle'),
        chunks: chunksOf(randomBytes(5)),
        expectedBytes: 5,
        signal: controller.signal,
      }),
      'cancelled',
    );
    expect(cancelled.message).toBe('The export was cancelled. No usable file was left behind.');
    expect(await readdir(dir)).toEqual([]);
  });

  it('knows its own temp files: hidden and ending in .partial, never a bundle name', () => {
    const temp = basename(tempNameFor(join(dir, 'a.cbundle')));
    expect(isTempName(temp)).toBe(true);
    expect(temp).toMatch(/^\.a\.cbundle\.[0-9a-f]{12}\.partial$/);
    expect(isTempName('a.cbundle.partial')).toBe(false);
    expect(isTempName('.a.cbundle')).toBe(false);
    expect(isTempName('a.cbundle')).toBe(false);
  });

  it('never overwrites an existing file', async () => {
    await writeFile(join(dir, 'b.cbundle'), 'original');
    await expectCode(
      writeFileAtomically({ targetPath: join(dir, 'b.cbundle'), chunks: chunksOf(randomBytes(10)), expectedBytes: 10 }),
      'already-exists',
    );
    expect(await readFile(join(dir, 'b.cbundle'), 'utf8')).toBe('original');
  });

  it('never overwrites a file that appeared under the same name while it was writing', async () => {
    const target = join(dir, 'race.cbundle');
    // Another export (or a person copying a file) takes the name after the pre-flight check, before the rename.
    const afterStep = async (step: WriteStep) => {
      if (step === 'file-synced') await writeFile(target, 'the other file');
    };
    await expectCode(
      writeFileAtomically({ targetPath: target, chunks: chunksOf(randomBytes(10)), expectedBytes: 10, afterStep }),
      'already-exists',
    );
    expect(await readFile(target, 'utf8')).toBe('the other file');
    expect(await readdir(dir)).toEqual(['race.cbundle']);
  });

  it('two exports racing for one name: the second to finish fails, the first file stays whole', async () => {
    // No test seam: two real writes, the slower one held open until the faster has finished.
    const target = join(dir, 'twice.cbundle');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowData = randomBytes(20);
    async function* slow() {
      yield slowData.subarray(0, 10);
      await held;
      yield slowData.subarray(10);
    }
    const slower = writeFileAtomically({ targetPath: target, chunks: slow(), expectedBytes: 20 });
    const fastData = randomBytes(30);
    await writeFileAtomically({ targetPath: target, chunks: chunksOf(fastData), expectedBytes: 30 });
    release();
    await expectCode(slower, 'already-exists');
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array(fastData));
    expect(await readdir(dir)).toEqual(['twice.cbundle']);
  });

  it('can be cancelled mid-write and leaves nothing', async () => {
    const controller = new AbortController();
    const data = randomBytes(1024 * 1024);
    await expectCode(
      writeFileAtomically({
        targetPath: join(dir, 'b.cbundle'),
        chunks: chunksOf(data),
        expectedBytes: data.length,
        signal: controller.signal,
        onProgress: (n) => n > 200_000 && controller.abort(),
      }),
      'cancelled',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a folder that vanished mid-write (drive pulled) and leaves no valid-looking file', async () => {
    const folder = join(dir, 'stick');
    await mkdir(folder);
    const data = randomBytes(200_000);
    const error = await expectCode(
      writeFileAtomically({
        targetPath: join(folder, 'b.cbundle'),
        chunks: chunksOf(data),
        expectedBytes: data.length,
        afterStep: async (step) => {
          if (step === 'file-synced') await rm(folder, { recursive: true, force: true });
        },
      }),
      'volume-gone',
    );
    expect(error.message).toMatch(/Re-insert it/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('bundle files on a drive', () => {
  it('lists bundles only, newest first, and ignores temp files of interrupted exports', async () => {
    await writeFile(join(dir, 'old.cbundle'), 'a');
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(join(dir, 'new.cbundle'), 'bb');
    await writeFile(join(dir, '.x.cbundle.abc.partial'), 'partial');
    await writeFile(join(dir, 'notes.txt'), 'x');
    await mkdir(join(dir, 'folder.cbundle'));
    expect((await listBundleFiles(dir)).map((e) => [e.name, e.bytes])).toEqual([
      ['new.cbundle', 2],
      ['old.cbundle', 1],
    ]);
  });

  it('streams a file within its limit and refuses one above it before reading', async () => {
    const data = randomBytes(3 * 1024 * 1024 + 5);
    await writeFile(join(dir, 'b.cbundle'), data);
    const chunks: Uint8Array[] = [];
    for await (const chunk of readFileBounded(join(dir, 'b.cbundle'), data.length)) chunks.push(chunk);
    expect(chunks.length).toBe(4);
    expect(Buffer.compare(Buffer.concat(chunks), data)).toBe(0);
    await expectCode(
      (async () => {
        for await (const _ of readFileBounded(join(dir, 'b.cbundle'), data.length - 1)) void _;
      })(),
      'too-large',
    );
  });
});

// Kill the writer process right after each step: whatever survives must be either nothing under the final
// name, or the complete file. Runs the real module, bundled for a child Node process.
describe('a crash at any step', () => {
  let script: string;
  beforeAll(async () => {
    script = join(await mkdtemp(join(tmpdir(), 'casebridge-crash-')), 'writer.mjs');
    await build({
      input: resolve(import.meta.dirname, 'crash-writer.fixture.ts'),
      output: { file: script, format: 'esm' },
      platform: 'node',
      resolve: { alias: { '@shared': resolve(import.meta.dirname, '../../../shared') } },
      logLevel: 'silent',
    });
  });
  afterAll(() => rm(join(script, '..'), { recursive: true, force: true }));

  it.each(writeSteps.map((s) => [s]))(
    'after %s never leaves a partial file under the final name',
    async (step: WriteStep) => {
      const target = join(dir, 'b.cbundle');
      const run = spawnSync(process.execPath, [script, target, step], { encoding: 'utf8' });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      const names = await readdir(dir);
      if (writeSteps.indexOf(step) < writeSteps.indexOf('renamed')) {
        expect(names).not.toContain('b.cbundle');
        expect(names.every((n) => n.endsWith('.partial'))).toBe(true);
        expect(await listBundleFiles(dir)).toEqual([]);
      } else {
        expect(names).toEqual(['b.cbundle']);
        expect((await readFile(target)).length).toBe(512 * 1024);
      }
    },
  );
});
