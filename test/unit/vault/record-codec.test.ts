import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decodeRecordPlaintext,
  encodeRecordPlaintext,
  recordAssociatedData,
  RecordEncodingError,
} from '../../../renderer/src/vault/record-codec';
import { normaliseForBlindIndex, blindIndexToken } from '../../../renderer/src/vault/blind-index';
import { unlockDelayMs, UnlockThrottle } from '../../../renderer/src/vault/unlock-throttle';
import { cryptoKit } from '@shared/crypto/crypto-kit';

const validDate = fc.date({ min: new Date(0), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true });
const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  validDate,
  fc.uint8Array({ maxLength: 40 }),
);
const recordArb = fc.record({
  id: fc.string({ minLength: 1 }),
  body: fc.dictionary(
    fc.string(),
    fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.dictionary(fc.string(), leaf, { maxKeys: 3 })),
    { maxKeys: 6 },
  ),
});

describe('record codec', () => {
  it('round-trips records with dates, byte arrays, nesting and hostile keys', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(decodeRecordPlaintext(encodeRecordPlaintext(record))).toEqual(record);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a field named like the codec tag rather than misreading it later', () => {
    const record = { id: 'x', nested: { '\u0000t': 'u8', v: 'AAAA' }, key: new Uint8Array([1]) };
    expect(() => encodeRecordPlaintext(record)).toThrow(RecordEncodingError);
  });

  it('refuses an invalid date instead of storing something else', () => {
    expect(() => encodeRecordPlaintext({ id: 'x', at: new Date(Number.NaN) })).toThrow(RecordEncodingError);
  });

  it('binds table, key and version into the associated data, unambiguously', () => {
    const a = new TextDecoder().decode(recordAssociatedData('cases', 'a|b', 1));
    const b = new TextDecoder().decode(recordAssociatedData('cases|a', 'b', 1));
    expect(a).not.toBe(b);
  });
});

describe('blind index', async () => {
  const kit = await cryptoKit();
  const key = kit.randomBytes(32);
  it('normalises case, width and whitespace, so equal references match', () => {
    expect(normaliseForBlindIndex('  DE-BFDI-2026-0042 ')).toBe('de-bfdi-2026-0042');
    expect(normaliseForBlindIndex('ＤＥ  bfdi')).toBe('de bfdi');
    expect(blindIndexToken(kit, key, 'cases', 'reference', 'DE-BFDI-2026-0042')).toBe(
      blindIndexToken(kit, key, 'cases', 'reference', 'de-bfdi-2026-0042 '),
    );
  });
  it('differs per key, table and field', () => {
    const token = blindIndexToken(kit, key, 'cases', 'reference', 'x');
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(blindIndexToken(kit, kit.randomBytes(32), 'cases', 'reference', 'x')).not.toBe(token);
    expect(blindIndexToken(kit, key, 'people', 'reference', 'x')).not.toBe(token);
    expect(blindIndexToken(kit, key, 'cases', 'contact', 'x')).not.toBe(token);
  });
});

describe('unlock throttle', () => {
  it('lets two mistakes pass, then doubles from 2 s up to 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(unlockDelayMs)).toEqual([
      0, 0, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ]);
  });
  it('counts down on its clock and resets on success', () => {
    let now = 1000;
    const throttle = new UnlockThrottle(() => now);
    throttle.recordFailure();
    throttle.recordFailure();
    expect(throttle.waitMs()).toBe(0);
    throttle.recordFailure();
    expect(throttle.waitMs()).toBe(2000);
    now += 1500;
    expect(throttle.waitMs()).toBe(500);
    throttle.reset();
    expect(throttle.waitMs()).toBe(0);
    expect(throttle.failures).toBe(0);
  });
});
