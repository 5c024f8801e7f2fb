import type { CryptoKit } from '../crypto/crypto-kit';
import { err, ok, type Result } from '../result';
import { verifyKeyCard, type SignedKeyCard } from '../offices/key-card';
import { OfficeKeyWipedError } from '../offices/office-signer';
import type { SigningOffice } from '../offices/signing-office';
import { BUNDLE_LIMITS, DEFAULT_CHUNK_BYTES } from './bundle-limits';
import { BundleError, bundleError, toBundleErr, type BundleErrorCode } from './bundle-error';
import { decodeHeader, encodeHeader, type BundleHeader, type RecipientEntry } from './bundle-header';
import { PUBLIC_KINDS, type BundleKind } from './bundle-kinds';
import {
  BUNDLE_FORMAT_VERSION,
  BUNDLE_SUITE,
  chunkAssociatedData,
  chunkCount,
  encodePrologue,
  layoutItems,
} from './bundle-layout';
import {
  payloadBodySchemas,
  payloadEnvelopeSchema,
  type AttachmentDescriptor,
  type PayloadBody,
  type PayloadContent,
} from './bundle-payloads';
import { rechunk, type ByteStream, type RandomAccessSink } from '../bytes/byte-io';
import { concatBytes, fromHex, toHex } from '../bytes/bytes';
import { canonicalJsonBytes, parseCanonicalJson } from '../json/canonical-json';
import { signingDigest } from './signing-domains';
import { periodReportProblem } from './period-report-rules';

export type BundleRecipient = {
  /** The recipient's key card, already verified by the trust store. */
  readonly card: SignedKeyCard;
  /** Next sequence number for this sender→recipient pair (the caller keeps the counter). */
  readonly sequence: number;
};

export type AttachmentInput = {
  readonly name: string;
  readonly mediaType: string;
  /** Declared size; the builder refuses a stream that yields more or fewer bytes. */
  readonly size: number;
  readonly bytes: ByteStream;
};

/** The sending office: it signs through `signer` (never with its key in hand) and wraps with its box key. */
export type BundleSender = Pick<SigningOffice, 'signer' | 'boxPrivateKeyPlaintext'>;

export type BuildBundleInput<K extends BundleKind> = {
  readonly kind: K;
  readonly body: PayloadBody<K>;
  readonly sender: BundleSender;
  /** Empty only for public kinds (key-card, revocation). */
  readonly recipients: readonly BundleRecipient[];
  readonly attachments?: readonly AttachmentInput[];
  readonly createdAt: number;
  readonly notAfter: number;
  readonly chunkSize?: number;
  /** Randomness for bundle id, content key, nonces and stream headers; injected only for fixed test vectors. */
  readonly random?: (length: number) => Uint8Array;
};

export type BuiltBundle = {
  readonly bundleId: string;
  readonly kind: BundleKind;
  readonly size: number;
  /** The digest the header signature covers: the bundle's identity on transmittal slips and receipts. */
  readonly headerDigest: string;
};

const PLACEHOLDER_ITEM_HASH = '0'.repeat(128);
const PLACEHOLDER_PLAINTEXT_HASH = '0'.repeat(64);
const PLACEHOLDER_SIGNATURE = '0'.repeat(128);

/**
 * Builds a bundle into `sink` in one streaming pass with memory bounded by the chunk size. Every length is
 * fixed before encryption (hashes and signatures are fixed-width hex), so attachments are encrypted at their
 * final offsets first, then the payload (which lists their hashes), then the header that commits to all.
 */
export async function buildBundle<K extends BundleKind>(
  kit: CryptoKit,
  input: BuildBundleInput<K>,
  sink: RandomAccessSink,
): Promise<Result<BuiltBundle, BundleErrorCode>> {
  try {
    return ok(await build(kit, input, sink));
  } catch (caught) {
    if (caught instanceof OfficeKeyWipedError)
      return err('BUNDLE_BUILD_INVALID', `Cannot build the bundle: ${caught.message} Unlock the vault and try again.`);
    return toBundleErr(caught);
  }
}

