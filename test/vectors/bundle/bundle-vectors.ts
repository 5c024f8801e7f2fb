import type { CryptoKit } from '../../../shared/crypto/crypto-kit';
import { buildBundle, type BuildBundleInput } from '../../../shared/bundle/build-bundle';
import type { BundleErrorCode } from '../../../shared/bundle/bundle-error';
import type { BundleKind } from '../../../shared/bundle/bundle-kinds';
import { encodePrologue, HEADER_SIGNATURE_BYTES, PROLOGUE_BYTES } from '../../../shared/bundle/bundle-layout';
import type { PayloadBody } from '../../../shared/bundle/bundle-payloads';
import { memorySink } from '../../../shared/bytes/byte-io';
import { concatBytes, fromHex, toHex, u64be, utf8 } from '../../../shared/bytes/bytes';
import type { JsonValue } from '../../../shared/json/canonical-json';
import { formatFingerprint, officeFingerprint } from '../../../shared/offices/fingerprint';
import { createRevocation } from '../../../shared/offices/revocation';
import { DAY, makeOffice, T0, type TestOffice } from '../../unit/bundle/bundle-fixtures';
import { assemble, craftBundle, editHeader, splitBundle, unwrapAs } from '../../unit/bundle/bundle-tamper';
import { addRuleVectors, V1_VECTOR_RULES } from './rule-vectors';
import { signingOffice } from '../../../shared/offices/signing-office';

/**
 * The committed test vectors of bundle format v1, in the manner of the C2SP/CCTV age vectors: each file is
 * a bundle; the manifest says as whom to open it, with which trust store, clock and replay ledger, and the
 * expected outcome ("ok" or an error code). Everything is derived from fixed seeds and a seeded RNG, so
 * running the generator again reproduces every byte (the test suite checks that too).
 */
export type OfficeName = 'alice' | 'bob' | 'carol' | 'mallory';
export type TrustSetting = 'verified' | 'unverified' | 'revoked';

export type VectorCase = {
  file: string;
  description: string;
  /** Whose secret keys open it; null = no secret (a partner tool). */
  as: OfficeName | null;
  /** Partner offices in the verifier's trust store and their states. */
  trust: Partial<Record<OfficeName, TrustSetting>>;
  now: number;
  ledger: { seen: [OfficeName, string][]; lastSequence: Partial<Record<OfficeName, number>> };
  expect: 'ok' | BundleErrorCode;
  kind?: BundleKind;
  /** The rule of docs/bundle-format.md §11 this vector exercises ("15": plain success). */
  rule: string;
  /** Precedence vectors: every rule the bundle breaks; `expect` is the code of the earliest in §11. */
  faults?: string[];
};

export type VectorManifest = {
  format: string;
  notes: string[];
  offices: Record<OfficeName, { card: JsonValue; signingKey: string; fingerprint: string; signingSeed?: string; boxPrivateKey?: string }>;
  vectors: VectorCase[];
};

const CHUNK = 65536;
const DEFAULT_TRUST: VectorCase['trust'] = { alice: 'verified', bob: 'verified', carol: 'verified' };

/** BLAKE2b in counter mode over a fixed seed: the injected RNG of the generator. Never use outside vectors. */
export function seededRandom(kit: CryptoKit, label: string): (length: number) => Uint8Array {
  const key = kit.hash(utf8(`casebridge test vectors/${label}`), 32);
  let counter = 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += 64) {
      const block = kit.hash(u64be(counter++), 64, key);
      out.set(block.subarray(0, Math.min(64, length - offset)), offset);
    }
    return out;
  };
}

function officeSeeds(label: number) {
  return { signing: new Uint8Array(32).fill(label), box: new Uint8Array(32).fill(label + 100) };
}

