import { normaliseForBlindIndex } from './blind-index';

/**
 * A stored row's plain index values and blind-index tokens sit beside its ciphertext, outside the authentication:
 * whoever has the disk can edit them, and IndexedDB answers queries from them. So a decrypted record is returned
 * only when it agrees with the row that carried it: every plain index field equal to the record's, and, for a query
 * on a blind index, the record's own value equal (normalised) to the value asked for. The blind check compares
 * values rather than recomputing a token per row: a keyed hash per row would double the cost of a full listing,
 * and a wrong token misleads only the queries that use it.
 */
export type BlindQuery = { readonly field: string; readonly normalised: string };

export function blindQuery(field: string, value: string): BlindQuery {
  return { field, normalised: normaliseForBlindIndex(value) };
}

/** The first field whose stored value disagrees with the decrypted record, or null when they agree. */
export function mismatchedIndexField(
  row: object,
  record: unknown,
  plainFields: readonly string[],
  query: BlindQuery | null,
): string | null {
  if (typeof record !== 'object' || record === null) return 'id';
  if (Reflect.get(record, 'id') !== Reflect.get(row, 'id')) return 'id';
  for (const field of plainFields) {
    if (!sameValue(Reflect.get(row, field), Reflect.get(record, field))) return field;
  }
  if (query !== null) {
    const value: unknown = Reflect.get(record, query.field);
    if (typeof value !== 'string' || normaliseForBlindIndex(value) !== query.normalised) return query.field;
  }
  return null;
}

/** Equality of an index value as IndexedDB stored it and as the record's JSON envelope brought it back. */
function sameValue(stored: unknown, decrypted: unknown): boolean {
  if (stored instanceof Date || decrypted instanceof Date) {
    return stored instanceof Date && decrypted instanceof Date && stored.getTime() === decrypted.getTime();
  }
  if (Array.isArray(stored) || Array.isArray(decrypted)) {
    return (
      Array.isArray(stored) &&
      Array.isArray(decrypted) &&
      stored.length === decrypted.length &&
      stored.every((item, index) => sameValue(item, decrypted[index]))
    );
  }
  return stored === decrypted;
}
