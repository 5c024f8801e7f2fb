import { describe, expect, it } from 'vitest';
import { buildBundle, type BuildBundleInput } from '@shared/bundle/build-bundle';
import { memorySink, type RandomAccessSink } from '@shared/bytes/byte-io';
import { DAY, requestBody, T0, world } from './bundle-fixtures';
import { splitBundle } from './bundle-tamper';
import { signingOffice } from '@shared/offices/signing-office';

describe('bundle builder', async () => {
  const w = await world();
  const base: BuildBundleInput<'request'> = {
    kind: 'request',
    body: requestBody,
    sender: signingOffice(w.kit, w.alice.identity),
    recipients: [{ card: w.bob.card, sequence: 1 }],
    createdAt: T0,
    notAfter: T0 + DAY,
  };

  async function code(input: BuildBundleInput<'request'>, sink: RandomAccessSink = memorySink()) {
    const result = await buildBundle(w.kit, input, sink);
    return result.ok ? 'ok' : result.error.code;
  }

  it('refuses inputs that cannot make a valid bundle, with BUNDLE_BUILD_INVALID', async () => {
    expect(await code({ ...base, recipients: [] })).toBe('BUNDLE_BUILD_INVALID');
    expect(await code({ ...base, body: { caseRef: '', case: {} } })).toBe('BUNDLE_BUILD_INVALID');
    expect(await code({ ...base, chunkSize: 1024 })).toBe('BUNDLE_BUILD_INVALID');
    expect(await code({ ...base, notAfter: T0 })).toBe('BUNDLE_BUILD_INVALID');
    expect(await code({ ...base, recipients: [{ card: w.bob.card, sequence: 0 }] })).toBe('BUNDLE_BUILD_INVALID');
    const forged = { ...w.bob.card, card: { ...w.bob.card.card, boxKey: w.mallory.card.card.boxKey } };
    expect(await code({ ...base, recipients: [{ card: forged, sequence: 1 }] })).toBe('BUNDLE_BUILD_INVALID');
    expect(
      await code({
        ...base,
        attachments: [{ name: 'a', mediaType: 'Application/PDF', size: 1, bytes: [new Uint8Array(1)] }],
      }),
    ).toBe('BUNDLE_BUILD_INVALID');
    expect(
      await code({
        ...base,
        attachments: [{ name: '', mediaType: 'text/plain', size: 1, bytes: [new Uint8Array(1)] }],
      }),
    ).toBe('BUNDLE_BUILD_INVALID');
    expect(await code({ ...base, body: { caseRef: 'x', case: { ratio: 0.5 } } })).toBe('BUNDLE_BUILD_INVALID');
    const keyCardToBob = await buildBundle(
      w.kit,
      {
        kind: 'key-card',
        body: { card: w.alice.card },
        sender: signingOffice(w.kit, w.alice.identity),
        recipients: [{ card: w.bob.card, sequence: 1 }],
        createdAt: T0,
        notAfter: T0 + DAY,
      },
      memorySink(),
    );
    expect(keyCardToBob.ok ? 'ok' : keyCardToBob.error.code).toBe('BUNDLE_BUILD_INVALID');
    const seventeen = Array.from({ length: 17 }, () => ({ card: w.bob.card, sequence: 1 }));
    expect(await code({ ...base, recipients: seventeen })).toBe('BUNDLE_BUILD_INVALID');
  });

  it('refuses an attachment stream that delivers more or fewer bytes than declared', async () => {
    const attachment = (size: number, actual: number) => ({
      name: 'a',
      mediaType: 'text/plain',
      size,
      bytes: [new Uint8Array(actual)],
    });
    expect(await code({ ...base, attachments: [attachment(10, 11)] })).toBe('BUNDLE_BUILD_INVALID');
    expect(await code({ ...base, attachments: [attachment(10, 9)] })).toBe('BUNDLE_BUILD_INVALID');
    expect(await code({ ...base, attachments: [attachment(70_000, 65_536)] })).toBe('BUNDLE_BUILD_INVALID');
  });

  it('classifies failing sources and sinks as BUNDLE_IO_FAILED', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(5);
      throw new Error('EIO');
    }
    expect(
      await code({ ...base, attachments: [{ name: 'a', mediaType: 'text/plain', size: 10, bytes: failing() }] }),
    ).toBe('BUNDLE_IO_FAILED');
    expect(await code(base, { writeAt: () => Promise.reject(new Error('ENOSPC')) })).toBe('BUNDLE_IO_FAILED');
  });

  it('uses the injected RNG for every random value, so output is reproducible', async () => {
    const fixed = () => {
      let counter = 0;
      return (length: number) => new Uint8Array(length).map(() => counter++ & 0xff);
    };
    const a = memorySink();
    const b = memorySink();
    await buildBundle(w.kit, { ...base, random: fixed() }, a);
    await buildBundle(w.kit, { ...base, random: fixed() }, b);
    expect(w.kit.equal(a.bytes(), b.bytes())).toBe(true);
    const c = memorySink();
    await buildBundle(w.kit, base, c);
    expect(splitBundle(c.bytes()).header.bundleId).not.toBe(splitBundle(a.bytes()).header.bundleId);
  });

  it('sorts recipients by key and writes an exact-size file', async () => {
    const sink = memorySink();
    const built = await buildBundle(
      w.kit,
      {
        ...base,
        recipients: [
          { card: w.carol.card, sequence: 3 },
          { card: w.bob.card, sequence: 7 },
        ],
      },
      sink,
    );
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.size).toBe(sink.bytes().length);
    const keys = (splitBundle(sink.bytes()).header.recipients as { signingKey: string }[]).map((r) => r.signingKey);
    expect(keys).toEqual([...keys].sort());
  });
});
