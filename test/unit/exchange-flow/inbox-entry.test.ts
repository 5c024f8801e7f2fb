import { describe, expect, it } from 'vitest';
import { memorySource, type ByteSource } from '@shared/bytes/byte-io';
import { caseBundleBody } from '@shared/exchange/bundle-bodies';
import { classifyInboxEntry, type InboxEntry } from '@shared/exchange/inbox-entry';
import { defaultSelection } from '@shared/exchange/shared-case';
import { fingerprintOf, trustView } from '@shared/offices/trust-store';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { DAY, kit, makeContext, requestTo } from '../workflow/workflow-fixtures';
import { makeOffice, receive, receivedEntry, send, trust, trustEachOther, type Office } from './office-fixtures';

const { context, clock } = makeContext();
const NOW = clock.ms;
const authorised = requestTo('authorised', context, clock).case;

/** A real request bundle from `from` to `to`, with one evidence file; recorded in the sender's ledger. */
async function sendRequest(from: Office, to: Office): Promise<Uint8Array> {
  const body = caseBundleBody(
    authorised,
    { kind: 'request', fields: defaultSelection(authorised), evidence: [], message: 'Urgent' },
    undefined,
  );
  if (!body.ok) throw new Error(body.reason);
  return send(from, to, 'request', body.body, NOW, {
    attachments: [{ name: 'threats.txt', mediaType: 'text/plain', size: 5, bytes: [new Uint8Array([1, 2, 3, 4, 5])] }],
    caseRef: 'DE-BQH-2026-0001',
  });
}

/** `self` imports the bundle for real (full verification) and records it as the importer does. */
async function importFor(self: Office, sender: Office, bytes: Uint8Array): Promise<void> {
  self.ledger.push(receivedEntry(sender, await receive(self, bytes, NOW), NOW, { caseRef: 'DE-BQH-2026-0001' }));
}

function classify(self: Office, source: ByteSource, at = NOW, retired: readonly string[] = []): Promise<InboxEntry> {
  return classifyInboxEntry(kit, source, 'bundle.cbundle', {
    ownSigningKey: self.key,
    retiredSigningKeys: retired,
    trust: trustView(self.trust),
    ledger: self.ledger,
    now: at,
  });
}

const flipped = (bytes: Uint8Array, offset: number): Uint8Array => {
  const copy = bytes.slice();
  copy[offset] = (copy[offset] ?? 0) ^ 0x01;
  return copy;
};

/** Bonn sends a request to Lyon; both trust each other. Cork is not in anyone's partner list. */
async function setUp() {
  const bonn = makeOffice('Bureau of Quiet Harbours', 'DE', NOW);
  const lyon = makeOffice('Commission des Ports Calmes', 'FR', NOW);
  trustEachOther(bonn, lyon, NOW);
  const request = await sendRequest(bonn, lyon);
  return { bonn, lyon, request };
}

