import { DecryptionError, STREAM_ABYTES, STREAM_HEADER_BYTES, type CryptoKit } from '../crypto/crypto-kit';
import { ok, type Ok } from '../result';
import { formatFingerprint, officeFingerprint } from '../offices/fingerprint';
import { verifyKeyCard, type KeyCardBody } from '../offices/key-card';
import { verifyRevocation } from '../offices/revocation';
import { revocationRefuses, type PartnerOffice, type TrustView } from '../offices/trust-store';
import { DEFAULT_VERIFY_POLICY, type VerifyPolicy } from './bundle-limits';
import { BundleError, bundleError, toBundleErr, type BundleErr, type BundleErrorDetail } from './bundle-error';
import { displayableName } from './bundle-refusal';
import type { BundleHeader } from './bundle-header';
import type { BundleKind } from './bundle-kinds';
import { chunkAssociatedData, chunkCount, chunkPlaintextBytes } from './bundle-layout';
import {
  payloadBodySchemas,
  payloadEnvelopeSchema,
  type AttachmentDescriptor,
  type PayloadBody,
  type PayloadContent,
} from './bundle-payloads';
import type { ByteSink, ByteSource } from '../bytes/byte-io';
import { fromHex, toHex } from '../bytes/bytes';
import { CanonicalJsonError, canonicalJsonBytes, parseCanonicalJson } from '../json/canonical-json';
import { readBundleFrame, readExactly, type BundleFrame } from './read-bundle-frame';
import { periodReportProblem } from './period-report-rules';
import { verifyDomain } from './signing-domains';

/** What the importer knows about earlier imports; the verifier only reads it. */
export type ReplayLedgerView = {
  hasSeen(senderKeyHex: string, bundleIdHex: string): boolean;
  /** Highest sequence number accepted from this sender for us, if any. */
  lastSequence(senderKeyHex: string): number | undefined;
};

/** Our own keys as a recipient. Null = no secret (a partner tool, the CLI): structure, signature and hashes only. */
export type RecipientKeys = { readonly signingPublicKey: Uint8Array; readonly boxPrivateKeyPlaintext: Uint8Array };

export type VerifyBundleInput = {
  readonly source: ByteSource;
  readonly trust: TrustView;
  readonly recipient: RecipientKeys | null;
  readonly clock: () => number;
  /** Null skips the replay checks (only for tools that do not import). */
  readonly ledger: ReplayLedgerView | null;
  readonly policy?: VerifyPolicy;
  /**
   * A person's recorded decision to import an expired bundle: step 7 then accepts it up to `maxPastExpiryMs` after
   * its not-after time. Only that check moves; everything else (the signer's key card included) uses the clock.
   */
  readonly expiryOverride?: { readonly maxPastExpiryMs: number };
  /**
   * Where attachment i's plaintext goes. It is provisional: keep it staged and discard it unless the result is ok.
   * Without it, attachments are still decrypted and checked, then dropped.
   */
  readonly openAttachment?: (index: number, descriptor: AttachmentDescriptor) => ByteSink | Promise<ByteSink>;
};

export type VerifiedPayload = { [K in BundleKind]: { readonly kind: K; readonly body: PayloadBody<K> } }[BundleKind];

export type OpenedBundle = {
  readonly opened: true;
  readonly header: BundleHeader;
  readonly headerDigest: string;
  readonly senderOffice: PartnerOffice | undefined;
  /** Our sequence number in this bundle (undefined for a public bundle). */
  readonly sequence: number | undefined;
  readonly payload: VerifiedPayload;
  readonly content: PayloadContent;
  readonly attachments: readonly AttachmentDescriptor[];
};

/** Verified without a secret key: signature, trust, times and every item hash, but not the encrypted content. */
export type SealedBundle = {
  readonly opened: false;
  readonly header: BundleHeader;
  readonly headerDigest: string;
  readonly senderOffice: PartnerOffice | undefined;
};