async function build<K extends BundleKind>(
  kit: CryptoKit,
  input: BuildBundleInput<K>,
  sink: RandomAccessSink,
): Promise<BuiltBundle> {
  const random = input.random ?? kit.randomBytes;
  // Drawn in this order (id, then key) so that fixed-RNG test vectors stay reproducible.
  const bundleIdBytes = random(16);
  const contentKey = random(32);
  try {
    return await buildWithKey(kit, input, sink, bundleIdBytes, contentKey);
  } finally {
    kit.wipe(contentKey);
  }
}

async function buildWithKey<K extends BundleKind>(
  kit: CryptoKit,
  input: BuildBundleInput<K>,
  sink: RandomAccessSink,
  bundleIdBytes: Uint8Array,
  contentKey: Uint8Array,
): Promise<BuiltBundle> {
  const invalid = (what: string) => bundleError('BUNDLE_BUILD_INVALID', `Cannot build the bundle: ${what}.`);
  const random = input.random ?? kit.randomBytes;
  const chunkSize = input.chunkSize ?? DEFAULT_CHUNK_BYTES;
  const attachments = input.attachments ?? [];
  const body = payloadBodySchemas[input.kind].safeParse(input.body);
  if (!body.success)
    throw invalid(
      `the ${input.kind} content does not match its schema (${body.error.issues[0]?.message ?? 'invalid'})`,
    );
  if (input.recipients.length === 0 && !PUBLIC_KINDS.includes(input.kind))
    throw invalid(`a ${input.kind} bundle needs at least one recipient`);
  if (attachments.length > BUNDLE_LIMITS.maxAttachments)
    throw invalid(`more than ${BUNDLE_LIMITS.maxAttachments} attachments`);
  if (attachments.length > 0 && PUBLIC_KINDS.includes(input.kind))
    throw invalid(`a ${input.kind} bundle carries no attachments`);
  if (input.kind === 'period-report') {
    const problem = periodReportProblem(payloadBodySchemas['period-report'].parse(body.data), attachments);
    if (problem) throw invalid(`a period report is refused: ${problem}`);
  }

  const bundleId = toHex(bundleIdBytes);
  const sender = toHex(input.sender.signer.publicKey);
  const recipients = [...input.recipients].sort((a, b) => (a.card.card.signingKey < b.card.card.signingKey ? -1 : 1));
  const entries: RecipientEntry[] = recipients.map((recipient) =>
    wrapFor(kit, recipient, bundleIdBytes, contentKey, input.sender, random),
  );
  // A public bundle (key card, revocation) publishes its content key: secretstream then only frames and checks.
  const publicContentKey = entries.length === 0 ? toHex(contentKey) : undefined;

  const descriptors: AttachmentDescriptor[] = attachments.map((attachment) => ({
    name: attachment.name.normalize('NFC'),
    mediaType: attachment.mediaType,
    size: attachment.size,
    blake2b256: PLACEHOLDER_PLAINTEXT_HASH,
  }));
  const content = (attachmentsWithHashes: AttachmentDescriptor[]): PayloadContent => ({
    bundleId,
    kind: input.kind,
    sender,
    recipients: entries.map((entry) => entry.signingKey),
    createdAt: input.createdAt,
    body: body.data,
    attachments: attachmentsWithHashes,
  });
  let draftBytes: Uint8Array;
  try {
    draftBytes = canonicalJsonBytes({ content: content(descriptors), signature: PLACEHOLDER_SIGNATURE });
  } catch (caught) {
    throw invalid(
      `the content has no canonical JSON form (${caught instanceof Error ? caught.message : 'invalid value'})`,
    );
  }
  // Check what the reader will see (the canonical form), so we never write a bundle our verifier refuses.
  const draft = payloadEnvelopeSchema.safeParse(parseCanonicalJson(draftBytes));
  if (!draft.success) {
    const issue = draft.error.issues[0];
    throw invalid(`the content is invalid at ${issue?.path.join('.') || 'its root'} (${issue?.message ?? 'schema'})`);
  }
  const payloadLength = draftBytes.length;

  const header = (itemHashes: string[]): BundleHeader => ({
    version: BUNDLE_FORMAT_VERSION,
    suite: BUNDLE_SUITE,
    kind: input.kind,
    bundleId,
    sender,
    createdAt: input.createdAt,
    notAfter: input.notAfter,
    chunkSize,
    items: [payloadLength, ...attachments.map((attachment) => attachment.size)].map((size, index) => ({
      size,
      hash: itemHashes[index] ?? PLACEHOLDER_ITEM_HASH,
    })),
    recipients: entries,
    publicContentKey,
  });
  const draftHeaderBytes = encodeHeader(header([]));
  // Our own header must pass our own reader (limits, rules), or we refuse to write it.
  try {
    decodeHeader(draftHeaderBytes);
  } catch (caught) {
    throw invalid(caught instanceof BundleError ? caught.message : 'the header is invalid');
  }
  const layout = layoutItems(
    draftHeaderBytes.length,
    header([]).items.map((item) => item.size),
    chunkSize,
  );

  const itemHashes: string[] = [];
  for (const [index, attachment] of attachments.entries()) {
    const itemIndex = index + 1;
    const span = layout.items[itemIndex];
    if (!span) throw invalid('internal layout error');
    const result = await encryptItem(
      kit,
      { contentKey, bundleIdBytes, itemIndex, size: attachment.size, chunkSize, random },
      rechunk(attachment.bytes, chunkSize),
      sink,
      span.offset,
    );
    itemHashes[itemIndex] = result.ciphertextHash;
    const descriptor = descriptors[index];
    if (descriptor) descriptors[index] = { ...descriptor, blake2b256: result.plaintextHash };
  }

  const finalContent = content(descriptors);
  const contentBytes = canonicalJsonBytes(finalContent);
  const signature = toHex(input.sender.signer.sign('bundlePayload', contentBytes));
  const payloadBytes = canonicalJsonBytes({ content: finalContent, signature });
  if (payloadBytes.length !== payloadLength) throw invalid('internal error: payload length changed');
  const payloadSpan = layout.items[0];
  if (!payloadSpan) throw invalid('internal layout error');
  const payload = await encryptItem(
    kit,
    { contentKey, bundleIdBytes, itemIndex: 0, size: payloadLength, chunkSize, random },
    rechunk([payloadBytes], chunkSize),
    sink,
    payloadSpan.offset,
  );
  itemHashes[0] = payload.ciphertextHash;

  const headerBytes = encodeHeader(header(itemHashes));
  if (headerBytes.length !== draftHeaderBytes.length) throw invalid('internal error: header length changed');
  const prologue = encodePrologue(headerBytes.length);
  const headerSignature = input.sender.signer.sign('bundleHeader', prologue, headerBytes);
  const digest = signingDigest(kit, 'bundleHeader', prologue, headerBytes);
  await writeTo(sink, 0, concatBytes(prologue, headerBytes, headerSignature));
  return { bundleId, kind: input.kind, size: layout.fileSize, headerDigest: toHex(digest) };
}

