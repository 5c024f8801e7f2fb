import type { CryptoKit, StreamTag } from '../../../shared/crypto/crypto-kit';
import {
  BUNDLE_SUITE,
  chunkAssociatedData,
  encodePrologue,
  PROLOGUE_BYTES,
} from '../../../shared/bundle/bundle-layout';
import { concatBytes, fromHex, toHex } from '../../../shared/bytes/bytes';
import { canonicalJsonBytes, parseCanonicalJson, type JsonValue } from '../../../shared/json/canonical-json';
import type { OfficeIdentity } from '../../../shared/offices/office-identity';
import { signingOffice } from '../../../shared/offices/signing-office';
import type { TestOffice } from './bundle-fixtures';
import { T0, DAY } from './bundle-fixtures';

/** A bundle taken apart: test code edits the pieces and reassembles them, re-signing or not. */
export type BundleParts = {
  headerBytes: Uint8Array;
  header: Record<string, JsonValue>;
  signature: Uint8Array;
  body: Uint8Array;
  version: number;
};

export function splitBundle(bytes: Uint8Array): BundleParts {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const headerLength = view.getUint32(10, false);
  const headerBytes = bytes.slice(PROLOGUE_BYTES, PROLOGUE_BYTES + headerLength);
  const header = parseCanonicalJson(headerBytes) as Record<string, JsonValue>;
  return {
    headerBytes,
    header,
    signature: bytes.slice(PROLOGUE_BYTES + headerLength, PROLOGUE_BYTES + headerLength + 64),
    body: bytes.slice(PROLOGUE_BYTES + headerLength + 64),
    version: view.getUint16(8, false),
  };
}

/** Reassembles raw header bytes (canonical or not) with a body; signs with `signer` or keeps `signature`. */
export function assemble(
  kit: CryptoKit,
  headerBytes: Uint8Array,
  body: Uint8Array,
  signer: OfficeIdentity | Uint8Array,
  version = 1,
): Uint8Array {
  const prologue = encodePrologue(headerBytes.length, version);
  const signature =
    signer instanceof Uint8Array
      ? signer
      : signingOffice(kit, signer).signer.sign('bundleHeader', prologue, headerBytes);
  return concatBytes(prologue, headerBytes, signature, body);
}

/** Edits the header object, re-encodes it canonically, and re-signs (or keeps the old signature). */
export function editHeader(
  kit: CryptoKit,
  bytes: Uint8Array,
  edit: (header: Record<string, JsonValue>) => void,
  signer: OfficeIdentity | null,
): Uint8Array {
  const parts = splitBundle(bytes);
  const header = structuredClone(parts.header);
  edit(header);
  return assemble(kit, canonicalJsonBytes(header), parts.body, signer ?? parts.signature);
}

export type CraftOptions = {
  sender: TestOffice;
  recipients: { office: TestOffice; sequence: number }[];
  kind?: string;
  /** Payload content (signed as the inner signature by `innerSigner`), or raw payload bytes. */
  content?: Record<string, JsonValue> | ((bundleIdHex: string) => Record<string, JsonValue>);
  payloadBytes?: Uint8Array;
  innerSigner?: OfficeIdentity;
  attachments?: Uint8Array[];
  chunkSize?: number;
  tag?: (item: number, chunk: number, count: number) => StreamTag;
  /** Bundle id placed inside each recipient's key wrap (defaults to the header's). */
  wrapBundleId?: Uint8Array;
  editHeader?: (header: Record<string, JsonValue>) => void;
  /** Injected randomness (fixed test vectors); defaults to the CSPRNG. */
  random?: (length: number) => Uint8Array;
};

/**
 * An independent, deliberately flexible bundle writer for attack tests: it follows the specification but lets
 * a test break any single rule while still signing correctly, so the verifier's later checks are reachable.
 */