/**
 * Verifies a bundle in the order of docs/bundle-format.md §Verification. Never throws: every refusal is a
 * typed error with a stable code and a message that names the next step. Reads only through `source`.
 */
export async function verifyBundle(
  kit: CryptoKit,
  input: VerifyBundleInput,
): Promise<Ok<OpenedBundle | SealedBundle> | BundleErr> {
  try {
    return ok(await verify(kit, input));
  } catch (caught) {
    return toBundleErr(caught);
  }
}

async function verify(kit: CryptoKit, input: VerifyBundleInput): Promise<OpenedBundle | SealedBundle> {
  const policy = input.policy ?? DEFAULT_VERIFY_POLICY;
  // Steps 1–5: prologue, header, size, outer signature.
  const frame = await readBundleFrame(kit, input.source);
  const { header } = frame;
  // Step 6: the signer's trust state.
  const senderOffice = checkSigner(kit, header, input.trust, input.clock(), policy);
  // Step 7: times; step 8: without a secret, item hashes only.
  checkTimes(header, input.clock(), policy, input.expiryOverride);
  const isPublic = header.recipients.length === 0;
  if (!isPublic && input.recipient === null) {
    await checkItemHashes(kit, input.source, frame);
    return { opened: false, header, headerDigest: frame.headerDigest, senderOffice };
  }
  // Step 9: are we a recipient; step 10: replay and order; step 11: unwrap the content key.
  let sequence: number | undefined;
  let contentKey: Uint8Array;
  if (isPublic) {
    checkReplay(header, input.ledger, undefined);
    contentKey = fromHex(header.publicContentKey ?? '', 32) ?? new Uint8Array(32);
  } else {
    const recipient = input.recipient;
    if (!recipient)
      throw bundleError(
        'BUNDLE_NOT_FOR_US',
        'This bundle is encrypted and no office key is unlocked. Unlock Casebridge and import again.',
        { rule: '9.1', situation: 'noOfficeKey' },
      );
    const ourKey = toHex(recipient.signingPublicKey);
    const entry = header.recipients.find((candidate) => candidate.signingKey === ourKey);
    if (!entry) {
      throw bundleError(
        'BUNDLE_NOT_FOR_US',
        'This bundle is addressed to other offices, not to yours. Check with the courier that you received the right stick or file.',
        { rule: '9.1' },
      );
    }
    sequence = entry.sequence;
    checkReplay(header, input.ledger, entry.sequence);
    contentKey = unwrapContentKey(kit, header, entry.wrap, senderOffice, recipient);
  }
  try {
    // Steps 12–13: the payload item, its inner signature and schema.
    const content = await openPayload(kit, input.source, frame, contentKey);
    const payload = checkPayloadBody(kit, header, content, input.clock(), policy);
    // Step 14: every attachment, streamed.
    for (const [index, descriptor] of content.attachments.entries()) {
      const sink = input.openAttachment ? await callSink(() => input.openAttachment?.(index, descriptor)) : undefined;
      const plaintextHash = kit.createHasher(32);
      await openItem(kit, input.source, frame, index + 1, contentKey, async (plaintext) => {
        plaintextHash.update(plaintext);
        if (sink) await callSink(() => sink.write(plaintext));
      });
      if (toHex(plaintextHash.digest()) !== descriptor.blake2b256) {
        throw bundleError(
          'BUNDLE_ATTACHMENT_MISMATCH',
          `Attachment ${index + 1} ("${descriptor.name}") does not match the hash its sender signed. Do not import this bundle; ask the sender for a new export.`,
          {
            rule: '14.3',
            situation: 'attachmentAltered',
            params: { part: index + 1, item: displayableName(descriptor.name) },
          },
        );
      }
    }
    return {
      opened: true,
      header,
      headerDigest: frame.headerDigest,
      senderOffice,
      sequence,
      payload,
      content,
      attachments: content.attachments,
    };
  } finally {
    kit.wipe(contentKey);
  }
}

