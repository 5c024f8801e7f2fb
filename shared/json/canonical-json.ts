/**
 * Canonical JSON, the one encoding that signatures and hashes commit to. For bundle headers, payloads, key cards
 * and exports it is a strict subset of RFC 8785 / JCS:
 * UTF-8 without BOM, no insignificant whitespace, object keys sorted by UTF-16 code units and unique,
 * integers only (|n| ≤ 2^53−1, no leading zeros, no −0, no fraction or exponent), strings in Unicode NFC
 * without lone surrogates, escaped exactly as JSON.stringify does. A document is canonical when re-encoding
 * the parsed value gives back the very same bytes; anything else is refused, so one value has one encoding
 * and a signature over it cannot be replayed under a different-looking document.
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export const MAX_JSON_DEPTH = 32;

/** Why a document is not canonical JSON; `kind` separates broken syntax from a valid-but-non-canonical form. */
export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
  constructor(
    readonly kind: 'syntax' | 'duplicate-key' | 'non-canonical' | 'limit',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Two profiles of the one encoder:
 * - `strict` (bundles, key cards, exports): the rules above; a value outside them is refused.
 * - `audit` (audit-event hashes): any finite number, written as `JSON.stringify` writes it, and any string
 *   (not only NFC) — the rules audit hashes already stored on users' disks commit to, so they can never tighten.
 * Both sort keys the same way, leave out `undefined` object values, and refuse `undefined` in arrays,
 * non-finite numbers and anything that is not a plain object or array (a Date must become a string first).
 */
export type CanonicalProfile = 'strict' | 'audit';

/** Encodes a value canonically. Throws CanonicalJsonError for values that have no canonical form. */
export function canonicalJson(value: unknown, profile: CanonicalProfile = 'strict'): string {
  return encodeValue(value, 0, profile, '$');
}

export function canonicalJsonBytes(value: unknown, profile: CanonicalProfile = 'strict'): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value, profile));
}

