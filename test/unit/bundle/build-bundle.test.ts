import { describe, expect, it } from 'vitest';
import { buildBundle, type BuildBundleInput } from '@shared/bundle/build-bundle';
import { memorySink, type RandomAccessSink } from '@shared/bytes/byte-io';
import { DAY, requestBody, T0, world } from './bundle-fixtures';
import { splitBundle } from './bundle-tamper';
import { signingOffice } from '@shared/offices/signing-office';
import { compareInstants } from '@shared/bundle/period-report-rules';
import { utf8 } from '@shared/bytes/bytes';

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

  it('builds a period report only with exactly one JSON attachment, a period that is not empty and no key twice', async () => {
    const json = (name: string) => ({ name, mediaType: 'application/json', size: 2, bytes: [utf8('{}')] });
    const report: BuildBundleInput<'period-report'> = {
      kind: 'period-report',
      body: {
        period: { from: '2026-07-01T00:00:00Z', to: '2026-10-01T00:00:00Z' },
        tables: { deadlines: [{ key: 'met', count: 3 }] },
      },
      sender: signingOffice(w.kit, w.alice.identity),
      recipients: [{ card: w.bob.card, sequence: 1 }],
      attachments: [json('export.json')],
      createdAt: T0,
      notAfter: T0 + DAY,
    };
    const built = async (input: BuildBundleInput<'period-report'>) => {
      const result = await buildBundle(w.kit, input, memorySink());
      return result.ok ? 'ok' : result.error.message;
    };
    expect(await built(report)).toBe('ok');
    expect(await built({ ...report, attachments: [] })).toMatch(/exactly one attachment, not 0/);
    expect(await built({ ...report, attachments: [json('a.json'), json('b.json')] })).toMatch(/not 2/);
    expect(await built({ ...report, attachments: [{ ...json('a.txt'), mediaType: 'text/plain' }] })).toMatch(
      /application\/json\), not text\/plain/,
    );
    const period = { from: '2026-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00Z' };
    expect(await built({ ...report, body: { ...report.body, period } })).toMatch(/does not end after it starts/);
    const twice = {
      deadlines: [
        { key: 'met', count: 1 },
        { key: 'met', count: 2 },
      ],
    };
    expect(await built({ ...report, body: { ...report.body, tables: twice } })).toMatch(/lists the key met twice/);
  });

  it('compares instants exactly, every fraction digit included', () => {
    expect(compareInstants('2026-10-01T00:00:00Z', '2026-10-01T00:00:00.000Z')).toBe(0);
    expect(compareInstants('2026-10-01T00:00:00.0001Z', '2026-10-01T00:00:00Z')).toBe(1);
    expect(compareInstants('2026-09-30T23:59:59.999999Z', '2026-10-01T00:00:00Z')).toBe(-1);
    expect(compareInstants('2026-10-01T00:00:00.5Z', '2026-10-01T00:00:00.49999Z')).toBe(1);
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