export function craftBundle(kit: CryptoKit, options: CraftOptions): { bytes: Uint8Array; bundleId: Uint8Array } {
  const chunkSize = options.chunkSize ?? 65536;
  const random = options.random ?? kit.randomBytes;
  const bundleId = random(16);
  const contentKey = random(32);
  const kind = options.kind ?? 'request';
  const sender = toHex(options.sender.identity.signingPublicKey);
  const recipients = [...options.recipients].sort((a, b) =>
    a.office.card.card.signingKey < b.office.card.card.signingKey ? -1 : 1,
  );
  const attachments = options.attachments ?? [];
  const content: Record<string, JsonValue> =
    typeof options.content === 'function'
      ? options.content(toHex(bundleId))
      : (options.content ?? {
          bundleId: toHex(bundleId),
          kind,
          sender,
          recipients: recipients.map((r) => r.office.card.card.signingKey),
          createdAt: T0,
          body: { caseRef: 'CB-1', case: {} },
          attachments: attachments.map((data, index) => ({
            name: `a${index}`,
            mediaType: 'text/plain',
            size: data.length,
            blake2b256: toHex(kit.hash(data, 32)),
          })),
        });
  const innerSigner = options.innerSigner ?? options.sender.identity;
  const payloadBytes =
    options.payloadBytes ??
    canonicalJsonBytes({
      content,
      signature: toHex(signingOffice(kit, innerSigner).signer.sign('bundlePayload', canonicalJsonBytes(content))),
    });
  const plaintexts = [payloadBytes, ...attachments];
  const encrypted = plaintexts.map((plaintext, item) => {
    const encryptor = kit.streamEncryptor(contentKey, random(24));
    const ad = chunkAssociatedData(bundleId, item);
    const count = plaintext.length === 0 ? 1 : Math.ceil(plaintext.length / chunkSize);
    const parts = [encryptor.header];
    for (let chunk = 0; chunk < count; chunk++) {
      const tag = options.tag ? options.tag(item, chunk, count) : chunk === count - 1 ? 'final' : 'message';
      parts.push(encryptor.push(plaintext.subarray(chunk * chunkSize, (chunk + 1) * chunkSize), ad, tag));
    }
    return concatBytes(...parts);
  });
  const header: Record<string, JsonValue> = {
    version: 1,
    suite: BUNDLE_SUITE,
    kind,
    bundleId: toHex(bundleId),
    sender,
    createdAt: T0,
    notAfter: T0 + 7 * DAY,
    chunkSize,
    items: plaintexts.map((plaintext, index) => ({
      size: plaintext.length,
      hash: toHex(kit.hash(encrypted[index] ?? new Uint8Array(), 64)),
    })),
    recipients: recipients.map(({ office, sequence }) => {
      const nonce = random(24);
      const boxKey = fromHex(office.card.card.boxKey, 32) ?? new Uint8Array(32);
      const wrapped = kit.box(
        concatBytes(options.wrapBundleId ?? bundleId, contentKey),
        nonce,
        boxKey,
        options.sender.identity.boxPrivateKeyPlaintext,
      );
      return { signingKey: office.card.card.signingKey, sequence, wrap: toHex(concatBytes(nonce, wrapped)) };
    }),
  };
  if (recipients.length === 0) header.publicContentKey = toHex(contentKey);
  options.editHeader?.(header);
  return {
    bytes: assemble(kit, canonicalJsonBytes(header), concatBytes(...encrypted), options.sender.identity),
    bundleId,
  };
}

/** Unwraps the content key of a bundle as `reader` (for forwarding attacks). */
export function unwrapAs(kit: CryptoKit, bytes: Uint8Array, reader: TestOffice, senderBoxKey: Uint8Array): Uint8Array {
  const { header } = splitBundle(bytes);
  const entries = header.recipients as { signingKey: string; wrap: string }[];
  const entry = entries.find((e) => e.signingKey === reader.card.card.signingKey);
  const wrap = fromHex(entry?.wrap ?? '', 88) ?? new Uint8Array(88);
  return kit
    .boxOpen(wrap.subarray(24), wrap.subarray(0, 24), senderBoxKey, reader.identity.boxPrivateKeyPlaintext)
    .slice(16);
}