function checkSigner(
  kit: CryptoKit,
  header: BundleHeader,
  trust: TrustView,
  now: number,
  policy: VerifyPolicy,
): PartnerOffice | undefined {
  const office = trust.lookup(header.sender);
  const fingerprint = formatFingerprint(officeFingerprint(kit, fromHex(header.sender, 32) ?? new Uint8Array(32)));
  if (office && revocationRefuses(office, header)) {
    const from = office.revokedAt === undefined ? '' : ` from ${new Date(office.revokedAt).toISOString()}`;
    throw bundleError(
      'BUNDLE_SIGNER_REVOKED',
      `This bundle was signed with a key that ${office.card.card.name} revoked${from} (${office.revocationReason ?? 'retired'}). Do not import it; ask the office to send it again with its current key.`,
      office.revokedAt === undefined
        ? { rule: '6.1', situation: 'revokedUndated', params: { office: office.card.card.name, fingerprint } }
        : { rule: '6.1', params: { office: office.card.card.name, fingerprint, at: office.revokedAt } },
    );
  }
  // A key card introduces its own key, and a revocation may retire a key that was never verified.
  if (header.kind === 'key-card') return office;
  if (!office) {
    throw bundleError(
      'BUNDLE_SIGNER_UNKNOWN',
      `This bundle was signed by an office that is not in your partner list (fingerprint ${fingerprint}). Import that office's key card and verify its fingerprint first.`,
      { rule: '6.2', params: { fingerprint } },
    );
  }
  if (office.state === 'unverified' && header.kind !== 'revocation') {
    throw bundleError(
      'BUNDLE_SIGNER_UNVERIFIED',
      `This bundle was signed by ${office.card.card.name}, an office you have not verified: compare fingerprint ${fingerprint} with the one ${office.card.card.name} reads out to you (by phone or in person), mark it verified in Settings → Partner offices, then import again.`,
      { rule: '6.3', params: { office: office.card.card.name, fingerprint } },
    );
  }
  // A card outside its validity (expired, or not valid yet) may still retire its key, but it does not speak for the office.
  if (header.kind !== 'revocation') checkCardValidity(office.card.card, now, policy, '6.4');
  return office;
}

/** §11 steps 6 and 13.7: a key card counts only from `validFrom` to `validUntil`, each widened by the clock skew. */
function checkCardValidity(card: KeyCardBody, now: number, policy: VerifyPolicy, rule: '6.4' | '13.9'): void {
  if (now > card.validUntil + policy.clockSkewMs) {
    throw bundleError(
      'BUNDLE_SIGNER_EXPIRED',
      `The key card of ${card.name} expired on ${new Date(card.validUntil).toISOString()}. Ask the office for its renewed key card, import it, then import this bundle again.`,
      { rule, params: { office: card.name, at: card.validUntil } },
    );
  }
  if (now < card.validFrom - policy.clockSkewMs) {
    throw bundleError(
      'BUNDLE_SIGNER_EXPIRED',
      `The key card of ${card.name} is only valid from ${new Date(card.validFrom).toISOString()}. Check this computer's clock, or ask the office for its current key card.`,
      { rule, situation: 'cardNotYetValid', params: { office: card.name, at: card.validFrom } },
    );
  }
}

