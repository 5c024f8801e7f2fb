import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError, MAX_JSON_DEPTH, parseCanonicalJson } from '@shared/json/canonical-json';

/**
 * Every refusal of the canonical-JSON parser and encoder names its kind and says exactly what is wrong and where:
 * an import shows this text to the person who must ask the sender for a new export.
 */
const parse = (text: string) => () => parseCanonicalJson(new TextEncoder().encode(text));
const failure = (kind: string, message: string) =>
  expect.objectContaining({ name: 'CanonicalJsonError', kind, message });

describe('canonical JSON: what each refusal says', () => {
  it.each([
    ['{"a":1}x', 'syntax', 'Unexpected data after the JSON value. (at character 7)'],
    ['{"a":nul}', 'syntax', 'Unexpected character. (at character 5)'],
    ['{a:1}', 'syntax', 'Expected a string key. (at character 1)'],
    ['{"a"1}', 'syntax', 'Expected a colon. (at character 4)'],
    ['{"a":1;"b":2}', 'syntax', 'Expected a comma or closing brace. (at character 7)'],
    ['[1;2]', 'syntax', 'Expected a comma or closing bracket. (at character 3)'],
    ['"abc', 'syntax', 'Unterminated string. (at character 4)'],
    ['"a\u0001"', 'syntax', 'Unescaped control character in a string. (at character 2)'],
    ['"\\u12G4"', 'syntax', 'Bad \\u escape. (at character 3)'],
    ['"\\x"', 'syntax', 'Bad escape. (at character 3)'],
    ['-', 'syntax', 'Bad number. (at character 0)'],
    ['{"a":1,"a":2}', 'duplicate-key', 'Duplicate key "a".'],
    ['1.5', 'non-canonical', 'Numbers must be integers without fraction or exponent.'],
    ['9007199254740993', 'non-canonical', 'An integer is outside the safe range ±(2^53−1).'],
    [
      '{"b":1,"a":2}',
      'non-canonical',
      'The document is valid JSON but not in canonical form (spacing, key order, escapes or number form).',
    ],
  ])('%s', (text, kind, message) => {
    expect(parse(text)).toThrow(failure(kind, message));
  });

  it('refuses bytes that are not UTF-8, and nesting deeper than the limit', () => {
    expect(() => parseCanonicalJson(new Uint8Array([0x22, 0xff, 0x22]))).toThrow(
      failure('syntax', 'The document is not valid UTF-8.'),
    );
    const deep = '['.repeat(MAX_JSON_DEPTH + 2) + ']'.repeat(MAX_JSON_DEPTH + 2);
    expect(parse(deep)).toThrow(failure('limit', `JSON nesting deeper than ${MAX_JSON_DEPTH}.`));
    let nested: unknown = [];
    for (let i = 0; i <= MAX_JSON_DEPTH; i++) nested = [nested];
    expect(() => canonicalJson(nested)).toThrow(failure('limit', `JSON nesting deeper than ${MAX_JSON_DEPTH}.`));
    expect(() => canonicalJson(nested, 'audit')).not.toThrow();
  });

  it('names the path of a value the encoder cannot carry', () => {
    expect(() => canonicalJson({ a: [1, undefined] })).toThrow(failure('non-canonical', '$.a[1] is undefined.'));
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(
      failure('non-canonical', '$.when is not a plain object; convert it (e.g. a Date to an ISO string) first.'),
    );
    expect(() => canonicalJson({ f: () => 1 })).toThrow(
      failure('non-canonical', '$.f is a function, which canonical JSON does not allow.'),
    );
    expect(() => canonicalJson({ n: 1.5 })).toThrow(
      failure('non-canonical', 'Only safe integers are allowed in canonical JSON, not 1.5.'),
    );
    expect(() => canonicalJson({ n: Number.NaN }, 'audit')).toThrow(
      failure('non-canonical', '$.n is NaN, which JSON cannot carry.'),
    );
    expect(() => canonicalJson('\uD800')).toThrow(failure('non-canonical', 'A string contains a lone surrogate.'));
    expect(() => canonicalJson('e\u0301')).toThrow(failure('non-canonical', 'A string is not in Unicode NFC.'));
    expect(new CanonicalJsonError('syntax', 'x').name).toBe('CanonicalJsonError');
  });
});

describe('canonical JSON: escapes', () => {
  const read = (text: string) => parseCanonicalJson(new TextEncoder().encode(text));

  it('reads each escape the encoder writes back to its character', () => {
    for (const char of ['\n', '\t', '\r', '\b', '\f', '"', '\\', '\u0001', '\u001f']) {
      const written = canonicalJson(`a${char}b`);
      expect(written).not.toContain(char === '"' || char === '\\' ? 'never' : char);
      expect(read(written)).toBe(`a${char}b`);
    }
  });

  it('refuses an escape the encoder never writes, instead of reading it as the same string', () => {
    expect(() => read('"a\\/b"')).toThrow(expect.objectContaining({ kind: 'non-canonical' }));
    expect(() => read('"\\u0041"')).toThrow(expect.objectContaining({ kind: 'non-canonical' }));
    expect(read('"\\u001f"')).toBe('\u001f');
  });
});

describe('canonical JSON: one class per document (docs/bundle-format.md §2.1–2.3)', () => {
  const kindOf = (bytes: Uint8Array | string): string => {
    try {
      parseCanonicalJson(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
      return 'ok';
    } catch (caught) {
      return caught instanceof CanonicalJsonError ? caught.kind : 'other';
    }
  };

  it('counts depth in nested containers: 32 pass, 33 are refused even when the innermost is empty', () => {
    const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(kindOf(nest(MAX_JSON_DEPTH))).toBe('ok');
    expect(kindOf(nest(MAX_JSON_DEPTH + 1))).toBe('limit');
    expect(kindOf('{"a":'.repeat(MAX_JSON_DEPTH) + '{}' + '}'.repeat(MAX_JSON_DEPTH))).toBe('limit');
    let nested: unknown = [];
    for (let i = 1; i < MAX_JSON_DEPTH; i++) nested = [nested];
    expect(canonicalJson(nested)).toBe(nest(MAX_JSON_DEPTH));
    expect(() => canonicalJson([nested])).toThrow(expect.objectContaining({ kind: 'limit' }));
  });

  it('answers a syntax error anywhere before any non-canonical form, whatever comes first', () => {
    expect(kindOf('{"b":1.5,"a":}')).toBe('syntax');
    expect(kindOf('{"a":1,"a":2,}')).toBe('syntax');
    expect(kindOf('{"a":1,"a":2}')).toBe('duplicate-key');
    expect(kindOf('[1.5,"x"')).toBe('syntax');
    expect(kindOf('[1.5,1e3]')).toBe('non-canonical');
  });

  it('reads a byte-order mark, leading zeros and "+" as not JSON, and -0 or a long integer as non-canonical', () => {
    expect(kindOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x31]))).toBe('syntax');
    expect(kindOf('01')).toBe('syntax');
    expect(kindOf('[+1]')).toBe('syntax');
    expect(kindOf('-0')).toBe('non-canonical');
    expect(kindOf('9'.repeat(50))).toBe('non-canonical');
    expect(kindOf(`[${'9'.repeat(50)},1]`)).toBe('non-canonical');
  });
});