export async function generateBundleVectors(kit: CryptoKit): Promise<{ manifest: VectorManifest; files: Record<string, Uint8Array> }> {
  const offices: Record<OfficeName, TestOffice> = {
    alice: makeOffice(kit, 1, 'Office Berlin', 'DE'),
    bob: makeOffice(kit, 2, 'Office Paris', 'FR'),
    carol: makeOffice(kit, 3, 'Office Madrid', 'ES'),
    mallory: makeOffice(kit, 4, 'Office Elsewhere', 'IT'),
  };
  const { alice, bob, carol, mallory } = offices;
  const files: Record<string, Uint8Array> = {};
  const vectors: VectorCase[] = [];
  const add = (name: string, bytes: Uint8Array, description: string, expect: VectorCase['expect'], extra: Partial<VectorCase> = {}) => {
    // Vectors that differ only in how they are opened share one file, to keep the set small.
    const same = Object.entries(files).find(([, existing]) => existing.length === bytes.length && existing.every((byte, i) => byte === bytes[i]));
    const file = same ? same[0] : name;
    files[file] = bytes;
    const rule = extra.rule ?? V1_VECTOR_RULES[name];
    if (rule === undefined) throw new Error(`${name}: no rule of §11 named`);
    vectors.push({ file, description: same ? `${description} (file shared with another vector)` : description, as: 'bob', trust: DEFAULT_TRUST, now: T0 + DAY, ledger: { seen: [], lastSequence: {} }, expect, ...extra, rule });
  };

  async function build<K extends BundleKind>(label: string, kind: K, body: PayloadBody<K>, from: TestOffice, to: TestOffice[], options: Partial<BuildBundleInput<K>> & { sequence?: number } = {}) {
    const sink = memorySink();
    const built = await buildBundle(
      kit,
      { kind, body, sender: signingOffice(kit, from.identity), recipients: to.map((office) => ({ card: office.card, sequence: options.sequence ?? 1 })), createdAt: T0, notAfter: T0 + 7 * DAY, chunkSize: CHUNK, random: seededRandom(kit, label), ...options },
      sink,
    );
    if (!built.ok) throw new Error(`${label}: ${built.error.message}`);
    return sink.bytes();
  }
  const small = (text: string) => ({ name: `${text}.txt`, mediaType: 'text/plain', size: utf8(text).length, bytes: [utf8(text)] });

  // ── Valid bundles of every kind ──────────────────────────────────────────────────────────────────────
  const keyCard = await build('key-card', 'key-card', { card: alice.card }, alice, []);
  add('valid-key-card.bin', keyCard, 'Public key-card bundle of Office Berlin (self-signed, readable without a secret).', 'ok', { as: null, trust: {}, kind: 'key-card' });
  const revocation = createRevocation(signingOffice(kit, carol.identity).signer, 'retired', T0);
  add('valid-revocation.bin', await build('revocation', 'revocation', { revocation }, carol, []), 'Public revocation of Office Madrid by its own key.', 'ok', { as: null, kind: 'revocation' });
  const request = await build('request', 'request', { caseRef: 'CB-2026-0001', case: { title: 'Removal of a report', platform: 'Example Social' }, message: 'Please review.' }, alice, [bob], { attachments: [small('notice'), small('screenshot')] });
  add('valid-request.bin', request, 'Request from Berlin to Paris with two small attachments.', 'ok', { kind: 'request' });
  add('valid-request-keyless.bin', request, 'The same request checked without any secret: signature, trust and item hashes.', 'ok', { as: null, kind: 'request' });
  add('valid-response.bin', await build('response', 'response', { caseRef: 'CB-2026-0001', inReplyTo: '00'.repeat(16), case: { accepted: true } }, alice, [bob], { sequence: 2 }), 'Response.', 'ok', { kind: 'response' });
  add('valid-challenge.bin', await build('challenge', 'challenge', { caseRef: 'CB-2026-0001', grounds: ['manifestly-illegal-not-shown'], case: {} }, alice, [bob], { sequence: 3 }), 'Challenge.', 'ok', { kind: 'challenge' });
  add('valid-decision.bin', await build('decision', 'decision', { caseRef: 'CB-2026-0001', outcome: 'upheld', case: {}, reasons: 'Content restored.' }, alice, [bob], { sequence: 4 }), 'Decision.', 'ok', { kind: 'decision' });
  add('valid-receipt.bin', await build('receipt', 'receipt', { receivedBundleId: '11'.repeat(16), receivedKind: 'request', receivedAt: T0, headerDigest: '22'.repeat(64), status: 'imported' }, alice, [bob], { sequence: 5 }), 'Receipt.', 'ok', { kind: 'receipt' });
  const twoRecipients = await build('two-recipients', 'request', { caseRef: 'CB-2', case: {} }, alice, [bob, carol]);
  add('valid-two-recipients-as-bob.bin', twoRecipients, 'Request to Paris and Madrid, opened by Paris.', 'ok');
  add('valid-two-recipients-as-carol.bin', twoRecipients, 'The same bundle opened by Madrid.', 'ok', { as: 'carol' });
  const multiChunkData = seededRandom(kit, 'multi-chunk-data')(CHUNK + 100);
  const multiChunk = await build('multi-chunk', 'request', { caseRef: 'CB-3', case: {} }, alice, [bob], { attachments: [{ name: 'evidence.bin', mediaType: 'application/octet-stream', size: multiChunkData.length, bytes: [multiChunkData] }] });
  add('valid-multi-chunk.bin', multiChunk, 'Attachment of 65,636 bytes in two chunks (65,536 + 100).', 'ok');

  // ── Framing, truncation, trailing data ───────────────────────────────────────────────────────────────
  const parts = splitBundle(request);
  const bodyStart = PROLOGUE_BYTES + parts.headerBytes.length + HEADER_SIGNATURE_BYTES;
  add('truncated-in-prologue.bin', request.slice(0, 10), 'Cut inside the 14-byte prologue.', 'BUNDLE_TRUNCATED');
  add('truncated-in-header.bin', request.slice(0, PROLOGUE_BYTES + 100), 'Cut inside the header.', 'BUNDLE_TRUNCATED');
  add('truncated-before-body.bin', request.slice(0, bodyStart), 'Cut exactly after the signature.', 'BUNDLE_TRUNCATED');
  add('truncated-last-byte.bin', request.slice(0, request.length - 1), 'Last byte missing.', 'BUNDLE_TRUNCATED');
  const multiParts = splitBundle(multiChunk);
  const multiPayloadSize = (multiParts.header.items as { size: number }[])[0]?.size ?? 0;
  const firstChunk = PROLOGUE_BYTES + multiParts.headerBytes.length + HEADER_SIGNATURE_BYTES + 24 + multiPayloadSize + 17 + 24;
  add('truncated-at-chunk-boundary.bin', multiChunk.slice(0, firstChunk + CHUNK + 17), 'Cut exactly after a full chunk, before the final one.', 'BUNDLE_TRUNCATED');
  add('trailing-byte.bin', concatBytes(request, new Uint8Array([0])), 'One byte after the end.', 'BUNDLE_TRAILING_DATA');
  const noFinal = craftBundle(kit, { sender: alice, recipients: [{ office: bob, sequence: 1 }], tag: () => 'message', random: seededRandom(kit, 'no-final') });
  add('no-final-tag.bin', noFinal.bytes, 'Signed, sizes consistent, but the last chunk is not TAG_FINAL (a stream cut at a chunk boundary).', 'BUNDLE_CHUNK_INVALID');
  const duplicated = multiChunk.slice();
  duplicated.set(multiChunk.subarray(firstChunk, firstChunk + 117), firstChunk + CHUNK + 17);
  add('chunk-replaced.bin', duplicated, 'Final chunk replaced by the start of the first chunk.', 'BUNDLE_CHUNK_INVALID');

  // ── Prologue and header encoding ─────────────────────────────────────────────────────────────────────
  const badMagic = request.slice();
  badMagic[0] = 0x58;
  add('bad-magic.bin', badMagic, 'First byte changed: not a Casebridge bundle.', 'BUNDLE_MALFORMED');
  add('prologue-version-2.bin', assemble(kit, parts.headerBytes, parts.body, alice.identity, 2), 'Prologue declares format version 2.', 'BUNDLE_VERSION_UNSUPPORTED');
  add('header-version-2.bin', editHeader(kit, request, (h) => void (h.version = 2), alice.identity), 'Header declares version 2 (signed).', 'BUNDLE_VERSION_UNSUPPORTED');
  add('unknown-suite.bin', editHeader(kit, request, (h) => void (h.suite = 'cb2:mldsa'), alice.identity), 'Unknown algorithm suite (signed).', 'BUNDLE_ALGORITHM_UNSUPPORTED');
  add('critical-extension.bin', editHeader(kit, request, (h) => void (h.extensions = { '!compression': 'zstd' }), alice.identity), 'Unknown critical extension (signed).', 'BUNDLE_CRITICAL_EXTENSION_UNKNOWN');
  add('noncritical-extension.bin', editHeader(kit, request, (h) => void (h.extensions = { 'courier-note': 'blue envelope' }), alice.identity), 'Unknown non-critical extension is ignored.', 'ok');
  add('unknown-field.bin', editHeader(kit, request, (h) => void (h.compression = 'none'), alice.identity), 'Unknown top-level header field (signed).', 'BUNDLE_MALFORMED');
  const text = new TextDecoder().decode(parts.headerBytes);
  const rawHeader = (label: string, variant: string, description: string, code: BundleErrorCode) => {
    if (variant === text) throw new Error(`${label}: variant did not change the header`);
    add(label, assemble(kit, utf8(variant), parts.body, alice.identity), description, code);
  };
  rawHeader('duplicate-key.bin', text.replace('{"bundleId"', `{"bundleId":"${'00'.repeat(16)}","bundleId"`), 'Header repeats the key "bundleId" (signed).', 'BUNDLE_NONCANONICAL');
  rawHeader('whitespace.bin', text.replace('{"bundleId":', '{ "bundleId":'), 'Header has a space after "{" (signed).', 'BUNDLE_NONCANONICAL');
  rawHeader('unsorted-keys.bin', text.replace(/^\{("bundleId":"[0-9a-f]+"),("chunkSize":\d+),/, '{$2,$1,'), 'Header keys out of order (signed).', 'BUNDLE_NONCANONICAL');
  rawHeader('float.bin', text.replace(/"chunkSize":(\d+)/, '"chunkSize":$1.0'), 'Header has a number with a fraction (signed).', 'BUNDLE_NONCANONICAL');
  rawHeader('escaped-char.bin', text.replace('"kind":"request"', '"kind":"\\u0072equest"'), 'Header escapes a character that needs no escape (signed).', 'BUNDLE_NONCANONICAL');
  rawHeader('non-nfc.bin', text.replace('"items":', '"extensions":{"note":"Cafe\u0301"},"items":'), 'Header string not in Unicode NFC (signed).', 'BUNDLE_NONCANONICAL');
  rawHeader('uppercase-hex.bin', text.replace(String(parts.header.bundleId), String(parts.header.bundleId).toUpperCase()), 'Bundle id in upper-case hex (signed).', 'BUNDLE_MALFORMED');

  // ── Limits and lying sizes ───────────────────────────────────────────────────────────────────────────
  add('header-over-limit.bin', concatBytes(encodePrologue(1024 * 1024 + 1), new Uint8Array(16)), 'Prologue declares a header of 1 MiB + 1.', 'BUNDLE_LIMIT_EXCEEDED');
  const fakeRecipients = Array.from({ length: 17 }, (_, i) => ({ signingKey: toHex(new Uint8Array(32).fill(i + 10)), sequence: 1, wrap: '00'.repeat(88) }));
  add('too-many-recipients.bin', editHeader(kit, request, (h) => void (h.recipients = fakeRecipients), alice.identity), '17 recipients (limit 16), signed.', 'BUNDLE_LIMIT_EXCEEDED');
  add('chunk-size-too-small.bin', editHeader(kit, request, (h) => void (h.chunkSize = 4096), alice.identity), 'Chunk size 4096 (minimum 65536), signed.', 'BUNDLE_LIMIT_EXCEEDED');
  const resize = (delta: number) => (h: Record<string, JsonValue>) => {
    const items = h.items as { size: number; hash: string }[];
    const item = items[1];
    if (item) items[1] = { ...item, size: item.size + delta };
  };
  add('size-lies-bigger.bin', editHeader(kit, request, resize(1), alice.identity), 'Attachment declared one byte bigger than it is (signed).', 'BUNDLE_TRUNCATED');
  add('size-lies-smaller.bin', editHeader(kit, request, resize(-1), alice.identity), 'Attachment declared one byte smaller than it is (signed).', 'BUNDLE_TRAILING_DATA');

  // ── Signatures and signers ───────────────────────────────────────────────────────────────────────────
  const flippedSignature = request.slice();
  flippedSignature[bodyStart - 1] = (flippedSignature[bodyStart - 1] ?? 0) ^ 1;
  add('signature-flipped.bin', flippedSignature, 'One bit of the signature flipped.', 'BUNDLE_SIGNATURE_INVALID');
  add('signature-zeroed.bin', assemble(kit, parts.headerBytes, parts.body, new Uint8Array(64)), 'Signature replaced by zeros (stripped).', 'BUNDLE_SIGNATURE_INVALID');
  add('header-field-changed.bin', editHeader(kit, request, (h) => void (h.createdAt = T0 - 1000), null), 'createdAt changed, signature kept.', 'BUNDLE_SIGNATURE_INVALID');
  const fromMallory = await build('from-mallory', 'request', { caseRef: 'CB-4', case: {} }, mallory, [bob]);
  add('signer-unknown.bin', fromMallory, 'Signed by an office not in the trust store.', 'BUNDLE_SIGNER_UNKNOWN');
  add('signer-unverified.bin', request, 'Signed by an office imported but not verified.', 'BUNDLE_SIGNER_UNVERIFIED', { trust: { alice: 'unverified' } });
  add('signer-revoked.bin', request, 'Signed by a revoked key.', 'BUNDLE_SIGNER_REVOKED', { trust: { alice: 'revoked' } });
  add('signer-card-expired.bin', request, 'Opened after the signer\'s key card (valid one year) expired.', 'BUNDLE_SIGNER_EXPIRED', { now: T0 + 366 * DAY });
  add('resigned-by-other-office.bin', editHeader(kit, request, (h) => void (h.sender = mallory.card.card.signingKey), mallory.identity), 'Berlin\'s bundle re-signed by another trusted office as its own.', 'BUNDLE_KEY_WRAP_INVALID', { trust: { ...DEFAULT_TRUST, mallory: 'verified' } });
  const contentKey = unwrapAs(kit, request, bob, fromHex(alice.card.card.boxKey, 32) ?? new Uint8Array(32));
  const forwardNonce = seededRandom(kit, 'forward')(24);
  const forwardWrap = kit.box(concatBytes(fromHex(String(parts.header.bundleId), 16) ?? new Uint8Array(16), contentKey), forwardNonce, fromHex(carol.card.card.boxKey, 32) ?? new Uint8Array(32), bob.identity.boxPrivateKeyPlaintext);
  const forwarded = editHeader(kit, request, (h) => {
    h.sender = bob.card.card.signingKey;
    h.recipients = [{ signingKey: carol.card.card.signingKey, sequence: 1, wrap: toHex(concatBytes(forwardNonce, forwardWrap)) }];
  }, bob.identity);
  add('forwarded-by-recipient.bin', forwarded, 'Paris re-addressed Berlin\'s bundle to Madrid and signed it: the inner signature is Berlin\'s.', 'BUNDLE_INNER_SIGNATURE_INVALID', { as: 'carol' });
  add('not-for-us.bin', await build('to-carol', 'request', { caseRef: 'CB-5', case: {} }, alice, [carol]), 'Addressed to Madrid, opened by Paris.', 'BUNDLE_NOT_FOR_US');
  const toCarol = await build('to-carol-2', 'request', { caseRef: 'CB-6', case: {} }, alice, [carol]);
  const bobEntry = (parts.header.recipients as JsonValue[])[0] ?? null;
  add('copied-recipient-entry.bin', editHeader(kit, toCarol, (h) => void (h.recipients = [bobEntry]), alice.identity), 'Paris\'s key wrap copied from another bundle (re-signed by the sender\'s key).', 'BUNDLE_KEY_WRAP_INVALID');

  // ── Times, replay, order ─────────────────────────────────────────────────────────────────────────────
  add('expired.bin', request, 'Opened eight days after creation (valid seven).', 'BUNDLE_EXPIRED', { now: T0 + 8 * DAY });
  add('not-yet-valid.bin', request, 'Opened a day before its creation time.', 'BUNDLE_NOT_YET_VALID', { now: T0 - DAY });
  add('replayed.bin', request, 'Bundle id already in the ledger.', 'BUNDLE_REPLAYED', { ledger: { seen: [['alice', String(parts.header.bundleId)]], lastSequence: {} } });
  add('sequence-old.bin', request, 'Sequence 1, but 3 was already accepted from Berlin.', 'BUNDLE_SEQUENCE_OLD', { ledger: { seen: [], lastSequence: { alice: 3 } } });

  // ── Content ──────────────────────────────────────────────────────────────────────────────────────────
  const flippedPayload = request.slice();
  flippedPayload[bodyStart + 40] = (flippedPayload[bodyStart + 40] ?? 0) ^ 1;
  add('payload-bit-flip.bin', flippedPayload, 'One bit of the payload ciphertext flipped.', 'BUNDLE_CHUNK_INVALID');
  add('payload-bit-flip-keyless.bin', flippedPayload, 'The same, checked without a secret.', 'BUNDLE_ITEM_HASH_MISMATCH', { as: null });
  const mismatch = craftBundle(kit, {
    sender: alice,
    recipients: [{ office: bob, sequence: 1 }],
    content: (bundleId) => ({ bundleId, kind: 'request', sender: alice.card.card.signingKey, recipients: [carol.card.card.signingKey], createdAt: T0, body: { caseRef: 'X', case: {} }, attachments: [] }),
    random: seededRandom(kit, 'inner-mismatch'),
  });
  add('inner-recipients-differ.bin', mismatch.bytes, 'The signed content names Madrid; the header names Paris.', 'BUNDLE_INNER_MISMATCH');
  const attachmentData = utf8('attachment bytes');
  const wrongHash = craftBundle(kit, {
    sender: alice,
    recipients: [{ office: bob, sequence: 1 }],
    attachments: [attachmentData],
    content: (bundleId) => ({ bundleId, kind: 'request', sender: alice.card.card.signingKey, recipients: [bob.card.card.signingKey], createdAt: T0, body: { caseRef: 'X', case: {} }, attachments: [{ name: 'a.txt', mediaType: 'text/plain', size: attachmentData.length, blake2b256: '00'.repeat(32) }] }),
    random: seededRandom(kit, 'attachment-hash'),
  });
  add('attachment-hash-mismatch.bin', wrongHash.bytes, 'Attachment plaintext does not match the hash in the signed content.', 'BUNDLE_ATTACHMENT_MISMATCH');

  // ── Format v1.1: every rule of §11, precedence pairs and boundaries (rule-vectors.ts) ─────────────────
  await addRuleVectors({ kit, offices, add, build, random: (label) => seededRandom(kit, label), request, keyCard, revocation: await build('revocation', 'revocation', { revocation }, carol, []), twoRecipients, fromMallory, revocationStatement: (revokedAt) => createRevocation(signingOffice(kit, carol.identity).signer, 'retired', revokedAt) });

  const secretsOf = (name: OfficeName, label: number) => ({
    signingSeed: toHex(officeSeeds(label).signing),
    boxPrivateKey: toHex(offices[name].identity.boxPrivateKeyPlaintext),
  });
  const publicOf = (office: TestOffice) => ({
    card: office.card,
    signingKey: office.card.card.signingKey,
    fingerprint: formatFingerprint(officeFingerprint(kit, office.identity.signingPublicKey)),
  });
  const manifest: VectorManifest = {
    format: 'casebridge-bundle v1 test vectors (format text v1.1)',
    notes: [
      'Times are milliseconds since the Unix epoch (UTC). Open each file as "as" (null: no secret), with the trust store "trust" (office -> state), the clock "now" and the replay ledger "ledger"; the result must be "expect".',
      'Secret keys below are test-only: signingSeed is the Ed25519 seed, boxPrivateKey the X25519 private key. Never use them for anything else.',
      'fingerprint is the 60-digit office fingerprint of signingKey (docs/bundle-format.md §9.3), for checking an implementation of it.',
      'Verification policy: maximum validity 90 days, clock skew 10 minutes (the format defaults).',
      'rule is the rule of docs/bundle-format.md §11 a vector exercises ("15": success); faults, when present, lists every rule the bundle breaks, and expect is the code of the earliest of them in §11.',
    ],
    offices: {
      alice: { ...publicOf(alice) },
      bob: { ...publicOf(bob), ...secretsOf('bob', 2) },
      carol: { ...publicOf(carol), ...secretsOf('carol', 3) },
      mallory: { ...publicOf(mallory) },
    },
    vectors,
  };
  return { manifest, files };
}

export const VECTOR_SEEDS = { officeSeeds };