function checkTimes(
  header: BundleHeader,
  now: number,
  policy: VerifyPolicy,
  override: VerifyBundleInput['expiryOverride'],
): void {
  if (header.createdAt > now + policy.clockSkewMs) {
    throw bundleError(
      'BUNDLE_NOT_YET_VALID',
      `This bundle claims to be created at ${new Date(header.createdAt).toISOString()}, in the future. Check this computer's clock (and the sender's), then import again.`,
      { rule: '7.1', params: { at: header.createdAt } },
    );
  }
  if (override && now > header.notAfter + policy.clockSkewMs + override.maxPastExpiryMs) {
    throw bundleError(
      'BUNDLE_EXPIRED',
      `This bundle expired at ${new Date(header.notAfter).toISOString()}, more than ${Math.round(override.maxPastExpiryMs / 86_400_000)} days ago: too long ago to import, even with a recorded reason. Ask the sender for a fresh export.`,
      {
        rule: '7.2',
        situation: 'expiredPastOverride',
        params: { at: header.notAfter, days: Math.round(override.maxPastExpiryMs / 86_400_000) },
      },
    );
  }
  if (!override && now > header.notAfter + policy.clockSkewMs) {
    throw bundleError(
      'BUNDLE_EXPIRED',
      `This bundle expired at ${new Date(header.notAfter).toISOString()}. Ask the sender for a fresh export (an administrator may override with a recorded reason).`,
      { rule: '7.2', params: { at: header.notAfter } },
    );
  }
  if (header.notAfter - header.createdAt > policy.maxValidityMs) {
    throw bundleError(
      'BUNDLE_LIMIT_EXCEEDED',
      `This bundle is valid for longer than your policy allows (${Math.round(policy.maxValidityMs / 86_400_000)} days). Ask the sender for an export with a shorter validity.`,
      { rule: '7.3', situation: 'validityOverPolicy', params: { days: Math.round(policy.maxValidityMs / 86_400_000) } },
    );
  }
}

function checkReplay(header: BundleHeader, ledger: ReplayLedgerView | null, sequence: number | undefined): void {
  if (!ledger) return;
  if (ledger.hasSeen(header.sender, header.bundleId)) {
    throw bundleError(
      'BUNDLE_REPLAYED',
      'This bundle was already imported; nothing was changed. You can safely remove it.',
      { rule: '10.1' },
    );
  }
  if (sequence === undefined) return;
  const last = ledger.lastSequence(header.sender);
  if (last !== undefined && sequence <= last) {
    throw bundleError(
      'BUNDLE_SEQUENCE_OLD',
      `This bundle is older (number ${sequence}) than one already imported from the same office (number ${last}). It may be a stale or replayed copy: ask the sender whether it is still current.`,
      { rule: '10.2', params: { sequence, last } },
    );
  }
}

function unwrapContentKey(
  kit: CryptoKit,
  header: BundleHeader,
  wrapHex: string,
  senderOffice: PartnerOffice | undefined,
  recipient: RecipientKeys,
): Uint8Array {
  const wrap = fromHex(wrapHex, 88);
  const senderBoxKey = senderOffice ? fromHex(senderOffice.card.card.boxKey, 32) : undefined;
  const failure = () =>
    bundleError(
      'BUNDLE_KEY_WRAP_INVALID',
      'The key for your office in this bundle was not made by the signing office for this bundle (re-signed, or copied from another bundle). Do not import it; tell the sender.',
      { rule: '11.1' },
    );
  if (!wrap || !senderBoxKey) throw failure();
  let unwrapped: Uint8Array;
  try {
    unwrapped = kit.boxOpen(wrap.subarray(24), wrap.subarray(0, 24), senderBoxKey, recipient.boxPrivateKeyPlaintext);
  } catch {
    throw failure();
  }
  if (unwrapped.length !== 48 || toHex(unwrapped.subarray(0, 16)) !== header.bundleId) throw failure();
  const key = unwrapped.slice(16);
  kit.wipe(unwrapped);
  return key;
}

