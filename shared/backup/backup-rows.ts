import { canonicalJsonBytes } from '../json/canonical-json';
import { u32be } from '../bytes/bytes';
import type { Hasher } from '../crypto/crypto-kit';
import { BackupFormatError } from './backup-error';

/**
 * How a stored row travels in a backup (docs/backup-format.md §5). Rows are what IndexedDB holds — ids, plain
 * indexes, blind-index tokens and the record ciphertext — so the encoding must carry byte arrays and Dates:
 * a byte array becomes `{"$b":[offset, length]}` into the frame's binary tail (offsets count from the start of
 * the row's own bytes, in the order they appear), a Date `{"$d":"<ISO 8601>"}`. Keys starting with `$` are
 * refused on both sides, so nothing else can be mistaken for a reference.
 */

export type EncodedRow = { readonly json: unknown; readonly parts: readonly Uint8Array[]; readonly bytes: number };

function encodeValue(value: unknown, parts: Uint8Array[], offset: { n: number }, depth: number): unknown {
  if (depth > 32) throw new BackupFormatError('BACKUP_MALFORMED', 'a row nests too deeply');
  if (value instanceof Uint8Array) {
    const ref = { $b: [offset.n, value.length] };
    parts.push(value);
    offset.n += value.length;
    return ref;
  }
  if (value instanceof Date) return { $d: value.toISOString() };
  if (Array.isArray(value)) return value.map((item: unknown) => encodeValue(item, parts, offset, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    // Sorted as canonical JSON sorts them, so the reader meets the byte refs in the order they were laid out.
    for (const key of Object.keys(value).sort()) {
      if (key.startsWith('$')) throw new BackupFormatError('BACKUP_MALFORMED', `a row has a field named ${key}`);
      out[key] = encodeValue(Reflect.get(value, key), parts, offset, depth + 1);
    }
    return out;
  }
  return value;
}

export function encodeRow(row: unknown): EncodedRow {
  const parts: Uint8Array[] = [];
  const offset = { n: 0 };
  const json = encodeValue(row, parts, offset, 0);
  return { json, parts, bytes: offset.n };
}

/** The row's contribution to its table's hash: u32 length ‖ canonical JSON ‖ its bytes. Batching-independent. */
export function hashRow(hasher: Hasher, row: EncodedRow): void {
  const json = canonicalJsonBytes(row.json, 'audit');
  hasher.update(u32be(json.length));
  hasher.update(json);
  for (const part of row.parts) hasher.update(part);
}

function isRef(value: Record<string, unknown>, key: '$b' | '$d'): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key;
}

/** Decodes one row whose bytes start at `tail[base]`; returns the row and how many tail bytes it used. */
export function decodeRow(json: unknown, tail: Uint8Array, base: number): { row: unknown; used: number } {
  let next = base;
  const walk = (value: unknown, depth: number): unknown => {
    if (depth > 32) throw new BackupFormatError('BACKUP_MALFORMED', 'a row nests too deeply');
    if (Array.isArray(value)) return value.map((item: unknown) => walk(item, depth + 1));
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    if (isRef(record, '$b')) {
      const ref = record.$b;
      if (!Array.isArray(ref) || ref.length !== 2) throw new BackupFormatError('BACKUP_MALFORMED', 'bad byte ref');
      const [offset, length] = ref as unknown[];
      if (typeof offset !== 'number' || typeof length !== 'number' || !Number.isInteger(length) || length < 0)
        throw new BackupFormatError('BACKUP_MALFORMED', 'bad byte ref');
      // Refs are contiguous and in order: nothing in the tail is unaccounted for or read twice.
      if (base + offset !== next || next + length > tail.length)
        throw new BackupFormatError('BACKUP_MALFORMED', 'byte ref out of place');
      next += length;
      return tail.slice(next - length, next);
    }
    if (isRef(record, '$d')) {
      const date = typeof record.$d === 'string' ? new Date(record.$d) : new Date(NaN);
      if (Number.isNaN(date.getTime()) || date.toISOString() !== record.$d)
        throw new BackupFormatError('BACKUP_MALFORMED', 'bad date');
      return date;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      if (key.startsWith('$')) throw new BackupFormatError('BACKUP_MALFORMED', `unexpected field ${key}`);
      out[key] = walk(record[key], depth + 1);
    }
    return out;
  };
  const row = walk(json, 0);
  return { row, used: next - base };
}
