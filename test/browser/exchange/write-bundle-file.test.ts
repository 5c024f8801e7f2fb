import { describe, expect, it } from 'vitest';
import { buildBundle } from '@shared/bundle/build-bundle';
import { toHex } from '@shared/bytes/bytes';
import { createKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { shellErr } from '@shared/ipc/describe-shell-message';
import { ok } from '@shared/result';
import {
  writeBundleFile,
  type BundleWriter,
  type ExportProgress,
} from '../../../renderer/src/bundle-io/write-bundle-file';
import { kit } from '../vault/vault-test-kit';
import { signingOffice } from '@shared/offices/signing-office';

const DAY = 86_400_000;
const now = Date.now();
const sender = generateOfficeIdentity(kit);
const recipientCard = createKeyCard(
  signingOffice(kit, generateOfficeIdentity(kit)),
  { name: 'B', jurisdiction: 'FR' },
  { validFrom: now - DAY, validUntil: now + 300 * DAY },
);
const evidence = new Uint8Array(9 * 1024 * 1024 + 5).map((_, i) => (i * 11) & 255);

/** Stands in for the main-process writer: keeps what it is sent and checks the announced size and hash. */
function recordingWriter(options: { failAfterChunks?: number } = {}) {
  const chunks: Uint8Array[] = [];
  const calls: string[] = [];
  let announced = { bytes: 0, hashHex: '' };
  const writer: BundleWriter = {
    beginExport: (request) => {
      calls.push('begin');
      announced = { bytes: request.bytes, hashHex: request.hashHex };
      return Promise.resolve(ok({ exportId: 'e1' }));
    },
    writeChunk: ({ chunk }) => {
      calls.push('chunk');
      if (options.failAfterChunks !== undefined && chunks.length >= options.failAfterChunks)
        return Promise.resolve(shellErr({ code: 'volume-full', params: { place: { kind: 'drive' } } }));
      chunks.push(chunk.slice());
      return Promise.resolve(ok({ writtenBytes: chunks.reduce((sum, c) => sum + c.length, 0) }));
    },
    finishExport: () => {
      calls.push('finish');
      const hasher = kit.createHasher(64);
      for (const chunk of chunks) hasher.update(chunk);
      const hashHex = toHex(hasher.digest());
      const bytes = chunks.reduce((sum, c) => sum + c.length, 0);
      return Promise.resolve(
        hashHex === announced.hashHex && bytes === announced.bytes
          ? ok({ path: '/stick/x.cbundle', bytes, hashHex })
          : shellErr({ code: 'changed-on-the-way', params: {} }),
      );
    },
    cancelExport: () => {
      calls.push('cancel');
      return Promise.resolve(ok(null));
    },
  };
  return { writer, chunks, calls };
}

const build = (sink: Parameters<typeof buildBundle>[2]) =>
  buildBundle(
    kit,
    {
      kind: 'request',
      body: { caseRef: 'DE-1', case: { originatingJurisdiction: 'DE' } },
      sender: signingOffice(kit, sender),
      recipients: [{ card: recipientCard, sequence: 1 }],
      attachments: [{ name: 'e.bin', mediaType: 'application/octet-stream', size: evidence.length, bytes: [evidence] }],
      createdAt: now,
      notAfter: now + DAY,
    },
    sink,
  );

describe('writing a bundle to the stick', () => {
  it('announces the size and BLAKE2b-512 of exactly the bytes it then sends, in chunks of at most 4 MiB, with progress', async () => {
    const { writer, chunks, calls } = recordingWriter();
    const progress: ExportProgress[] = [];
    const written = await writeBundleFile({
      kit,
      writer,
      folderToken: 't',
      fileName: () => 'x.cbundle',
      build,
      expectedBytes: evidence.length,
      onProgress: (p) => progress.push(p),
    });
    if (!written.ok) throw new Error(written.error.message);
    expect(written.value.written.bytes).toBe(written.value.built.size);
    expect(chunks.every((chunk) => chunk.length <= 4 * 1024 * 1024)).toBe(true);
    expect(calls[0]).toBe('begin');
    expect(calls.at(-1)).toBe('finish');
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['building', 'checking', 'writing']));
    expect(progress.at(-1)).toEqual({
      phase: 'writing',
      done: written.value.built.size,
      total: written.value.built.size,
    });
  });

  it('cancel while writing tells the writer to remove its temporary file; a full drive reports what to do', async () => {
    const controller = new AbortController();
    const { writer, calls } = recordingWriter();
    const cancelled = await writeBundleFile({
      kit,
      writer,
      folderToken: 't',
      fileName: () => 'x.cbundle',
      build,
      expectedBytes: evidence.length,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'writing') controller.abort();
      },
    });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(calls.at(-1)).toBe('cancel');
    expect(calls).not.toContain('finish');

    const full = recordingWriter({ failAfterChunks: 1 });
    const refused = await writeBundleFile({
      kit,
      writer: full.writer,
      folderToken: 't',
      fileName: () => 'x.cbundle',
      build,
      expectedBytes: evidence.length,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'volume-full', message: expect.stringContaining('Free some space') },
    });
    expect(full.calls.at(-1)).toBe('cancel');
  });

  it('cancel while building stops before anything reaches the writer', async () => {
    const controller = new AbortController();
    const { writer, calls } = recordingWriter();
    const cancelled = await writeBundleFile({
      kit,
      writer,
      folderToken: 't',
      fileName: () => 'x.cbundle',
      build,
      expectedBytes: evidence.length,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(calls).toEqual([]);
  });
});