function wrapFor(
  kit: CryptoKit,
  recipient: BundleRecipient,
  bundleIdBytes: Uint8Array,
  contentKey: Uint8Array,
  sender: BundleSender,
  random: (length: number) => Uint8Array,
): RecipientEntry {
  const verified = verifyKeyCard(kit, recipient.card);
  if (!verified.ok)
    throw bundleError(
      'BUNDLE_BUILD_INVALID',
      `Cannot build the bundle: a recipient's key card is invalid (${verified.error.message})`,
    );
  const boxKey = fromHex(verified.value.card.boxKey, 32);
  if (!boxKey) throw bundleError('BUNDLE_BUILD_INVALID', 'Cannot build the bundle: a recipient key is malformed.');
  if (!Number.isSafeInteger(recipient.sequence) || recipient.sequence < 1)
    throw bundleError('BUNDLE_BUILD_INVALID', 'Cannot build the bundle: sequence numbers start at 1.');
  const nonce = random(24);
  // Authenticated box from the sender's long-term key: only this sender could have made this wrap, and it
  // names the bundle, so it cannot be lifted into another bundle or re-signed by another office.
  const wrapped = kit.box(concatBytes(bundleIdBytes, contentKey), nonce, boxKey, sender.boxPrivateKeyPlaintext);
  return {
    signingKey: verified.value.card.signingKey,
    sequence: recipient.sequence,
    wrap: toHex(concatBytes(nonce, wrapped)),
  };
}

