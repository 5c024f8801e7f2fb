/**
 * Child process of the bundle bench: builds and verifies one bundle with a single attachment of N MiB
 * through real files, and prints its peak memory as JSON. Run: jiti bundle-memory-child.ts <MiB> <dir>.
 */
import { join } from 'node:path';
import { cryptoKit } from '../../../shared/crypto/crypto-kit';
import { buildBundle } from '../../../shared/bundle/build-bundle';
import { verifyBundle } from '../../../shared/bundle/verify-bundle';
import { createKeyCard } from '../../../shared/offices/key-card';
import { generateOfficeIdentity } from '../../../shared/offices/office-identity';
import { openFileSink, openFileSource, readFileChunks } from '../../../electron/cli/file-io';
import { writeTestFile } from './bundle-bench-io';
import { signingOffice } from '../../../shared/offices/signing-office';

const mib = Number(process.argv[2]);
const dir = process.argv[3] ?? '.';
const kit = await cryptoKit();
const now = Date.now();
const validity = { validFrom: now - 1000, validUntil: now + 86_400_000 };
const alice = generateOfficeIdentity(kit);
const bob = generateOfficeIdentity(kit);
const aliceCard = createKeyCard(signingOffice(kit, alice), { name: 'A', jurisdiction: 'DE' }, validity);
const bobCard = createKeyCard(signingOffice(kit, bob), { name: 'B', jurisdiction: 'FR' }, validity);
const source = join(dir, `attachment-${mib}.bin`);
await writeTestFile(source, mib * 1024 * 1024);

let peakHeap = 0;
let peakExternal = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  peakExternal = Math.max(peakExternal, usage.external + usage.arrayBuffers);
};
const rssBefore = process.memoryUsage().rss;
const timer = setInterval(sample, 20);

const bundlePath = join(dir, `bundle-${mib}.cbb`);
const sink = await openFileSink(bundlePath);
const built = await buildBundle(
  kit,
  {
    kind: 'request',
    body: { caseRef: 'bench', case: {} },
    sender: signingOffice(kit, alice),
    recipients: [{ card: bobCard, sequence: 1 }],
    attachments: [
      { name: 'a', mediaType: 'application/octet-stream', size: mib * 1024 * 1024, bytes: readFileChunks(source) },
    ],
    createdAt: now,
    notAfter: now + 86_400_000,
  },
  sink,
);
await sink.finish();
if (!built.ok) throw new Error(built.error.message);
const file = await openFileSource(bundlePath);
const verified = await verifyBundle(kit, {
  source: file,
  trust: {
    lookup: (key) =>
      key === aliceCard.card.signingKey ? { card: aliceCard, state: 'verified', importedAt: now } : undefined,
  },
  recipient: { signingPublicKey: bob.signingPublicKey, boxPrivateKeyPlaintext: bob.boxPrivateKeyPlaintext },
  clock: () => now,
  ledger: null,
  openAttachment: () => ({ write: () => Promise.resolve(sample()) }),
});
await file.close();
if (!verified.ok) throw new Error(verified.error.message);
clearInterval(timer);
sample();
console.log(
  JSON.stringify({
    mib,
    rssBeforeMiB: rssBefore / 2 ** 20,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    peakHeapMiB: peakHeap / 2 ** 20,
    peakBuffersMiB: peakExternal / 2 ** 20,
  }),
);