async function openPayload(
  kit: CryptoKit,
  source: ByteSource,
  frame: BundleFrame,
  contentKey: Uint8Array,
): Promise<PayloadContent> {
  const size = frame.header.items[0]?.size ?? 0;
  // Size already checked against the payload limit and the file size, so this allocation is bounded.
  const payloadPlaintext = new Uint8Array(size);
  let filled = 0;
  await openItem(kit, source, frame, 0, contentKey, (plaintext) => {
    payloadPlaintext.set(plaintext, filled);
    filled += plaintext.length;
    return Promise.resolve();
  });
  const invalid = (what: string, rule: '13.1' | '13.3', detail: Pick<BundleErrorDetail, 'situation' | 'params'> = {}) =>
    bundleError(
      'BUNDLE_PAYLOAD_INVALID',
      `The bundle content is invalid (${what}). Ask the sender to export it again.`,
      {
        rule,
        ...detail,
      },
    );
  let raw;
  try {
    raw = parseCanonicalJson(payloadPlaintext);
  } catch (caught) {
    if (caught instanceof CanonicalJsonError && (caught.kind === 'duplicate-key' || caught.kind === 'non-canonical')) {
      throw bundleError(
        'BUNDLE_NONCANONICAL',
        `The bundle content is not in canonical form (${caught.message}). Do not import it; ask the sender for a new export.`,
        { rule: '13.2' },
      );
    }
    throw invalid(caught instanceof Error ? caught.message : 'not JSON', '13.1');
  }
  const envelope = payloadEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw invalid(issue?.message ?? 'schema', '13.3', attachmentNameIssue(raw, issue?.path ?? []));
  }
  const { content, signature } = envelope.data;
  const { header } = frame;
  const senderKey = fromHex(header.sender, 32);
  const signatureBytes = fromHex(signature, 64);
  // Canonical: re-encoding `content` gives back exactly the signed bytes.
  const contentBytes = canonicalJsonBytes(content);
  if (!senderKey || !signatureBytes || !verifyDomain(kit, 'bundlePayload', signatureBytes, senderKey, contentBytes)) {
    throw bundleError(
      'BUNDLE_INNER_SIGNATURE_INVALID',
      'The content inside this bundle was not signed by the office that signed the bundle (it may have been re-signed or forwarded). Do not import it; ask the original sender.',
      { rule: '13.4' },
    );
  }
  const recipients = header.recipients.map((entry) => entry.signingKey);
  const matches =
    content.bundleId === header.bundleId &&
    content.kind === header.kind &&
    content.sender === header.sender &&
    content.createdAt === header.createdAt &&
    content.recipients.length === recipients.length &&
    content.recipients.every((key, index) => key === recipients[index]);
  if (!matches) {
    throw bundleError(
      'BUNDLE_INNER_MISMATCH',
      'The signed content names a different bundle, kind or set of recipients than the bundle itself: it was forwarded or assembled from parts. Do not import it; ask the original sender.',
      { rule: '13.5' },
    );
  }
  if (
    content.attachments.length !== header.items.length - 1 ||
    content.attachments.some((descriptor, index) => descriptor.size !== header.items[index + 1]?.size)
  ) {
    throw bundleError(
      'BUNDLE_ATTACHMENT_MISMATCH',
      'The attachment list inside the bundle does not match the attachments it carries. Do not import it; ask the sender for a new export.',
      { rule: '13.6' },
    );
  }
  return content;
}

function checkPayloadBody(
  kit: CryptoKit,
  header: BundleHeader,
  content: PayloadContent,
  now: number,
  policy: VerifyPolicy,
): VerifiedPayload {
  const invalid = (what: string, rule: '13.7' | '13.8' | '13.10' = '13.8') =>
    bundleError(
      'BUNDLE_PAYLOAD_INVALID',
      `The ${header.kind} inside this bundle is invalid (${what}). Ask the sender to export it again.`,
      { rule },
    );
  const payload = parseBody(header.kind, content.body);
  if (!payload) throw invalid('it does not match the schema for its kind', '13.7');
  if (payload.kind === 'key-card') {
    const card = verifyKeyCard(kit, payload.body.card);
    if (!card.ok) throw invalid(card.error.message);
    if (card.value.card.signingKey !== header.sender)
      throw invalid('the key card is not for the key that signed the bundle');
    // The card a key-card bundle introduces must be valid at the reader's time, like a trusted one (step 6).
    checkCardValidity(card.value.card, now, policy, '13.9');
  }
  if (payload.kind === 'revocation') {
    if (!verifyRevocation(kit, payload.body.revocation))
      throw invalid('the revocation is not signed by the key it revokes');
    if (payload.body.revocation.statement.signingKey !== header.sender)
      throw invalid('the revocation is for a different key than the one that signed the bundle');
  }
  if (payload.kind === 'period-report') {
    const problem = periodReportProblem(payload.body, content.attachments);
    if (problem) throw invalid(problem, '13.10');
  }
  return payload;
}

