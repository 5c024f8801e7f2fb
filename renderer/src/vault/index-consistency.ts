/**
 * A stored row's plain index values and blind-index tokens sit beside its ciphertext, outside the authentication:
 * whoever has the disk can edit them. IndexedDB answers a query from those values, so a row is trusted only when
 * they are exactly what sealing its decrypted record would have written (see `seal` in encryption-middleware.ts).
 */
export type IndexedFields = {
  readonly plain: readonly string[];
  readonly blind: ReadonlySet<string>;
  /** The token sealing would store for a blind field's value. */
  readonly token: (field: string, value: string) => string;
};

/** The first field whose stored value disagrees with the decrypted record, or null when the row is consistent. */
export function mismatchedIndexField(row: object, record: unknown, fields: IndexedFields): string | null {
  if (typeof record !== 'object' || record === null) return 'id';
  if (Reflect.get(record, 'id') !== Reflect.get(row, 'id')) return 'id';
  for (const field of fields.plain) {
    if (!sameValue(Reflect.get(row, field), Reflect.get(record, field))) return field;
  }
  for (const field of fields.blind) {
    const value: unknown = Reflect.get(record, field);
    // Sealing stores a token for a string only; null and absent values leave the field out.
    const expected = typeof value === 'string' ? fields.token(field, value) : undefined;
    if (Reflect.get(row, field) !== expected) return field;
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