type ItemParams = {
  readonly contentKey: Uint8Array;
  readonly bundleIdBytes: Uint8Array;
  readonly itemIndex: number;
  readonly size: number;
  readonly chunkSize: number;
  readonly random: (length: number) => Uint8Array;
};

/** Encrypts one item at `offset`; returns the ciphertext hash (for the header) and plaintext hash (for the payload). */
async function encryptItem(
  kit: CryptoKit,
  params: ItemParams,
  chunks: AsyncIterable<Uint8Array>,
  sink: RandomAccessSink,
  offset: number,
): Promise<{ ciphertextHash: string; plaintextHash: string }> {
  const count = chunkCount(params.size, params.chunkSize);
  const encryptor = kit.streamEncryptor(params.contentKey, params.random(24));
  try {
    const associatedData = chunkAssociatedData(params.bundleIdBytes, params.itemIndex);
    const ciphertextHasher = kit.createHasher(64);
    const plaintextHasher = kit.createHasher(32);
    let position = offset;
    ciphertextHasher.update(encryptor.header);
    await writeTo(sink, position, encryptor.header);
    position += encryptor.header.length;
    let index = 0;
    let total = 0;
    // One write in flight: the next chunk is read and encrypted while this one is written.
    let pendingWrite: Promise<void> = Promise.resolve();
    for await (const chunk of readable(chunks)) {
      total += chunk.length;
      if (index >= count || total > params.size) throw mismatch(params);
      plaintextHasher.update(chunk);
      const ciphertext = encryptor.push(chunk, associatedData, index === count - 1 ? 'final' : 'message');
      ciphertextHasher.update(ciphertext);
      await pendingWrite;
      pendingWrite = writeTo(sink, position, ciphertext);
      pendingWrite.catch(() => undefined);
      position += ciphertext.length;
      index++;
    }
    await pendingWrite;
    if (index !== count || total !== params.size) throw mismatch(params);
    return { ciphertextHash: toHex(ciphertextHasher.digest()), plaintextHash: toHex(plaintextHasher.digest()) };
  } finally {
    encryptor.dispose();
  }
}

async function writeTo(sink: RandomAccessSink, offset: number, bytes: Uint8Array): Promise<void> {
  try {
    await sink.writeAt(offset, bytes);
  } catch (caught) {
    throw bundleError(
      'BUNDLE_IO_FAILED',
      `Could not write the bundle (${caught instanceof Error ? caught.message : 'write error'}). Check that the medium is writable and has free space, then export again.`,
    );
  }
}

/** Classifies a failing attachment source (a file that vanished, a read error) as an I/O failure. */
async function* readable(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await iterator.next();
    } catch (caught) {
      if (caught instanceof BundleError) throw caught;
      throw bundleError(
        'BUNDLE_IO_FAILED',
        `Could not read an attachment (${caught instanceof Error ? caught.message : 'read error'}). Check the file is still there, then export again.`,
      );
    }
    if (next.done) return;
    yield next.value;
  }
}

function mismatch(params: ItemParams): BundleError {
  return bundleError(
    'BUNDLE_BUILD_INVALID',
    `Cannot build the bundle: attachment ${params.itemIndex} did not deliver exactly the ${params.size} bytes it declared (the file changed while exporting?). Try the export again.`,
  );
}
