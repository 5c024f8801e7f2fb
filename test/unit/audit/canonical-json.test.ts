import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, canonicalJsonBytes, CanonicalJsonError } from '@shared/audit/canonical-json';

describe('canonical JSON', () => {
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
});
