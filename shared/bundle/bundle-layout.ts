import { STREAM_ABYTES, STREAM_HEADER_BYTES } from '../crypto/crypto-kit';
import { BUNDLE_LIMITS } from './bundle-limits';
import { bundleError } from './bundle-error';
import { concatBytes, u32be, utf8 } from '../bytes/bytes';

/** "CASEBNDL": the first eight bytes of every bundle. */
export const BUNDLE_MAGIC = utf8('CASEBNDL');
export const BUNDLE_FORMAT_VERSION = 1;
/** magic (8) ‖ version (u16 BE) ‖ header length (u32 BE). */
export const PROLOGUE_BYTES = 14;
export const HEADER_SIGNATURE_BYTES = 64;

/** The one algorithm suite of v1; any other value is BUNDLE_ALGORITHM_UNSUPPORTED. */
export const BUNDLE_SUITE = 'cb1:ed25519:x25519-xsalsa20poly1305:xchacha20poly1305-secretstream:blake2b';

export function encodePrologue(headerLength: number, version = BUNDLE_FORMAT_VERSION): Uint8Array {
  const versionBytes = new Uint8Array([version >> 8, version & 0xff]);
  return concatBytes(BUNDLE_MAGIC, versionBytes, u32be(headerLength));
}

export type Prologue = { readonly version: number; readonly headerLength: number };

/** Reads the fixed prologue; refuses a wrong magic, an unknown version or an oversized header length. */
export function decodePrologue(bytes: Uint8Array): Prologue {
  if (bytes.length < PROLOGUE_BYTES)
    throw bundleError(
      'BUNDLE_TRUNCATED',
      'The file ends before the bundle header starts: it is cut off. Copy it from the medium again.',
      { rule: '1.1' },
    );
  for (let i = 0; i < BUNDLE_MAGIC.length; i++) {
    if (bytes[i] !== BUNDLE_MAGIC[i])
      throw bundleError(
        'BUNDLE_MALFORMED',
        'This file is not a Casebridge bundle (its first bytes are wrong). Check that you picked the right file.',
        { rule: '1.2' },
      );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, PROLOGUE_BYTES);
  const version = view.getUint16(8, false);
  if (version !== BUNDLE_FORMAT_VERSION) {
    throw bundleError(
      'BUNDLE_VERSION_UNSUPPORTED',
      `This bundle uses format version ${version}; this app reads version ${BUNDLE_FORMAT_VERSION}. Update Casebridge, or ask the sender for a version ${BUNDLE_FORMAT_VERSION} bundle.`,
      { rule: '1.3' },
    );
  }
  const headerLength = view.getUint32(10, false);
  if (headerLength > BUNDLE_LIMITS.maxHeaderBytes) {
    throw bundleError(
      'BUNDLE_LIMIT_EXCEEDED',
      `The bundle header declares ${headerLength} bytes, over the ${BUNDLE_LIMITS.maxHeaderBytes}-byte limit. The file is damaged or hostile; do not import it.`,
      { rule: '1.4' },
    );
  }
  if (headerLength === 0)
    throw bundleError('BUNDLE_MALFORMED', 'The bundle header is empty. Ask the sender to export the bundle again.', {
      rule: '1.5',
    });
  return { version, headerLength };
}

/** Number of secretstream chunks for an item: every chunk but the last is exactly `chunkSize` bytes of plaintext. */
export function chunkCount(plaintextSize: number, chunkSize: number): number {
  return plaintextSize === 0 ? 1 : Math.ceil(plaintextSize / chunkSize);
}

/** Plaintext length of chunk `index` of an item. */
export function chunkPlaintextBytes(plaintextSize: number, chunkSize: number, index: number): number {
  const count = chunkCount(plaintextSize, chunkSize);
  return index < count - 1 ? chunkSize : plaintextSize - (count - 1) * chunkSize;
}

/** Stream header ‖ chunks, each chunk carrying 17 bytes of tag and MAC. */
export function itemCiphertextBytes(plaintextSize: number, chunkSize: number): number {
  return STREAM_HEADER_BYTES + plaintextSize + STREAM_ABYTES * chunkCount(plaintextSize, chunkSize);
}

export type ItemSpan = { readonly offset: number; readonly length: number };

/** Where each item's ciphertext lies in the file, and the exact file size those sizes imply. */
export function layoutItems(
  headerLength: number,
  itemSizes: readonly number[],
  chunkSize: number,
): { items: ItemSpan[]; fileSize: number } {
  let offset = PROLOGUE_BYTES + headerLength + HEADER_SIGNATURE_BYTES;
  const items: ItemSpan[] = [];
  for (const size of itemSizes) {
    const length = itemCiphertextBytes(size, chunkSize);
    items.push({ offset, length });
    offset += length;
  }
  return { items, fileSize: offset };
}

/** Associated data of every chunk of item `index`: binds it to this bundle and this position. */
export function chunkAssociatedData(bundleId: Uint8Array, itemIndex: number): Uint8Array {
  return concatBytes(utf8('casebridge-bundle-v1/item'), bundleId, u32be(itemIndex));
}
