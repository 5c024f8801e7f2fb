import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle } from '@shared/bundle/build-bundle';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { trustView } from '@shared/offices/trust-store';
import { openFileSink, openFileSource, readFileChunks } from '../../../electron/cli/file-io';
import { DAY, emptyLedger, requestBody, storeWith, T0, world } from './bundle-fixtures';
import { signingOffice } from '@shared/offices/signing-office';

describe('bundles through real files in a temp folder', async () => {
  const w = await world();
  const dir = mkdtempSync(join(tmpdir(), 'casebridge-bundle-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Builds a request bundle with one file attachment into `<name>.cbb` in its own folder (each test makes its own). */
  async function requestBundleFile(name: string) {
    const folder = mkdtempSync(join(dir, `${name}-`));
    const evidence = w.kit.randomBytes(3 * 1024 * 1024 + 12345);
    const evidencePath = join(folder, 'evidence.bin');
    writeFileSync(evidencePath, evidence);
    const bundlePath = join(folder, `${name}.cbb`);
    const sink = await openFileSink(bundlePath);
    const built = await buildBundle(
      w.kit,
      {
        kind: 'request',
        body: requestBody,
        sender: signingOffice(w.kit, w.alice.identity),
        recipients: [{ card: w.bob.card, sequence: 1 }],
        attachments: [
          {
            name: 'evidence.bin',
            mediaType: 'application/octet-stream',
            size: evidence.length,
            bytes: readFileChunks(evidencePath, 100_000),
          },
        ],
        createdAt: T0,
        notAfter: T0 + DAY,
      },
      sink,
    );
    await sink.finish();
    if (!built.ok) throw new Error(built.error.message);
    return { folder, bundlePath, evidence, size: built.value.size };
  }

  it('streams attachments from files into a bundle file and back out to files', async () => {
    const { folder, bundlePath, evidence, size } = await requestBundleFile('request');
    expect(readFileSync(bundlePath).length).toBe(size);
    await expect(openFileSink(bundlePath)).rejects.toThrow(/EEXIST/);

    const source = await openFileSource(bundlePath);
    const outPath = join(folder, 'staged-0.bin');
    const out = await open(outPath, 'w');
    const result = await verifyBundle(w.kit, {
      source,
      trust: trustView(storeWith(w.kit, [w.alice])),
      recipient: {
        signingPublicKey: w.bob.identity.signingPublicKey,
        boxPrivateKeyPlaintext: w.bob.identity.boxPrivateKeyPlaintext,
      },
      clock: () => T0 + 1000,
      ledger: emptyLedger,
      openAttachment: () => ({ write: async (bytes) => void (await out.write(bytes)) }),
    });
    await out.close();
    await source.close();
    expect(result.ok ? 'ok' : result.error.code).toBe('ok');
    expect(w.kit.equal(new Uint8Array(readFileSync(outPath)), evidence)).toBe(true);
  });

  it('refuses a bundle file cut short on disk (a pulled stick)', async () => {
    const { folder, bundlePath } = await requestBundleFile('whole');
    const cutPath = join(folder, 'cut.cbb');
    writeFileSync(cutPath, readFileSync(bundlePath).subarray(0, 2 * 1024 * 1024));
    const source = await openFileSource(cutPath);
    const result = await verifyBundle(w.kit, {
      source,
      trust: trustView(storeWith(w.kit, [w.alice])),
      recipient: null,
      clock: () => T0,
      ledger: null,
    });
    await source.close();
    expect(result.ok ? 'ok' : result.error.code).toBe('BUNDLE_TRUNCATED');
  });
});