/** `depth` counts the arrays and objects enclosing `value`; at most MAX_JSON_DEPTH containers may nest. */
function encodeValue(value: unknown, depth: number, profile: CanonicalProfile, path: string): string {
  const strict = profile === 'strict';
  if (strict && depth >= MAX_JSON_DEPTH && typeof value === 'object' && value !== null) {
    throw new CanonicalJsonError('limit', `JSON nesting deeper than ${MAX_JSON_DEPTH}.`);
  }
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') {
    if (strict && (!Number.isSafeInteger(value) || Object.is(value, -0))) {
      throw new CanonicalJsonError('non-canonical', `Only safe integers are allowed in canonical JSON, not ${value}.`);
    }
    if (!Number.isFinite(value)) {
      throw new CanonicalJsonError('non-canonical', `${path} is ${String(value)}, which JSON cannot carry.`);
    }
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    if (strict) checkString(value);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    const items = value.map((item: unknown, index) => {
      if (item === undefined) throw new CanonicalJsonError('non-canonical', `${path}[${index}] is undefined.`);
      return encodeValue(item, depth + 1, profile, `${path}[${index}]`);
    });
    return `[${items.join(',')}]`;
  }
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new CanonicalJsonError(
        'non-canonical',
        `${path} is not a plain object; convert it (e.g. a Date to an ISO string) first.`,
      );
    }
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries
      .map(([key, item]) => {
        if (strict) checkString(key);
        return `${JSON.stringify(key)}:${encodeValue(item, depth + 1, profile, `${path}.${key}`)}`;
      })
      .join(',')}}`;
  }
  throw new CanonicalJsonError('non-canonical', `${path} is a ${typeof value}, which canonical JSON does not allow.`);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkString(text: string): void {
  if (LONE_SURROGATE.test(text)) throw new CanonicalJsonError('non-canonical', 'A string contains a lone surrogate.');
  if (text.normalize('NFC') !== text) throw new CanonicalJsonError('non-canonical', 'A string is not in Unicode NFC.');
}

/**
 * Parses bytes that must be canonical JSON. Throws CanonicalJsonError (never anything else) for invalid
 * UTF-8, syntax errors, duplicate keys, depth over the limit, or any non-canonical form.
 *
 * Two phases, so that one document has one answer whatever the order of its faults (docs/bundle-format.md §2.1):
 * first the whole document must be JSON (RFC 8259 grammar, UTF-8, at most MAX_JSON_DEPTH nested containers),
 * and a `syntax` or `limit` error anywhere wins; only a document that parses completely is then judged canonical
 * (`duplicate-key` or `non-canonical`, the first such fault in document order).
 */
export function parseCanonicalJson(bytes: Uint8Array): JsonValue {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CanonicalJsonError('syntax', 'The document is not valid UTF-8.');
  }
  const parser = new StrictJsonParser(text);
  const value = parser.parseDocument();
  if (parser.firstNonCanonical) throw parser.firstNonCanonical;
  if (canonicalJson(value) !== text) {
    throw new CanonicalJsonError(
      'non-canonical',
      'The document is valid JSON but not in canonical form (spacing, key order, escapes or number form).',
    );
  }
  return value;
}

/**
 * RFC 8259 JSON with a depth limit. Syntax and depth errors throw at once; a duplicate key, a fraction, an
 * exponent or an integer outside ±(2^53−1) is valid JSON, so it is only recorded (the first one) and parsing
 * goes on: a later syntax error still decides the class.
 */
class StrictJsonParser {
  private position = 0;
  firstNonCanonical: CanonicalJsonError | undefined;
  constructor(private readonly text: string) {}

  private noteNonCanonical(error: CanonicalJsonError): void {
    this.firstNonCanonical ??= error;
  }

  parseDocument(): JsonValue {
    this.skipWhitespace();
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.position !== this.text.length) this.fail('Unexpected data after the JSON value.');
    return value;
  }

  private fail(message: string): never {
    throw new CanonicalJsonError('syntax', `${message} (at character ${this.position})`);
  }

  private skipWhitespace(): void {
    while (this.position < this.text.length && ' \t\n\r'.includes(this.text.charAt(this.position))) this.position++;
  }

  /** `depth` counts the containers enclosing this value: `[]` nests 1 deep, `[[]]` 2; at most MAX_JSON_DEPTH. */
  private parseValue(depth: number): JsonValue {
    const char = this.text.charAt(this.position);
    if ((char === '{' || char === '[') && depth >= MAX_JSON_DEPTH)
      throw new CanonicalJsonError('limit', `JSON nesting deeper than ${MAX_JSON_DEPTH}.`);
    if (char === '{') return this.parseObject(depth);
    if (char === '[') return this.parseArray(depth);
    if (char === '"') return this.parseString();
    if (char === '-' || (char >= '0' && char <= '9')) return this.parseNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        return value;
      }
    }
    return this.fail('Unexpected character.');
  }

  private parseObject(depth: number): JsonValue {
    this.position++;
    const entries: [string, JsonValue][] = [];
    const seen = new Set<string>();
    this.skipWhitespace();
    if (this.text.charAt(this.position) === '}') {
      this.position++;
      return {};
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charAt(this.position) !== '"') this.fail('Expected a string key.');
      const key = this.parseString();
      if (seen.has(key))
        this.noteNonCanonical(new CanonicalJsonError('duplicate-key', `Duplicate key ${JSON.stringify(key)}.`));
      seen.add(key);
      this.skipWhitespace();
      if (this.text.charAt(this.position) !== ':') this.fail('Expected a colon.');
      this.position++;
      this.skipWhitespace();
      entries.push([key, this.parseValue(depth + 1)]);
      this.skipWhitespace();
      const next = this.text.charAt(this.position++);
      // Object.fromEntries defines own properties, so a "__proto__" key stays data, never a prototype.
      if (next === '}') return Object.fromEntries(entries);
      if (next !== ',') this.fail('Expected a comma or closing brace.');
    }
  }

  private parseArray(depth: number): JsonValue {
    this.position++;
    const items: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text.charAt(this.position) === ']') {
      this.position++;
      return items;
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.parseValue(depth + 1));
      this.skipWhitespace();
      const next = this.text.charAt(this.position++);
      if (next === ']') return items;
      if (next !== ',') this.fail('Expected a comma or closing bracket.');
    }
  }

  private parseString(): string {
    this.position++;
    let out = '';
    for (;;) {
      if (this.position >= this.text.length) this.fail('Unterminated string.');
      const code = this.text.charCodeAt(this.position);
      if (code === 0x22) {
        this.position++;
        return out;
      }
      if (code < 0x20) this.fail('Unescaped control character in a string.');
      if (code !== 0x5c) {
        out += this.text.charAt(this.position++);
        continue;
      }
      const escape = this.text.charAt(this.position + 1);
      this.position += 2;
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      const mapped = simple[escape];
      if (mapped !== undefined) {
        out += mapped;
      } else if (escape === 'u') {
        const hex = this.text.slice(this.position, this.position + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Bad \\u escape.');
        out += String.fromCharCode(parseInt(hex, 16));
        this.position += 4;
      } else {
        this.fail('Bad escape.');
      }
    }
  }

  /** RFC 8259 number grammar over the whole text (any length): leading zeros and "+" are syntax errors. */
  private parseNumber(): number {
    const grammar = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
    grammar.lastIndex = this.position;
    const match = grammar.exec(this.text);
    if (!match) return this.fail('Bad number.');
    this.position += match[0].length;
    const value = Number(match[0]);
    if (match[2] !== undefined || match[3] !== undefined) {
      this.noteNonCanonical(
        new CanonicalJsonError('non-canonical', 'Numbers must be integers without fraction or exponent.'),
      );
    } else if (!Number.isSafeInteger(value)) {
      this.noteNonCanonical(new CanonicalJsonError('non-canonical', 'An integer is outside the safe range ±(2^53−1).'));
    }
    return value;
  }
}

export type JsonObject = { readonly [key: string]: JsonValue };

/** Narrows a JSON value to an object (Array.isArray does not narrow readonly arrays away). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
