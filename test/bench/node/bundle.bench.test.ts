import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { buildBundle } from '@shared/bundle/build-bundle';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { createKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { openFileSink, openFileSource, readFileChunks } from '../../../electron/cli/file-io';
import { bestOf, reportRatio } from '../report';
import { appendSink, writeTestFile } from './bundle-bench-io';
import { signingOffice } from '@shared/offices/signing-office';

const MIB = 1024 * 1024;
const TOTAL = 256 * MIB;
const dir = mkdtempSync(join(tmpdir(), 'casebridge-bundle-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('bundle build and verify: 256 MiB of attachments vs raw secretstream and a plain file copy', async () => {
  const kit = await cryptoKit();
  const now = Date.now();
  const validity = { validFrom: now - 1000, validUntil: now + 86_400_000 };
  const alice = generateOfficeIdentity(kit);
  const bob = generateOfficeIdentity(kit);
  const aliceCard = createKeyCard(signingOffice(kit, alice), { name: 'A', jurisdiction: 'DE' }, validity);
  const bobCard = createKeyCard(signingOffice(kit, bob), { name: 'B', jurisdiction: 'FR' }, validity);
  const files = [0, 1, 2, 3].map((i) => join(dir, `evidence-${i}.bin`));
  for (const file of files) await writeTestFile(file, TOTAL / files.length);

  const copy = await bestOf(2, async () => {
    for (const [i, file] of files.entries())
      await pipeline(createReadStream(file, { highWaterMark: MIB }), createWriteStream(join(dir, `copy-${i}.bin`)));
  });

  const block = kit.randomBytes(256 * 1024);
  const key = kit.randomBytes(32);
  const raw = await bestOf(2, () => {
    const encryptor = kit.streamEncryptor(key);
    for (let done = 0; done < TOTAL; done += block.length)
      encryptor.push(block, null, done + block.length >= TOTAL ? 'final' : 'message');
  });

  for (const chunkSize of [256 * 1024, MIB]) {
    const bundlePath = join(dir, `bundle-${chunkSize}.cbb`);
    const build = await bestOf(2, async () => {
      rmSync(bundlePath, { force: true });
      const sink = await openFileSink(bundlePath);
      const built = await buildBundle(
        kit,
        {
          kind: 'request',
          body: { caseRef: 'bench', case: {} },
          sender: signingOffice(kit, alice),
          recipients: [{ card: bobCard, sequence: 1 }],
          attachments: files.map((file, i) => ({
            name: `evidence-${i}.bin`,
            mediaType: 'application/octet-stream',
            size: TOTAL / files.length,
            bytes: readFileChunks(file),
          })),
          createdAt: now,
          notAfter: now + 86_400_000,
          chunkSize,
        },
        sink,
      );
      await sink.finish();
      if (!built.ok) throw new Error(built.error.message);
    });
    const verify = await bestOf(2, async () => {
      const source = await openFileSource(bundlePath);
      const sinks: Awaited<ReturnType<typeof appendSink>>[] = [];
      const result = await verifyBundle(kit, {
        source,
        trust: {
          lookup: (k) =>
            k === aliceCard.card.signingKey ? { card: aliceCard, state: 'verified', importedAt: now } : undefined,
        },
        recipient: { signingPublicKey: bob.signingPublicKey, boxPrivateKeyPlaintext: bob.boxPrivateKeyPlaintext },
        clock: () => now,
        ledger: null,
        openAttachment: async (index) => {
          const sink = await appendSink(join(dir, `out-${index}.bin`));
          sinks.push(sink);
          return sink;
        },
      });
      await Promise.all(sinks.map((sink) => sink.close()));
      await source.close();
      if (!result.ok) throw new Error(result.error.message);
    });
    const label = `${chunkSize / 1024} KiB chunks`;
    const rate = (ms: number) => `${(256 / (ms / 1000)).toFixed(0)} MiB/s`;
    reportRatio(
      `bundle build 256 MiB (${label}, files in and out)`,
      build,
      'raw secretstream 256 MiB in memory',
      raw,
      `${rate(build)} vs ${rate(raw)}`,
    );
    reportRatio(
      `bundle build 256 MiB (${label})`,
      build,
      'plain file copy 256 MiB',
      copy,
      `${rate(build)} vs ${rate(copy)}`,
    );
    reportRatio(
      `bundle verify+decrypt 256 MiB (${label}, files in and out)`,
      verify,
      'raw secretstream 256 MiB in memory',
      raw,
      `${rate(verify)} vs ${rate(raw)}`,
    );
    reportRatio(
      `bundle verify+decrypt 256 MiB (${label})`,
      verify,
      'plain file copy 256 MiB',
      copy,
      `${rate(verify)} vs ${rate(copy)}`,
    );
    rmSync(bundlePath, { force: true });
  }
});

it('bundle peak memory: 64 MiB vs 1 GiB attachment (child processes, build + verify through files)', async () => {
  const root = resolve(import.meta.dirname, '../../..');
  const child = (mib: number) =>
    new Promise<{ maxRssMiB: number; peakHeapMiB: number; peakBuffersMiB: number; rssBeforeMiB: number }>(
      (done, fail) => {
        execFile(
          process.execPath,
          [
            join(root, 'node_modules/jiti/lib/jiti-cli.mjs'),
            join(root, 'test/bench/node/bundle-memory-child.ts'),
            String(mib),
            dir,
          ],
          { cwd: root, maxBuffer: MIB },
          (error, stdout, stderr) => {
            if (error) fail(new Error(`${error.message}\n${stderr}`));
            else done(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'));
          },
        );
      },
    );
  const small = await child(64);
  rmSync(join(dir, 'attachment-64.bin'), { force: true });
  rmSync(join(dir, 'bundle-64.cbb'), { force: true });
  const large = await child(1024);
  for (const [what, a, b] of [
    ['peak RSS', small.maxRssMiB, large.maxRssMiB],
    ['peak JS heap', small.peakHeapMiB, large.peakHeapMiB],
    ['peak buffers (external + ArrayBuffers)', small.peakBuffersMiB, large.peakBuffersMiB],
  ] as const) {
    console.log(
      `BENCH bundle ${what} with a 1 GiB attachment: ${b.toFixed(0)} MiB vs with 64 MiB: ${a.toFixed(0)} MiB = ${(b / a).toFixed(2)}x (16x the data)`,
    );
  }
  console.log(
    `BENCH bundle child RSS before building: 64 MiB run ${small.rssBeforeMiB.toFixed(0)} MiB, 1 GiB run ${large.rssBeforeMiB.toFixed(0)} MiB`,
  );
});
