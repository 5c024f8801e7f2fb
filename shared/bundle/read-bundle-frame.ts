import type { CryptoKit } from '../crypto/crypto-kit';
import { bundleError, BundleError } from './bundle-error';
import { decodeHeader, type BundleHeader } from './bundle-header';
import { decodePrologue, HEADER_SIGNATURE_BYTES, layoutItems, PROLOGUE_BYTES, type ItemSpan } from './bundle-layout';
import type { ByteSource } from '../bytes/byte-io';
import { fromHex, toHex } from '../bytes/bytes';
import { signingDigest } from './signing-domains';

export type BundleFrame = {
  readonly header: BundleHeader;
  readonly items: readonly ItemSpan[];
  readonly fileSize: number;
  /** BLAKE2b-512 digest the outer signature covers (hex). */
  readonly headerDigest: string;
  readonly signatureValid: boolean;
};

/**
 * Reads exactly `length` bytes; I/O failures and short reads become classified errors. `rule`: the rule of §11 a
 * file too short for this read breaks, where one does.
 */
export async function readExactly(
  source: ByteSource,
  offset: number,
  length: number,
  rule?: string,
): Promise<Uint8Array> {
  if (offset + length > source.size) {
    throw bundleError(
      'BUNDLE_TRUNCATED',
      'The bundle file ends early: it is cut off (a pulled stick or an interrupted copy). Copy it from the medium again.',
      rule === undefined ? undefined : { rule },
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await source.read(offset, length);
  } catch (caught) {
    if (caught instanceof BundleError) throw caught;
    throw bundleError(
      'BUNDLE_IO_FAILED',
      `The bundle file could not be read (${caught instanceof Error ? caught.message : 'I/O error'}). Check the medium and try again.`,
    );
  }
  if (bytes.length !== length)
    throw bundleError(
      'BUNDLE_TRUNCATED',
      'The bundle file got shorter while it was being read. Copy it again and keep the medium connected.',
    );
  return bytes;
}

/**
 * Steps 1–5 of the verification order (docs/bundle-format.md): prologue, header bounds, canonical header,
 * exact file size, outer signature with the key the header names. Needs no secret and no trust store.
 * `requireSignature` false lets `inspect` describe a bundle whose signature fails.
 */
export async function readBundleFrame(
  kit: CryptoKit,
  source: ByteSource,
  requireSignature = true,
): Promise<BundleFrame> {
  const prologue = await readExactly(source, 0, Math.min(PROLOGUE_BYTES, source.size));
  const { headerLength } = decodePrologue(prologue);
  const headerBytes = await readExactly(source, PROLOGUE_BYTES, headerLength, '2.1');
  const header = decodeHeader(headerBytes);
  const layout = layoutItems(
    headerLength,
    header.items.map((item) => item.size),
    header.chunkSize,
  );
  if (source.size < layout.fileSize) {
    throw bundleError(
      'BUNDLE_TRUNCATED',
      `The bundle file is ${source.size} bytes but its header describes ${layout.fileSize}: it is cut off. Copy it from the medium again.`,
      { rule: '4.1' },
    );
  }
  if (source.size > layout.fileSize) {
    throw bundleError(
      'BUNDLE_TRAILING_DATA',
      `The bundle file has ${source.size - layout.fileSize} unexpected bytes after its end. It was altered or damaged: do not import it; ask for a new copy.`,
      { rule: '4.2' },
    );
  }
  const signature = await readExactly(source, PROLOGUE_BYTES + headerLength, HEADER_SIGNATURE_BYTES);
  const digest = signingDigest(kit, 'bundleHeader', prologue, headerBytes);
  const senderKey = fromHex(header.sender, 32);
  const signatureValid = !!senderKey && kit.verify(signature, digest, senderKey);
  if (requireSignature && !signatureValid) {
    throw bundleError(
      'BUNDLE_SIGNATURE_INVALID',
      'The bundle signature does not match its header: it was altered after the sender signed it, or damaged. Do not import it; ask the sender for a new copy.',
      { rule: '5.1' },
    );
  }
  return { header, items: layout.items, fileSize: layout.fileSize, headerDigest: toHex(digest), signatureValid };
}
