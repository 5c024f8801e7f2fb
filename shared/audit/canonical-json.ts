/**
 * Canonical JSON: the one byte encoding that audit hashes commit to, so two offices (or two versions of this
 * app) hashing the same event get the same bytes.
 *
 * Rules (a subset of RFC 8785, JCS, covering the values Casebridge stores):
 * - object keys sorted by UTF-16 code units (JavaScript's default string order), no whitespace;
 * - keys whose value is `undefined` are left out; `undefined` inside an array is an error;
 * - strings and finite numbers are written as `JSON.stringify` writes them (ECMAScript number formatting);
 * - `NaN`, `Infinity`, functions, symbols, bigints and non-plain objects (Date, Map, class instances) are errors,
 *   because their JSON form is lossy or ambiguous;
 * - the text is encoded as UTF-8.
 */
export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
}

export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new CanonicalJsonError(`${path} is ${String(value)}, which JSON cannot carry.`);
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value, path) : writeObject(value, path);
    default:
      throw new CanonicalJsonError(`${path} is a ${typeof value}, which canonical JSON does not allow.`);
  }
}

function writeArray(items: readonly unknown[], path: string): string {
  const parts = items.map((item, index) => {
    if (item === undefined) throw new CanonicalJsonError(`${path}[${index}] is undefined.`);
    return write(item, `${path}[${index}]`);
  });
  return `[${parts.join(',')}]`;
}

function writeObject(value: object, path: string): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalJsonError(`${path} is not a plain object; convert it (e.g. a Date to an ISO string) first.`);
  }
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${path}.${k}`)}`).join(',')}}`;
}
