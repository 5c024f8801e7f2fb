import { fromBase64, toBase64, utf8 } from '@shared/vault/bytes';

/**
 * Records are sealed as JSON. Dates and byte arrays survive the round trip through tagged objects; the tag
 * key starts with a NUL character so no field a person types can collide with it.
 */
const TAG = '\u0000t';
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeRecordPlaintext(value: object): Uint8Array {
  return utf8(
    JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
      const raw = this[key];
      if (raw instanceof Date) return { [TAG]: 'date', v: raw.toISOString() };
      if (raw instanceof Uint8Array) return { [TAG]: 'u8', v: toBase64(raw) };
      return replaced;
    }),
  );
}

export function decodeRecordPlaintext(recordPlaintext: Uint8Array): unknown {
  return JSON.parse(decoder.decode(recordPlaintext), (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && TAG in value) {
      const tag: unknown = Reflect.get(value, TAG);
      const inner: unknown = Reflect.get(value, 'v');
      if (tag === 'date' && typeof inner === 'string') return new Date(inner);
      if (tag === 'u8' && typeof inner === 'string') return fromBase64(inner) ?? new Uint8Array();
    }
    return value;
  });
}

/** Associated data: table ‖ primary key ‖ record version, so a ciphertext moved anywhere else fails to open. */
export function recordAssociatedData(table: string, primaryKey: string, recordVersion: number): Uint8Array {
  return utf8(JSON.stringify(['casebridge.record', table, primaryKey, recordVersion]));
}