describe('inbox classification of real bundles', () => {
  it('new: a verified partner’s bundle for us, not yet imported, with sender, kind, date and size', async () => {
    const { lyon, request } = await setUp();
    const classified = await classify(lyon, memorySource(request));
    expect(classified.state).toBe('new');
    if (classified.state === 'unreadable') return;
    expect(classified.size).toBe(request.length);
    expect(classified.bundle).toMatchObject({
      kind: 'request',
      createdAt: NOW,
      sender: { type: 'partner', name: 'Bureau of Quiet Harbours' },
      caseRef: null,
    });
  });

  it('after a lost-laptop drill, a bundle addressed to the retired key is new, and one the old key signed is ours', async () => {
    const { bonn, lyon, request } = await setUp();
    // Lyon's key retired: Lyon now holds another key; Bonn's request still names the old one.
    const renewed = { ...makeOffice('Commission des Ports Calmes', 'FR', NOW), trust: lyon.trust, ledger: [] };
    expect((await classify(renewed, memorySource(request))).state).toBe('not-for-us');
    expect((await classify(renewed, memorySource(request), NOW, [lyon.key])).state).toBe('new');
    const fromOldBonn = { ...makeOffice('Bureau of Quiet Harbours', 'DE', NOW), trust: bonn.trust, ledger: [] };
    expect((await classify(fromOldBonn, memorySource(request), NOW, [bonn.key])).state).toBe('ours');
  });

  it('already-imported: the identical bytes of a bundle recorded as imported, with its recorded case reference', async () => {
    const { bonn, lyon, request } = await setUp();
    await importFor(lyon, bonn, request);
    const classified = await classify(lyon, memorySource(request.slice()));
    expect(classified.state).toBe('already-imported');
    if (classified.state !== 'unreadable') expect(classified.bundle.caseRef).toBe('DE-BQH-2026-0001');
  });

  it('altered-copy: one flipped byte in the content of a bundle already imported is never “already imported”', async () => {
    const { bonn, lyon, request } = await setUp();
    await importFor(lyon, bonn, request);
    const classified = await classify(lyon, memorySource(flipped(request, request.length - 5)));
    expect(classified).toMatchObject({ state: 'altered-copy', because: 'hash-mismatch', recorded: 'received' });
  });

  it('altered-copy: a flipped signature byte of an imported bundle, and a bad signature on a bundle never seen', async () => {
    const { bonn, lyon, request } = await setUp();
    const headerLength = new DataView(request.buffer, request.byteOffset).getUint32(10, false);
    const badSignature = flipped(request, 14 + headerLength + 3);
    expect(await classify(lyon, memorySource(badSignature))).toMatchObject({
      state: 'altered-copy',
      because: 'signature-invalid',
      recorded: null,
    });
    await importFor(lyon, bonn, request);
    expect(await classify(lyon, memorySource(badSignature))).toMatchObject({
      state: 'altered-copy',
      because: 'signature-invalid',
      recorded: 'received',
    });
  });

  it('ours: Bonn’s own request on the stick is Bonn’s, with or without its ledger entry, never an unknown sender', async () => {
    const { bonn, request } = await setUp();
    const recorded = await classify(bonn, memorySource(request));
    expect(recorded).toMatchObject({ state: 'ours', bundle: { sender: { type: 'this-office' } } });
    if (recorded.state !== 'unreadable') expect(recorded.bundle.caseRef).toBe('DE-BQH-2026-0001');
    bonn.ledger = [];
    expect(await classify(bonn, memorySource(request))).toMatchObject({
      state: 'ours',
      bundle: { sender: { type: 'this-office' }, caseRef: null },
    });
  });

  it('unknown-sender: an office not in the partner list (with its fingerprint), or imported but not verified', async () => {
    const { lyon } = await setUp();
    const cork = makeOffice('Cork Harbour Office', 'IE', NOW);
    trust(cork, lyon, NOW);
    const fromCork = await sendRequest(cork, lyon);
    expect(await classify(lyon, memorySource(fromCork))).toMatchObject({
      state: 'unknown-sender',
      problem: 'not-in-list',
      bundle: { sender: { type: 'unknown', fingerprint: formatFingerprint(fingerprintOf(kit, cork.card)) } },
    });
    trust(lyon, cork, NOW, false);
    expect(await classify(lyon, memorySource(fromCork))).toMatchObject({
      state: 'unknown-sender',
      problem: 'unverified',
      bundle: { sender: { type: 'partner', name: 'Cork Harbour Office' } },
    });
  });

  it('expired: past its last valid moment (plus the allowed clock skew)', async () => {
    const { lyon, request } = await setUp();
    expect((await classify(lyon, memorySource(request), NOW + 30 * DAY)).state).toBe('new');
    expect((await classify(lyon, memorySource(request), NOW + 31 * DAY)).state).toBe('expired');
  });

  it('not-for-us: a trusted partner’s bundle addressed to another office', async () => {
    const { bonn, lyon } = await setUp();
    const cork = makeOffice('Cork Harbour Office', 'IE', NOW);
    trust(bonn, cork, NOW);
    const toCork = await sendRequest(bonn, cork);
    expect((await classify(lyon, memorySource(toCork))).state).toBe('not-for-us');
  });

  it('unreadable: truncated, trailing bytes or not a bundle at all, with the verifier’s code', async () => {
    const { lyon, request } = await setUp();
    expect(await classify(lyon, memorySource(request.subarray(0, request.length - 1)))).toMatchObject({
      state: 'unreadable',
      code: 'BUNDLE_TRUNCATED',
      size: request.length - 1,
    });
    const longer = new Uint8Array(request.length + 1);
    longer.set(request);
    expect(await classify(lyon, memorySource(longer))).toMatchObject({
      state: 'unreadable',
      code: 'BUNDLE_TRAILING_DATA',
    });
    expect(await classify(lyon, memorySource(new TextEncoder().encode('not a bundle at all')))).toMatchObject({
      state: 'unreadable',
      code: 'BUNDLE_MALFORMED',
    });
  });

  it('reads the file forward only (the drive reader streams it) and stores nothing', async () => {
    const { bonn, lyon, request } = await setUp();
    await importFor(lyon, bonn, request);
    const before = JSON.stringify(lyon.ledger);
    let last = 0;
    const forward: ByteSource = {
      size: request.length,
      read(offset, length) {
        if (offset < last) return Promise.reject(new RangeError('backward read'));
        last = offset + length;
        return memorySource(request).read(offset, length);
      },
    };
    expect((await classify(lyon, forward)).state).toBe('already-imported');
    expect(JSON.stringify(lyon.ledger)).toBe(before);
  });
});