function parseBody(kind: BundleKind, body: unknown): VerifiedPayload | undefined {
  switch (kind) {
    case 'key-card': {
      const parsed = payloadBodySchemas[kind].safeParse(body);
      return parsed.success ? { kind, body: parsed.data } : undefined;
    }
    case 'revocation': {
      const parsed = payloadBodySchemas[kind].safeParse(body);
      return parsed.success ? { kind, body: parsed.data } : undefined;
    }
    case 'request': {
      const parsed = payloadBodySchemas[kind].safeParse(body);
      return parsed.success ? { kind, body: parsed.data } : undefined;
    }
    case 'response': {
      const parsed = payloadBodySchemas[kind].safeParse(body);
      return parsed.success ? { kind, body: parsed.data } : undefined;
    }
    case 'challenge': {
      const parsed = payloadBodySchemas[kind].safeParse(body);
      return parsed.success ? { kind, body: parsed.data } : undefined;
    }
    case 'decision': {
      const parsed = payloadBodySchemas[kind].safeParse(body);
      return parsed.success ? { kind, body: parsed.data } : undefined;
    }
    case 'receipt': {
      const parsed = payloadBodySchemas[kind].safeParse(body);
      return parsed.success ? { kind, body: parsed.data } : undefined;
    }
    case 'period-report': {
      const parsed = payloadBodySchemas[kind].safeParse(body);
      return parsed.success ? { kind, body: parsed.data } : undefined;
    }
    case 'recommendation': {
      const parsed = payloadBodySchemas[kind].safeParse(body);
      return parsed.success ? { kind, body: parsed.data } : undefined;
    }
    case 'recommendation-response': {
      const parsed = payloadBodySchemas[kind].safeParse(body);
      return parsed.success ? { kind, body: parsed.data } : undefined;
    }
  }
}

/**
 * Decrypts item `index` chunk by chunk: each chunk authenticated with the bundle id and item index as
 * associated data, TAG_FINAL exactly on the last chunk, and the ciphertext hash equal to the signed header's.
 */
async function openItem(
  kit: CryptoKit,
  source: ByteSource,
  frame: BundleFrame,
  index: number,
  contentKey: Uint8Array,
  onPlaintext: (plaintext: Uint8Array) => Promise<void>,
): Promise<void> {
  const { header } = frame;
  const span = frame.items[index];
  const item = header.items[index];
  if (!span || !item) throw bundleError('BUNDLE_MALFORMED', 'The bundle refers to an item it does not contain.');
  const hasher = kit.createHasher(64);
  const streamHeader = await readExactly(source, span.offset, STREAM_HEADER_BYTES);
  hasher.update(streamHeader);
  const decryptor = kit.streamDecryptor(streamHeader, contentKey);
  const associatedData = chunkAssociatedData(fromHex(header.bundleId, 16) ?? new Uint8Array(16), index);
  const count = chunkCount(item.size, header.chunkSize);
  let offset = span.offset + STREAM_HEADER_BYTES;
  // One read ahead: the next chunk is read while this one is decrypted (bounded: two chunks in memory).
  const readChunk = (chunk: number) => {
    const length = chunkPlaintextBytes(item.size, header.chunkSize, chunk) + STREAM_ABYTES;
    const read = readExactly(source, offset, length);
    offset += length;
    read.catch(() => undefined);
    return read;
  };
  let nextRead = readChunk(0);
  const chunkFailure = (what: string) =>
    bundleError(
      'BUNDLE_CHUNK_INVALID',
      `Part ${index} of this bundle is damaged or was tampered with (${what}). Do not import it; copy it again or ask the sender for a new export.`,
      { rule: index === 0 ? '12.1' : '14.1', params: { part: index } },
    );
  try {
    for (let chunk = 0; chunk < count; chunk++) {
      const ciphertext = await nextRead;
      if (chunk + 1 < count) nextRead = readChunk(chunk + 1);
      hasher.update(ciphertext);
      let opened;
      try {
        opened = decryptor.pull(ciphertext, associatedData);
      } catch (caught) {
        if (caught instanceof DecryptionError) throw chunkFailure(`chunk ${chunk} failed authentication`);
        throw caught;
      }
      const last = chunk === count - 1;
      if (last && opened.tag !== 'final') throw chunkFailure('the last chunk is not marked final: the stream was cut');
      if (!last && opened.tag === 'final') throw chunkFailure(`chunk ${chunk} is marked final but more follow`);
      await onPlaintext(opened.plaintext);
    }
  } finally {
    decryptor.dispose();
  }
  if (toHex(hasher.digest()) !== item.hash) {
    throw bundleError(
      'BUNDLE_ITEM_HASH_MISMATCH',
      `Part ${index} of this bundle does not match the hash its sender signed. Do not import it; ask the sender for a new export.`,
      { rule: index === 0 ? '12.2' : '14.2', params: { part: index } },
    );
  }
}

