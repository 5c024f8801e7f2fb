import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, parseCanonicalJson } from '@shared/json/canonical-json';

const wellFormed = (text: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
const bytes = (text: string) => new TextEncoder().encode(text);
const kindOf = (text: string | Uint8Array) => {
  try {
    parseCanonicalJson(typeof text === 'string' ? bytes(text) : text);
    return 'ok';
  } catch (caught) {
    return caught instanceof CanonicalJsonError ? caught.kind : 'unclassified';
  }
};

describe('canonical JSON', () => {
  it('encodes with sorted keys, no whitespace and JSON.stringify escapes', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x\n"é'], c: { z: -5, y: '\u0001' } })).toBe(
      '{"a":[true,null,"x\\n\\"é"],"b":1,"c":{"y":"\\u0001","z":-5}}',
    );
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('refuses values without a canonical form', () => {
    for (const value of [1.5, -0, 2 ** 53, NaN, 'e\u0301', '\ud800', 10n])
      expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('accepts exactly the canonical encoding and classifies everything else', () => {
    expect(kindOf('{"a":1,"b":[1,2]}')).toBe('ok');
    expect(kindOf('{"a":1,"a":2}')).toBe('duplicate-key');
    expect(kindOf('{"b":1,"a":2}')).toBe('non-canonical');
    expect(kindOf('{"a": 1}')).toBe('non-canonical');
    expect(kindOf('{"a":1.0}')).toBe('non-canonical');
    expect(kindOf('{"a":1e2}')).toBe('non-canonical');
    expect(kindOf('{"a":-0}')).toBe('non-canonical');
    expect(kindOf('{"a":9007199254740993}')).toBe('non-canonical');
    expect(kindOf('{"a":"\\u0041"}')).toBe('non-canonical');
    expect(kindOf('{"a":"\\/"}')).toBe('non-canonical');
    expect(kindOf('{"a":"e\u0301"}')).toBe('non-canonical');
    expect(kindOf('{"a":"\\ud800"}')).toBe('non-canonical');
    expect(kindOf('{"a":01}')).toBe('syntax');
    expect(kindOf('{"a":1,}')).toBe('syntax');
    expect(kindOf('\ufeff{}')).toBe('syntax');
    expect(kindOf(new Uint8Array([0x7b, 0xff, 0x7d]))).toBe('syntax');
    expect(kindOf('['.repeat(40) + ']'.repeat(40))).toBe('limit');
    const proto = parseCanonicalJson(bytes('{"__proto__":{"polluted":1}}'));
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('round-trips any JSON value built from safe integers and NFC strings', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.maxSafeInteger(),
        fc
          .string()
          .map((s) => s.normalize('NFC'))
          .filter((s) => wellFormed(s)),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(
          fc.string().filter((s) => wellFormed(s) && s.normalize('NFC') === s),
          tie('value'),
          { maxKeys: 4 },
        ),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(parseCanonicalJson(bytes(text)))).toBe(text);
      }),
    );
  });

  it('never throws anything but CanonicalJsonError on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (input) => kindOf(input) !== 'unclassified'));
    fc.assert(fc.property(fc.string(), (input) => kindOf(input) !== 'unclassified'));
  });
});