describe('header-only classification (the navigation badge’s count)', () => {
  /** A source that records how far into the file anything was read. */
  const recording = (bytes: Uint8Array) => {
    const seen = { end: 0 };
    const source: ByteSource = {
      size: bytes.length,
      read(offset, length) {
        seen.end = Math.max(seen.end, offset + length);
        return memorySource(bytes).read(offset, length);
      },
    };
    return { source, seen };
  };
  const glance = (self: Office, source: ByteSource) =>
    classifyInboxEntry(kit, source, 'bundle.cbundle', {
      ownSigningKey: self.key,
      trust: trustView(self.trust),
      ledger: self.ledger,
      now: NOW,
      depth: 'header',
    });

  it('tells new, already imported and ours from the signed header alone, reading none of the content', async () => {
    const { bonn, lyon, request } = await setUp();
    const headerLength = new DataView(request.buffer, request.byteOffset).getUint32(10, false);
    const frameEnd = 14 + headerLength + 64;
    const first = recording(request);
    expect((await glance(lyon, first.source)).state).toBe('new');
    expect(first.seen.end).toBe(frameEnd);
    expect(frameEnd).toBeLessThan(request.length);
    expect((await glance(bonn, recording(request).source)).state).toBe('ours');
    await importFor(lyon, bonn, request);
    expect((await glance(lyon, recording(request).source)).state).toBe('already-imported');
  });

  it('still catches a broken signature; a changed content byte is left to the full check of the inbox', async () => {
    const { lyon, request } = await setUp();
    const headerLength = new DataView(request.buffer, request.byteOffset).getUint32(10, false);
    expect(await glance(lyon, memorySource(flipped(request, 14 + headerLength + 3)))).toMatchObject({
      state: 'altered-copy',
      because: 'signature-invalid',
    });
    const content = flipped(request, request.length - 5);
    expect((await glance(lyon, memorySource(content))).state).toBe('new');
    expect(await classify(lyon, memorySource(content))).toMatchObject({
      state: 'altered-copy',
      because: 'hash-mismatch',
    });
  });
});