/**
 * Step 8 on its own: hashes every item's ciphertext and compares it with the signed header (no secret, no
 * trust store). The inbox uses it to tell an identical copy of an imported bundle from an altered one.
 */
export async function checkItemHashes(kit: CryptoKit, source: ByteSource, frame: BundleFrame): Promise<void> {
  for (let index = 0; index < frame.header.items.length; index++) await hashItem(kit, source, frame, index);
}

/** Keyless check of item `index`: hash its ciphertext in bounded pieces and compare with the header. */
async function hashItem(kit: CryptoKit, source: ByteSource, frame: BundleFrame, index: number): Promise<void> {
  const span = frame.items[index];
  const item = frame.header.items[index];
  if (!span || !item) throw bundleError('BUNDLE_MALFORMED', 'The bundle refers to an item it does not contain.');
  const hasher = kit.createHasher(64);
  for (let offset = 0; offset < span.length; offset += 1024 * 1024) {
    hasher.update(await readExactly(source, span.offset + offset, Math.min(1024 * 1024, span.length - offset)));
  }
  if (toHex(hasher.digest()) !== item.hash) {
    throw bundleError(
      'BUNDLE_ITEM_HASH_MISMATCH',
      `Part ${index} of this bundle does not match the hash its sender signed: it was altered or damaged. Do not import it; ask the sender for a new copy.`,
      { rule: '8.1', params: { part: index } },
    );
  }
}

async function callSink<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (caught) {
    if (caught instanceof BundleError) throw caught;
    throw bundleError(
      'BUNDLE_IO_FAILED',
      `Could not store an attachment while verifying (${caught instanceof Error ? caught.message : 'write error'}). Check free space and try again; nothing was imported.`,
      { rule: 'IO' },
    );
  }
}

/**
 * Rule 13.3 for an attachment name that is not a plain name (§7.1): which attachment, and its name as it can be
 * shown, so the reader is told which file the sender must rename. Any other schema failure has no details.
 */
function attachmentNameIssue(
  raw: unknown,
  path: readonly PropertyKey[],
): Pick<BundleErrorDetail, 'situation' | 'params'> {
  const [content, list, index, member] = path;
  if (content !== 'content' || list !== 'attachments' || typeof index !== 'number' || member !== 'name') return {};
  const name = nameAt(raw, index);
  return {
    situation: 'attachmentName',
    params: { part: index + 1, ...(name === undefined ? {} : { item: displayableName(name) }) },
  };
}

function nameAt(raw: unknown, index: number): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('content' in raw)) return undefined;
  const content: unknown = raw.content;
  if (typeof content !== 'object' || content === null || !('attachments' in content)) return undefined;
  const attachments: unknown = content.attachments;
  if (!Array.isArray(attachments)) return undefined;
  const entry: unknown = attachments[index];
  if (typeof entry !== 'object' || entry === null || !('name' in entry)) return undefined;
  return typeof entry.name === 'string' ? entry.name : undefined;
}
