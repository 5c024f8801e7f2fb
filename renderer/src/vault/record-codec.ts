import { fromBase64, toBase64, utf8 } from '@shared/bytes/bytes';

/**
 * Records are sealed as JSON. Dates survive as a list of their paths beside the value (JSON writes them as ISO
 * strings natively, which is much faster than a replacer or reviver callback). Byte arrays, rare in records,
 * take a slower tagged path; the tag key starts with a NUL character and records may not use it as a key.
 *
 *   fast:   {"d":[["createdAt"],["emergency","sunset"]],"v":{…}}
 *   tagged: {"t":1,"v":{…, "key":{"\u0000t":"u8","v":"base64"}}}
 */
const TAG = '\u0000t';
const decoder = new TextDecoder('utf-8', { fatal: true });

type Path = (string | number)[];

export class RecordEncodingError extends Error {
  override readonly name = 'RecordEncodingError';
}

/** Finds the paths of Dates; reports whether any byte array is present (then the tagged path is used). */
function scan(value: unknown, path: Path, dates: Path[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RecordEncodingError(`Invalid date at ${path.join('.')}.`);
    dates.push([...path]);
    return false;
  }
  if (value instanceof Uint8Array) return true;
  let hasBytes = false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      hasBytes = scan(value[i], path, dates) || hasBytes;
      path.pop();
    }
    return hasBytes;
  }
  for (const key of Object.keys(value)) {
    if (key === TAG) throw new RecordEncodingError('A record field may not be named like the codec tag.');
    path.push(key);
    hasBytes = scan((value as Record<string, unknown>)[key], path, dates) || hasBytes;
    path.pop();
  }
  return hasBytes;
}

export function encodeRecordPlaintext(value: object): Uint8Array {
  const dates: Path[] = [];
  if (!scan(value, [], dates)) return utf8(`{"d":${JSON.stringify(dates)},"v":${JSON.stringify(value)}}`);
  const tagged = JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { [TAG]: 'date', v: raw.toISOString() };
    if (raw instanceof Uint8Array) return { [TAG]: 'u8', v: toBase64(raw) };
    return replaced;
  });
  return utf8(`{"t":1,"v":${tagged}}`);
}

export function decodeRecordPlaintext(recordPlaintext: Uint8Array): unknown {
  const envelope: unknown = JSON.parse(decoder.decode(recordPlaintext));
  if (typeof envelope !== 'object' || envelope === null)
    throw new RecordEncodingError('Record envelope is not an object.');
  const value: unknown = Reflect.get(envelope, 'v');
  if (Reflect.get(envelope, 't') === 1) return revive(value);
  const dates: unknown = Reflect.get(envelope, 'd');
  if (!Array.isArray(dates)) throw new RecordEncodingError('Record envelope has no date list.');
  for (const path of dates) setDate(value, path);
  return value;
}

function setDate(root: unknown, path: unknown): void {
  if (!Array.isArray(path) || path.length === 0) throw new RecordEncodingError('Bad date path.');
  let parent: unknown = root;
  for (let i = 0; i < path.length - 1; i++)
    parent = typeof parent === 'object' && parent !== null ? Reflect.get(parent, path[i]) : undefined;
  const last: unknown = path[path.length - 1];
  const text: unknown =
    typeof parent === 'object' && parent !== null && (typeof last === 'string' || typeof last === 'number')
      ? Reflect.get(parent, last)
      : undefined;
  if (
    typeof text !== 'string' ||
    typeof parent !== 'object' ||
    parent === null ||
    (typeof last !== 'string' && typeof last !== 'number')
  ) {
    throw new RecordEncodingError('A date path does not point at a date.');
  }
  Reflect.set(parent, last, new Date(text));
}

function revive(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  if (TAG in record) {
    const tag = record[TAG];
    const inner = record.v;
    if (tag === 'date' && typeof inner === 'string') return new Date(inner);
    if (tag === 'u8' && typeof inner === 'string') return fromBase64(inner) ?? new Uint8Array();
  }
  for (const key of Object.keys(record)) record[key] = revive(record[key]);
  return record;
}

/**
 * Associated data: table ‖ primary key ‖ record version ‖ write counter, so a ciphertext moved anywhere else, or an
 * older version of the row put back with a changed counter, fails to open.
 */
export function recordAssociatedData(
  table: string,
  primaryKey: string,
  recordVersion: number,
  writeCounter?: number,
): Uint8Array {
  return utf8(recordAssociatedDataText(table, primaryKey, recordVersion, writeCounter));
}

/** The same associated data as text (the batch opener encodes it straight into the wasm heap). */
export function recordAssociatedDataText(
  table: string,
  primaryKey: string,
  recordVersion: number,
  writeCounter?: number,
): string {
  const bound = ['casebridge.record', table, primaryKey, recordVersion];
  // Rows written before seals (schema 5) have no counter and keep their four-part AD.
  return JSON.stringify(writeCounter === undefined ? bound : [...bound, writeCounter]);
}
