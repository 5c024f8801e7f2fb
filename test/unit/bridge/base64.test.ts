import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64, toBase64 } from '@shared/bytes/bytes';
import { MAX_IPC_CHUNK_BYTES } from '@shared/ipc/contract';

/** The bridge carries every byte array as base64 (clone-codec): the largest IPC chunk must make the round trip. */
describe('base64', () => {
  it('round-trips the largest IPC chunk (4 MiB), which a regular expression check could not parse', () => {
    const bytes = new Uint8Array(MAX_IPC_CHUNK_BYTES).map((_, i) => (i * 31 + (i >> 8)) & 255);
    const decoded = fromBase64(toBase64(bytes));
    expect(decoded?.length).toBe(bytes.length);
    expect(decoded?.every((value, i) => value === bytes[i])).toBe(true);
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it.each([
    ['a length not a multiple of four', 'QUJD'.slice(0, 3)],
    ['whitespace', 'QU JD'],
    ['a character outside the alphabet', 'QUJ-'],
    ['padding in the middle', 'QQ==QUJD'],
    ['three padding characters', 'Q==='],
    ['url-safe base64', 'QU_D'],
  ])('refuses %s', (_, text) => {
    expect(fromBase64(text)).toBeNull();
  });
});
