import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalJson as encode,
  canonicalJsonBytes as encodeBytes,
  CanonicalJsonError,
} from '@shared/json/canonical-json';

/** The audit profile: the rules audit-event hashes already on users' disks commit to. */
const canonicalJson = (value: unknown) => encode(value, 'audit');
const canonicalJsonBytes = (value: unknown) => encodeBytes(value, 'audit');

describe('canonical JSON, audit profile', () => {
  it('sorts keys, drops undefined members and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, A: { z: 1, y: 2 } })).toBe(
      '{"A":{"y":2,"z":1},"a":[true,null,"x"],"b":1}',
    );
  });

  it('encodes text as UTF-8 and escapes like JSON', () => {
    expect(canonicalJson({ s: 'Ünïcödé "q" \n' })).toBe('{"s":"Ünïcödé \\"q\\" \\n"}');
    expect([...canonicalJsonBytes('é')]).toEqual([0x22, 0xc3, 0xa9, 0x22]);
  });

  it('refuses values whose JSON form is lossy', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ n: Infinity })).toThrow(/\$\.n is Infinity/);
    expect(() => canonicalJson([undefined])).toThrow(/\$\[0\] is undefined/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/not a plain object/);
    expect(() => canonicalJson({ b: 1n })).toThrow(/bigint/);
  });

  it('does not depend on key insertion order, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reordered = JSON.parse(text, (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        ) as unknown;
        expect(canonicalJson(reordered)).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('keeps the audit rules: fractions and text in any Unicode form, as JSON.stringify writes them', () => {
    expect(canonicalJson({ ratio: 0.5, big: 1e21, name: 'Ame\u0301lie' })).toBe(
      '{"big":1e+21,"name":"Ame\u0301lie","ratio":0.5}',
    );
    expect(() => encode({ ratio: 0.5 })).toThrow(CanonicalJsonError);
  });

  it('gives the same bytes as the strict profile wherever the strict one accepts the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        let strict: string;
        try {
          strict = encode(value);
        } catch {
          return;
        }
        expect(canonicalJson(value)).toBe(strict);
      }),
    );
  });
});
