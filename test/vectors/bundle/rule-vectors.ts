import { signingOffice } from '../../../shared/offices/signing-office';
import type { CryptoKit } from '../../../shared/crypto/crypto-kit';
import type { BuildBundleInput } from '../../../shared/bundle/build-bundle';
import type { BundleErrorCode } from '../../../shared/bundle/bundle-error';
import type { BundleKind } from '../../../shared/bundle/bundle-kinds';
import { encodePrologue, HEADER_SIGNATURE_BYTES, PROLOGUE_BYTES } from '../../../shared/bundle/bundle-layout';
import type { PayloadBody } from '../../../shared/bundle/bundle-payloads';
import { signDomain } from '../../../shared/bundle/signing-domains';
import { concatBytes, fromHex, toHex, utf8 } from '../../../shared/bytes/bytes';
import { canonicalJson, canonicalJsonBytes, type JsonValue } from '../../../shared/json/canonical-json';
import { createKeyCard, type SignedKeyCard } from '../../../shared/offices/key-card';
import type { SignedRevocation } from '../../../shared/offices/revocation';
import { DAY, T0, type TestOffice } from '../../unit/bundle/bundle-fixtures';
import { assemble, craftBundle, editHeader, splitBundle, type CraftOptions } from '../../unit/bundle/bundle-tamper';
import type { OfficeName, VectorCase } from './bundle-vectors';
import { createOversightExport } from '../../../shared/oversight/oversight-audit-export';

/**
 * The §11 rule each v1 vector exercises (docs/bundle-format.md). Valid vectors name "15" (success) or the rule
 * whose edge they sit on. Kept here, beside the v1.1 vectors, so the v1 call sites stay as they were.
 */
export const V1_VECTOR_RULES: Record<string, string> = {
  'valid-key-card.bin': '15',
  'valid-revocation.bin': '15',
  'valid-request.bin': '15',
  'valid-request-keyless.bin': '8.1',
  'valid-response.bin': '15',
  'valid-challenge.bin': '15',
  'valid-decision.bin': '15',
  'valid-receipt.bin': '15',
  'valid-two-recipients-as-bob.bin': '9.1',
  'valid-two-recipients-as-carol.bin': '9.1',
  'valid-multi-chunk.bin': '14.1',
  'truncated-in-prologue.bin': '1.1',
  'truncated-in-header.bin': '2.1',
  'truncated-before-body.bin': '4.1',
  'truncated-last-byte.bin': '4.1',
  'truncated-at-chunk-boundary.bin': '4.1',
  'trailing-byte.bin': '4.2',
  'no-final-tag.bin': '12.1',
  'chunk-replaced.bin': '14.1',
  'bad-magic.bin': '1.2',
  'prologue-version-2.bin': '1.3',
  'header-version-2.bin': '3.4',
  'unknown-suite.bin': '3.5',
  'critical-extension.bin': '3.6',
  'noncritical-extension.bin': '3.6',
  'unknown-field.bin': '3.8',
  'duplicate-key.bin': '3.2',
  'whitespace.bin': '3.2',
  'unsorted-keys.bin': '3.2',
  'float.bin': '3.2',
  'escaped-char.bin': '3.2',
  'non-nfc.bin': '3.2',
  'uppercase-hex.bin': '3.8',
  'header-over-limit.bin': '1.4',
  'too-many-recipients.bin': '3.7',
  'chunk-size-too-small.bin': '3.7',
  'size-lies-bigger.bin': '4.1',
  'size-lies-smaller.bin': '4.2',
  'signature-flipped.bin': '5.1',
  'signature-zeroed.bin': '5.1',
  'header-field-changed.bin': '5.1',
  'signer-unknown.bin': '6.2',
  'signer-unverified.bin': '6.3',
  'signer-revoked.bin': '6.1',
  'signer-card-expired.bin': '6.4',
  'resigned-by-other-office.bin': '11.1',
  'forwarded-by-recipient.bin': '13.4',
  'not-for-us.bin': '9.1',
  'copied-recipient-entry.bin': '11.1',
  'expired.bin': '7.2',
  'not-yet-valid.bin': '7.1',
  'replayed.bin': '10.1',
  'sequence-old.bin': '10.2',
  'payload-bit-flip.bin': '12.1',
  'payload-bit-flip-keyless.bin': '8.1',
  'inner-recipients-differ.bin': '13.5',
  'attachment-hash-mismatch.bin': '14.3',
};

type Add = (
  name: string,
  bytes: Uint8Array,
  description: string,
  expect: VectorCase['expect'],
  extra?: Partial<VectorCase>,
) => void;
type Build = <K extends BundleKind>(
  label: string,
  kind: K,
  body: PayloadBody<K>,
  from: TestOffice,
  to: TestOffice[],
  options?: Partial<BuildBundleInput<K>> & { sequence?: number },
) => Promise<Uint8Array>;

export type RuleVectorContext = {
  kit: CryptoKit;
  offices: Record<OfficeName, TestOffice>;
  add: Add;
  build: Build;
  random: (label: string) => (length: number) => Uint8Array;
  /** The valid request from Berlin to Paris with two attachments, the public key card and revocation. */
  request: Uint8Array;
  keyCard: Uint8Array;
  revocation: Uint8Array;
  twoRecipients: Uint8Array;
  fromMallory: Uint8Array;
  /** Madrid's own revocation of its key, dated `revokedAt`. */
  revocationStatement: (revokedAt: number) => SignedRevocation;
};

const SKEW = 10 * 60 * 1000;
/** Ed25519 group order L. */
const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;

/**
 * Vectors added in format v1.1: one for every rule of §11 that had none, one per precedence pair (a bundle that
 * breaks two rules expects the earlier rule's code; `faults` lists both), and valid vectors on the boundaries.
 */
export async function addRuleVectors(ctx: RuleVectorContext): Promise<void> {
  const { kit, offices, add, build, random, request, keyCard, revocation, twoRecipients, fromMallory, revocationStatement } = ctx;
  const { alice, bob, carol, mallory } = offices;
  const parts = splitBundle(request);
  const text = new TextDecoder().decode(parts.headerBytes);
  const signed = (edit: (h: Record<string, JsonValue>) => void, from: Uint8Array = request) =>
    editHeader(kit, from, edit, alice.identity);
  const raw = (variant: string, from: Uint8Array = request) => {
    if (variant === text) throw new Error('variant did not change the header');
    return assemble(kit, utf8(variant), splitBundle(from).body, alice.identity);
  };
  const bodyStart = (bytes: Uint8Array) => PROLOGUE_BYTES + splitBundle(bytes).headerBytes.length + HEADER_SIGNATURE_BYTES;
  const flip = (bytes: Uint8Array, at: number) => {
    const copy = bytes.slice();
    copy[at] = (copy[at] ?? 0) ^ 1;
    return copy;
  };
  const fault = (rule: string, faults?: string[]): Partial<VectorCase> => (faults ? { rule, faults } : { rule });
  const craft = (label: string, options: Omit<CraftOptions, 'random'>) =>
    craftBundle(kit, { ...options, random: random(label) }).bytes;
  const toBob = [{ office: bob, sequence: 1 }];
  const contentFor =
    (overrides: Record<string, JsonValue> = {}, sender: TestOffice = alice, kind = 'request') =>
    (bundleId: string): Record<string, JsonValue> => ({
      bundleId,
      kind,
      sender: sender.card.card.signingKey,
      recipients: kind === 'request' ? [bob.card.card.signingKey] : [],
      createdAt: T0,
      body: { caseRef: 'CB-7', case: {} },
      attachments: [],
      ...overrides,
    });
  const descriptor = (name: string, data: Uint8Array, hash = toHex(kit.hash(data, 32))) => ({
    name,
    mediaType: 'text/plain',
    size: data.length,
    blake2b256: hash,
  });

  // ── Step 1–2: prologue ───────────────────────────────────────────────────────────────────────────────
  add('header-length-zero.bin', concatBytes(encodePrologue(0), new Uint8Array(80)), 'Prologue declares a header of 0 bytes.', 'BUNDLE_MALFORMED', fault('1.5'));
  const badMagicShort = request.slice(0, 10);
  badMagicShort[0] = 0x58;
  add('prec-truncated-over-magic.bin', badMagicShort, '10 bytes with a wrong magic: too short comes first.', 'BUNDLE_TRUNCATED', fault('1.1', ['1.1', '1.2']));
  add('prec-version-over-length.bin', concatBytes(encodePrologue(0, 2), new Uint8Array(80)), 'Prologue version 2 and header length 0.', 'BUNDLE_VERSION_UNSUPPORTED', fault('1.3', ['1.3', '1.5']));

  // ── Step 3: header JSON (§2) ─────────────────────────────────────────────────────────────────────────
  add('header-bom.bin', assemble(kit, concatBytes(new Uint8Array([0xef, 0xbb, 0xbf]), parts.headerBytes), parts.body, alice.identity), 'Header starts with a UTF-8 byte-order mark (signed): not JSON.', 'BUNDLE_MALFORMED', fault('3.1'));
  add('header-leading-zero.bin', raw(text.replace(/"createdAt":(\d+)/, '"createdAt":0$1')), 'createdAt written with a leading zero (signed): not JSON.', 'BUNDLE_MALFORMED', fault('3.1'));
  add('header-plus-sign.bin', raw(text.replace(/"chunkSize":(\d+)/, '"chunkSize":+$1')), 'chunkSize written with a "+" (signed): not JSON.', 'BUNDLE_MALFORMED', fault('3.1'));
  add('header-minus-zero.bin', raw(text.replace(/"items":/, '"extensions":{"n":-0},"items":')), 'An extension value -0 (signed): JSON, but not canonical.', 'BUNDLE_NONCANONICAL', fault('3.2'));
  // The header object is depth 1 and "extensions" depth 2, so 30 more arrays reach 32; 31 reach 33.
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  add('header-depth-32.bin', raw(text.replace('"items":', `"extensions":{"deep":${nested(30)}},"items":`)), 'Header nested exactly 32 containers deep (an empty array innermost): accepted.', 'ok', fault('3.1'));
  add('header-depth-33.bin', raw(text.replace('"items":', `"extensions":{"deep":${nested(31)}},"items":`)), 'Header nested 33 containers deep, the innermost empty: refused.', 'BUNDLE_MALFORMED', fault('3.1'));
  add('header-not-object.bin', raw('["CASEBNDL"]'), 'Header is a canonical JSON array (signed).', 'BUNDLE_MALFORMED', fault('3.3'));
  add('prec-syntax-over-noncanonical.bin', raw(text.replace(/"chunkSize":(\d+)/, '"chunkSize":$1.0').replace(/\}$/, '}x')), 'A fraction early in the header and junk after its end: not JSON wins over non-canonical.', 'BUNDLE_MALFORMED', fault('3.1', ['3.1', '3.2']));
  add('prec-duplicate-key-then-syntax.bin', raw(text.replace('{"bundleId"', `{"bundleId":"${'00'.repeat(16)}","bundleId"`).replace(/\}$/, ',}')), 'A duplicate key, then a trailing comma: the duplicate does not decide, the syntax error does.', 'BUNDLE_MALFORMED', fault('3.1', ['3.1', '3.2']));
  const version2 = new TextDecoder().decode(canonicalJsonBytes({ ...parts.header, version: 2 }));
  add('prec-noncanonical-over-version.bin', raw(version2.replace('{"bundleId":', '{ "bundleId":')), 'Whitespace and version 2: canonical form is checked first.', 'BUNDLE_NONCANONICAL', fault('3.2', ['3.2', '3.4']));

  // ── Step 3: members ──────────────────────────────────────────────────────────────────────────────────
  add('version-string.bin', signed((h) => void (h.version = '1')), 'version is the string "1" (signed).', 'BUNDLE_VERSION_UNSUPPORTED', fault('3.4'));
  add('suite-missing.bin', signed((h) => void delete h.suite), 'No suite member (signed).', 'BUNDLE_ALGORITHM_UNSUPPORTED', fault('3.5'));
  add('critical-extension-bad-name.bin', signed((h) => void (h.extensions = { '!Foo': true })), 'Extension "!Foo": critical, although the name fails the pattern.', 'BUNDLE_CRITICAL_EXTENSION_UNKNOWN', fault('3.6'));
  add('extension-bad-name.bin', signed((h) => void (h.extensions = { Foo: true })), 'Extension "Foo" (not critical) fails the name pattern.', 'BUNDLE_MALFORMED', fault('3.8'));
  add('chunk-size-string.bin', signed((h) => void (h.chunkSize = '65536')), 'chunkSize is a string: the limit rule skips it, the schema refuses it.', 'BUNDLE_MALFORMED', fault('3.8'));
  add('null-member.bin', signed((h) => void (h.publicContentKey = null)), 'publicContentKey is null.', 'BUNDLE_MALFORMED', fault('3.8'));
  add('zero-items.bin', signed((h) => void (h.items = [])), 'items is empty.', 'BUNDLE_MALFORMED', fault('3.8'));
  add('prec-version-over-suite.bin', signed((h) => Object.assign(h, { version: 2, suite: 'cb2:x' })), 'Version 2 and an unknown suite.', 'BUNDLE_VERSION_UNSUPPORTED', fault('3.4', ['3.4', '3.5']));
  add('prec-suite-over-critical.bin', signed((h) => Object.assign(h, { suite: 'cb2:x', extensions: { '!x': 1 } })), 'Unknown suite and a critical extension.', 'BUNDLE_ALGORITHM_UNSUPPORTED', fault('3.5', ['3.5', '3.6']));
  add('prec-critical-over-limit.bin', signed((h) => Object.assign(h, { chunkSize: 4096, extensions: { '!x': 1 } })), 'A critical extension and a chunk size under the minimum.', 'BUNDLE_CRITICAL_EXTENSION_UNKNOWN', fault('3.6', ['3.6', '3.7']));
  add('prec-limit-over-schema.bin', signed((h) => Object.assign(h, { chunkSize: 4096, compression: 'none' })), 'A chunk size under the minimum and an unknown member.', 'BUNDLE_LIMIT_EXCEEDED', fault('3.7', ['3.7', '3.8']));

  // ── Step 3.9: rules between members ──────────────────────────────────────────────────────────────────
  const twoParts = splitBundle(twoRecipients);
  const [first, second] = twoParts.header.recipients as JsonValue[];
  const signedTwo = (edit: (h: Record<string, JsonValue>) => void) => signed(edit, twoRecipients);
  add('no-recipients-request.bin', signed((h) => void (h.recipients = [])), 'A request with no recipients (and so no publicContentKey either).', 'BUNDLE_MALFORMED', fault('3.9.1', ['3.9.1', '3.9.3']));
  add('key-card-with-recipient.bin', signed((h) => {
    h.recipients = [first ?? null];
    delete h.publicContentKey;
  }, keyCard), 'A key-card bundle addressed to a recipient.', 'BUNDLE_MALFORMED', fault('3.9.2'));
  add('public-key-missing.bin', signed((h) => void delete h.publicContentKey, revocation), 'A public revocation without publicContentKey.', 'BUNDLE_MALFORMED', fault('3.9.3'));
  const keyCardItems = splitBundle(keyCard).header.items as JsonValue[];
  add('key-card-with-attachment.bin', signed((h) => void (h.items = [...keyCardItems, { size: 0, hash: '00'.repeat(64) }]), keyCard), 'A key-card bundle whose header lists an attachment: refused at the header, before size and trust.', 'BUNDLE_MALFORMED', fault('3.9.4', ['3.9.4', '4.1']));
  add('duplicate-recipient.bin', signedTwo((h) => void (h.recipients = [first ?? null, first ?? null])), 'The same recipient twice.', 'BUNDLE_MALFORMED', fault('3.9.5'));
  add('unsorted-recipients.bin', signedTwo((h) => void (h.recipients = [second ?? null, first ?? null])), 'Two recipients in descending key order.', 'BUNDLE_NONCANONICAL', fault('3.9.6'));
  add('first-pair-decides.bin', signedTwo((h) => void (h.recipients = [second ?? null, first ?? null, first ?? null])), 'Recipients B, A, A: the first pair (descending) decides, not the later duplicate.', 'BUNDLE_NONCANONICAL', fault('3.9.6'));
  add('not-after-equals-created.bin', signed((h) => void (h.notAfter = T0)), 'notAfter equals createdAt.', 'BUNDLE_MALFORMED', fault('3.9.7'));
  add('validity-367-days.bin', signed((h) => void (h.notAfter = T0 + 367 * DAY)), 'Valid for 367 days (format maximum 366).', 'BUNDLE_LIMIT_EXCEEDED', fault('3.9.8'));
  const huge = { size: 2 ** 40, hash: '00'.repeat(64) };
  add('total-over-limit.bin', signed((h) => void (h.items = [...(h.items as JsonValue[]), huge, huge, huge, huge])), 'Four more attachments of 2^40 bytes each: the total is over 2^42.', 'BUNDLE_LIMIT_EXCEEDED', fault('3.9.9', ['3.9.9', '4.1']));
  add('prec-schema-over-rules.bin', signedTwo((h) => Object.assign(h, { recipients: [second ?? null, first ?? null], compression: 'none' })), 'An unknown member and unsorted recipients.', 'BUNDLE_MALFORMED', fault('3.8', ['3.8', '3.9.6']));
  add('prec-unsorted-over-times.bin', signedTwo((h) => Object.assign(h, { recipients: [second ?? null, first ?? null], notAfter: T0 })), 'Unsorted recipients and notAfter equal to createdAt.', 'BUNDLE_NONCANONICAL', fault('3.9.6', ['3.9.6', '3.9.7']));

  // ── Steps 4–5: size and signature ────────────────────────────────────────────────────────────────────
  const unsignedChange = editHeader(kit, request, (h) => void (h.createdAt = T0 - 1000), null);
  add('prec-size-over-signature.bin', concatBytes(unsignedChange, new Uint8Array([0])), 'A header changed without re-signing, and a byte after the end.', 'BUNDLE_TRAILING_DATA', fault('4.2', ['4.2', '5.1']));
  const signature = request.subarray(bodyStart(request) - 64, bodyStart(request));
  const s = [...signature.subarray(32)].reduceRight((value, byte) => (value << 8n) | BigInt(byte), 0n) + ED25519_L;
  const sBytes = Uint8Array.from({ length: 32 }, (_, i) => Number((s >> BigInt(8 * i)) & 0xffn));
  add('signature-s-not-canonical.bin', assemble(kit, parts.headerBytes, parts.body, concatBytes(signature.subarray(0, 32), sBytes)), 'The valid signature with S + L in place of S: non-canonical S (§1.2 rule 1).', 'BUNDLE_SIGNATURE_INVALID', fault('5.1'));
  const identityPoint = '01' + '00'.repeat(31);
  const smallOrder = editHeader(kit, request, (h) => void (h.sender = identityPoint), null);
  const smallOrderSignature = concatBytes(fromHex(identityPoint, 32) ?? new Uint8Array(32), new Uint8Array(32));
  const smallParts = splitBundle(smallOrder);
  add('signature-small-order-key.bin', assemble(kit, smallParts.headerBytes, smallParts.body, smallOrderSignature), 'Sender key and R are the identity point and S = 0: verifies for any message without the small-order rules of §1.2.', 'BUNDLE_SIGNATURE_INVALID', fault('5.1'));
  add('prec-signature-over-signer.bin', flip(fromMallory, bodyStart(fromMallory) - 1), 'A flipped signature bit on a bundle from an unknown office.', 'BUNDLE_SIGNATURE_INVALID', fault('5.1', ['5.1', '6.2']));

  // ── Steps 6–7: signer and times, with their boundaries ───────────────────────────────────────────────
  add('revocation-from-unverified.bin', revocation, 'A revocation from an office imported but not verified: allowed (rule 6.3 skips revocations).', 'ok', { as: null, trust: { carol: 'unverified' }, kind: 'revocation', rule: '6.3' });
  add('prec-revoked-over-expired.bin', request, 'A revoked signer and an expired bundle.', 'BUNDLE_SIGNER_REVOKED', { trust: { alice: 'revoked' }, now: T0 + 8 * DAY, ...fault('6.1', ['6.1', '7.2']) });
  add('prec-unknown-over-expired.bin', fromMallory, 'An unknown signer and an expired bundle.', 'BUNDLE_SIGNER_UNKNOWN', { now: T0 + 8 * DAY, ...fault('6.2', ['6.2', '7.2']) });
  add('prec-unverified-over-not-yet-valid.bin', request, 'An unverified signer and a bundle from the future.', 'BUNDLE_SIGNER_UNVERIFIED', { trust: { alice: 'unverified' }, now: T0 - DAY, ...fault('6.3', ['6.3', '7.1']) });
  add('prec-signer-expired-over-expired.bin', request, 'The signer\'s card and the bundle have both expired.', 'BUNDLE_SIGNER_EXPIRED', { now: T0 + 366 * DAY, ...fault('6.4', ['6.4', '7.2']) });
  const cardEnd = alice.card.card.validUntil;
  const lateRequest = await build('late-request', 'request', { caseRef: 'CB-8', case: {} }, alice, [bob], { createdAt: cardEnd, notAfter: cardEnd + 7 * DAY });
  add('signer-card-skew-edge.bin', lateRequest, 'Opened exactly at the signer card\'s validUntil + 10 minutes: accepted.', 'ok', { now: cardEnd + SKEW, rule: '6.4' });
  add('signer-card-skew-over.bin', lateRequest, 'Opened 1 ms later: the signer\'s card has expired.', 'BUNDLE_SIGNER_EXPIRED', { now: cardEnd + SKEW + 1, rule: '6.4' });
  const cardStart = alice.card.card.validFrom;
  const earlyRequest = await build('early-request', 'request', { caseRef: 'CB-12', case: {} }, alice, [bob], { createdAt: cardStart - DAY, notAfter: cardStart + 6 * DAY });
  add('signer-card-start-edge.bin', earlyRequest, 'Opened 10 minutes before the signer card\'s validFrom: accepted (validFrom − skew).', 'ok', { now: cardStart - SKEW, rule: '6.4' });
  add('signer-card-not-yet-valid.bin', earlyRequest, 'Opened 10 minutes and 1 ms before the signer card\'s validFrom: the card is not valid yet.', 'BUNDLE_SIGNER_EXPIRED', { now: cardStart - SKEW - 1, rule: '6.4' });
  add('created-skew-edge.bin', request, 'Opened 10 minutes before createdAt: accepted (createdAt = now + skew).', 'ok', { now: T0 - SKEW, rule: '7.1' });
  add('created-skew-over.bin', request, 'Opened 10 minutes and 1 ms before createdAt.', 'BUNDLE_NOT_YET_VALID', { now: T0 - SKEW - 1, rule: '7.1' });
  add('expiry-skew-edge.bin', request, 'Opened exactly at notAfter + 10 minutes: accepted.', 'ok', { now: T0 + 7 * DAY + SKEW, rule: '7.2' });
  add('expiry-skew-over.bin', request, 'Opened 1 ms after notAfter + 10 minutes.', 'BUNDLE_EXPIRED', { now: T0 + 7 * DAY + SKEW + 1, rule: '7.2' });
  const longValidity = await build('long-validity', 'request', { caseRef: 'CB-9', case: {} }, alice, [bob], { notAfter: T0 + 91 * DAY });
  add('validity-over-policy.bin', longValidity, 'Valid for 91 days: within the format (366) but over the default policy (90).', 'BUNDLE_LIMIT_EXCEEDED', fault('7.3'));
  add('prec-expired-over-policy.bin', longValidity, 'Valid for 91 days and opened after it expired.', 'BUNDLE_EXPIRED', { now: T0 + 92 * DAY, ...fault('7.2', ['7.2', '7.3']) });
  const toCarol = await build('to-carol', 'request', { caseRef: 'CB-5', case: {} }, alice, [carol]);
  add('prec-not-yet-valid-over-not-for-us.bin', toCarol, 'Created in the future and addressed to another office.', 'BUNDLE_NOT_YET_VALID', { now: T0 - DAY, ...fault('7.1', ['7.1', '9.1']) });

  // ── Steps 8–11 ───────────────────────────────────────────────────────────────────────────────────────
  const flippedPayload = flip(request, bodyStart(request) + 40);
  add('prec-expired-over-item-hash.bin', flippedPayload, 'Without a secret: an expired bundle whose payload was altered.', 'BUNDLE_EXPIRED', { as: null, now: T0 + 8 * DAY, ...fault('7.2', ['7.2', '8.1']) });
  const toCarolId = String(splitBundle(toCarol).header.bundleId);
  add('prec-not-for-us-over-replayed.bin', toCarol, 'Addressed to another office and already in the ledger.', 'BUNDLE_NOT_FOR_US', { ledger: { seen: [['alice', toCarolId]], lastSequence: {} }, ...fault('9.1', ['9.1', '10.1']) });
  add('prec-replayed-over-sequence.bin', request, 'Already imported, and its sequence is old.', 'BUNDLE_REPLAYED', { ledger: { seen: [['alice', String(parts.header.bundleId)]], lastSequence: { alice: 3 } }, ...fault('10.1', ['10.1', '10.2']) });
  const bobEntry = (parts.header.recipients as JsonValue[])[0] ?? null;
  const copiedEntry = signed((h) => void (h.recipients = [bobEntry]), toCarol);
  add('prec-sequence-over-wrap.bin', copiedEntry, 'A key wrap copied from another bundle, with an old sequence number.', 'BUNDLE_SEQUENCE_OLD', { ledger: { seen: [], lastSequence: { alice: 3 } }, ...fault('10.2', ['10.2', '11.1']) });
  const resigned = editHeader(kit, request, (h) => void (h.sender = mallory.card.card.signingKey), mallory.identity);
  add('prec-wrap-over-chunk.bin', flip(resigned, bodyStart(resigned) + 40), 'Re-signed by another trusted office, and a payload bit flipped.', 'BUNDLE_KEY_WRAP_INVALID', { trust: { alice: 'verified', bob: 'verified', carol: 'verified', mallory: 'verified' }, ...fault('11.1', ['11.1', '12.1']) });

  // ── Step 12: the payload item ────────────────────────────────────────────────────────────────────────
  add('prec-chunk-over-hash.bin', flippedPayload, 'A payload bit flipped: the chunk fails before its hash is compared.', 'BUNDLE_CHUNK_INVALID', fault('12.1', ['12.1', '12.2']));
  add('payload-hash-mismatch.bin', craft('payload-hash', { sender: alice, recipients: toBob, editHeader: (h) => {
        const items = h.items as { size: number; hash: string }[];
        const payload = items[0];
        if (payload) items[0] = { ...payload, hash: '00'.repeat(64) };
      } }), 'Intact payload chunks, but items[0].hash in the signed header is wrong.', 'BUNDLE_ITEM_HASH_MISMATCH', fault('12.2'));
  const bigCase = { notes: 'x'.repeat(70_000) };
  add('valid-multi-chunk-payload.bin', await build('multi-chunk-payload', 'request', { caseRef: 'CB-10', case: bigCase }, alice, [bob]), 'A payload of more than 65 536 bytes: two chunks.', 'ok', { rule: '12.1' });

  // ── Step 13: the payload content ─────────────────────────────────────────────────────────────────────
  add('payload-not-json.bin', craft('payload-not-json', { sender: alice, recipients: toBob, payloadBytes: utf8('not json') }), 'The decrypted payload is not JSON.', 'BUNDLE_PAYLOAD_INVALID', fault('13.1'));
  add('payload-too-deep.bin', craft('payload-too-deep', { sender: alice, recipients: toBob, payloadBytes: utf8(nested(33)) }), 'The payload nests 33 containers (the innermost empty).', 'BUNDLE_PAYLOAD_INVALID', fault('13.1'));
  const envelope = (content: Record<string, JsonValue>) => canonicalJson({ content, signature: toHex(signDomain(kit, 'bundlePayload', alice.identity.signingPrivateKeyPlaintext, canonicalJsonBytes(content))) });
  const payloadContent = (bundleId: Uint8Array) => contentFor()(toHex(bundleId));
  // craftBundle draws the bundle id first from its RNG, so the same label gives the same id here.
  const idFor = (label: string) => random(label)(16);
  add('payload-noncanonical.bin', craft('payload-noncanonical', { sender: alice, recipients: toBob, payloadBytes: utf8(envelope(payloadContent(idFor('payload-noncanonical'))).replace('{"content":', '{ "content":')) }), 'The payload is a correctly signed envelope with one space too many.', 'BUNDLE_NONCANONICAL', fault('13.2'));
  add('payload-not-envelope.bin', craft('payload-not-envelope', { sender: alice, recipients: toBob, payloadBytes: utf8('{"hello":"world"}') }), 'The payload is canonical JSON but not an envelope.', 'BUNDLE_PAYLOAD_INVALID', fault('13.3'));
  const data = utf8('attachment bytes');
  add('attachment-name-path.bin', craft('attachment-name-path', { sender: alice, recipients: toBob, attachments: [data], content: contentFor({ attachments: [descriptor('a/../b', data)] }) }), 'An attachment named "a/../b" (signed): not a plain name.', 'BUNDLE_PAYLOAD_INVALID', fault('13.3'));
  add('body-schema-invalid.bin', craft('body-schema', { sender: alice, recipients: toBob, content: contentFor({ body: { case: {} } }) }), 'A request body without caseRef (signed).', 'BUNDLE_PAYLOAD_INVALID', fault('13.7'));
  add('attachment-count-mismatch.bin', craft('attachment-count', { sender: alice, recipients: toBob, attachments: [data], content: contentFor() }), 'One attachment carried, none described (signed).', 'BUNDLE_ATTACHMENT_MISMATCH', fault('13.6'));
  add('prec-payload-syntax-over-noncanonical.bin', craft('payload-syntax', { sender: alice, recipients: toBob, payloadBytes: utf8('{"content": 1.5,') }), 'The payload has whitespace and a fraction, then ends early.', 'BUNDLE_PAYLOAD_INVALID', fault('13.1', ['13.1', '13.2']));
  add('prec-noncanonical-over-envelope.bin', craft('payload-spaced', { sender: alice, recipients: toBob, payloadBytes: utf8('{"hello": "world"}') }), 'The payload has a space and is not an envelope.', 'BUNDLE_NONCANONICAL', fault('13.2', ['13.2', '13.3']));
  add('prec-envelope-over-inner-signature.bin', craft('name-and-signer', { sender: alice, recipients: toBob, innerSigner: mallory.identity, attachments: [data], content: contentFor({ attachments: [descriptor('..', data)] }) }), 'An attachment named ".." and content signed by another key.', 'BUNDLE_PAYLOAD_INVALID', fault('13.3', ['13.3', '13.4']));
  add('prec-inner-signature-over-mismatch.bin', craft('signer-and-recipients', { sender: alice, recipients: toBob, innerSigner: mallory.identity, content: contentFor({ recipients: [carol.card.card.signingKey] }) }), 'Content signed by another key and naming another recipient.', 'BUNDLE_INNER_SIGNATURE_INVALID', fault('13.4', ['13.4', '13.5']));
  add('prec-mismatch-over-attachments.bin', craft('recipients-and-count', { sender: alice, recipients: toBob, attachments: [data], content: contentFor({ recipients: [carol.card.card.signingKey] }) }), 'Content naming another recipient and describing no attachment of one.', 'BUNDLE_INNER_MISMATCH', fault('13.5', ['13.5', '13.6']));
  add('prec-attachments-over-body.bin', craft('count-and-body', { sender: alice, recipients: toBob, attachments: [data], content: contentFor({ body: { case: {} } }) }), 'No descriptor for the attachment, and a body without caseRef.', 'BUNDLE_ATTACHMENT_MISMATCH', fault('13.6', ['13.6', '13.7']));

  // Identity bodies (§7.3): a card that is not the sender's, a card that has expired, a jurisdiction not listed.
  const publicContent = (body: Record<string, JsonValue>, sender: TestOffice) => contentFor({ body }, sender, 'key-card');
  const expiredCard = createKeyCard(signingOffice(kit, alice.identity), { name: alice.name, jurisdiction: 'DE' }, { validFrom: T0 - 60 * DAY, validUntil: T0 - 30 * DAY });
  const keyCardAs = { as: null, trust: {} } satisfies Partial<VectorCase>;
  add('key-card-other-key.bin', craft('key-card-other', { sender: alice, recipients: [], kind: 'key-card', content: publicContent({ card: carol.card }, alice) }), 'A key-card bundle from Berlin carrying Madrid\'s card.', 'BUNDLE_PAYLOAD_INVALID', { ...keyCardAs, ...fault('13.8') });
  add('key-card-expired-card.bin', craft('key-card-expired', { sender: alice, recipients: [], kind: 'key-card', content: publicContent({ card: expiredCard }, alice) }), 'A key-card bundle whose card expired 30 days before the bundle was made.', 'BUNDLE_SIGNER_EXPIRED', { ...keyCardAs, ...fault('13.9') });
  add('prec-card-checks-over-validity.bin', craft('key-card-other-expired', { sender: carol, recipients: [], kind: 'key-card', content: publicContent({ card: expiredCard }, carol) }), 'Madrid sends Berlin\'s expired card: not the sender\'s key (13.8) before expired (13.9).', 'BUNDLE_PAYLOAD_INVALID', { ...keyCardAs, ...fault('13.8', ['13.8', '13.9']) });
  const euCardBody = { ...alice.card.card, jurisdiction: 'EU' };
  const euCard = { card: euCardBody, selfSignature: toHex(signDomain(kit, 'keyCard', alice.identity.signingPrivateKeyPlaintext, canonicalJsonBytes(euCardBody))) } as unknown as SignedKeyCard;
  add('key-card-jurisdiction-eu.bin', craft('key-card-eu', { sender: alice, recipients: [], kind: 'key-card', content: publicContent({ card: euCard }, alice) }), 'A correctly self-signed card naming jurisdiction "EU", which is not in the vocabulary.', 'BUNDLE_PAYLOAD_INVALID', { ...keyCardAs, ...fault('13.7') });

  // ── Step 14: attachments, each finished before the next ──────────────────────────────────────────────
  add('valid-empty-attachment.bin', await build('empty-attachment', 'request', { caseRef: 'CB-11', case: {} }, alice, [bob], { attachments: [{ name: 'empty.txt', mediaType: 'text/plain', size: 0, bytes: [] }] }), 'An attachment of 0 bytes: one FINAL chunk of 17 bytes.', 'ok', { rule: '14.1' });
  add('attachment-ciphertext-hash.bin', craft('attachment-ciphertext-hash', { sender: alice, recipients: toBob, attachments: [data], content: contentFor({ attachments: [descriptor('a.txt', data)] }), editHeader: (h) => void ((h.items as JsonValue[])[1] = { size: data.length, hash: '00'.repeat(64) }) }), 'Intact attachment chunks, but its items[1].hash in the signed header is wrong.', 'BUNDLE_ITEM_HASH_MISMATCH', fault('14.2'));
  const other = utf8('second attachment');
  add('prec-first-attachment-decides.bin', craft('two-attachments', { sender: alice, recipients: toBob, attachments: [data, other], content: contentFor({ attachments: [descriptor('a.txt', data, '00'.repeat(32)), descriptor('b.txt', other)] }), tag: (item, chunk, count) => (item === 2 ? 'message' : chunk === count - 1 ? 'final' : 'message') }), 'Attachment 1 differs from its descriptor and attachment 2 is not FINAL-tagged: attachment 1 is finished first.', 'BUNDLE_ATTACHMENT_MISMATCH', fault('14.3'));
  add('prec-attachment-hash-over-plaintext.bin', craft('attachment-both-hashes', { sender: alice, recipients: toBob, attachments: [data], content: contentFor({ attachments: [descriptor('a.txt', data, '00'.repeat(32))] }), editHeader: (h) => void ((h.items as JsonValue[])[1] = { size: data.length, hash: '00'.repeat(64) }) }), 'Both the ciphertext hash in the header and the plaintext hash in the descriptor are wrong.', 'BUNDLE_ITEM_HASH_MISMATCH', fault('14.2', ['14.2', '14.3']));

  const headerCut = request.slice(0, PROLOGUE_BYTES + 100);
  add('prec-header-cut-over-json.bin', headerCut, 'The file ends inside the header: too short is decided before the cut header is read as JSON.', 'BUNDLE_TRUNCATED', fault('2.1', ['2.1', '3.1']));
  // A revocation signed after the office's card expired still retires the key (rule 6.4 skips revocations).
  const carolEnd = carol.card.card.validUntil;
  const lateRevocation = await build('late-revocation', 'revocation', { revocation: revocationStatement(carolEnd + DAY) }, carol, [], { createdAt: carolEnd + DAY, notAfter: carolEnd + 8 * DAY });
  add('revocation-after-card-expiry.bin', lateRevocation, 'A revocation made a day after the office\'s own card expired: accepted, an expired key may still retire itself.', 'ok', { as: null, now: carolEnd + 2 * DAY, kind: 'revocation', rule: '6.4' });

  // ── Fields added this round: a refused receipt ───────────────────────────────────────────────────────
  add('valid-receipt-refused.bin', await build('receipt-refused', 'receipt', { receivedBundleId: '33'.repeat(16), receivedKind: 'response', receivedAt: T0, headerDigest: '44'.repeat(64), status: 'refused', refusalCode: 'IMPORT_NO_MATCHING_CASE' }, alice, [bob], { sequence: 6 }), 'A receipt saying the received bundle was verified but not applied (refusalCode).', 'ok', { kind: 'receipt', rule: '13.7' });

  // ── The oversight kinds (§7.4): Paris reports to its oversight body Madrid, which recommends and is answered ─────
  const quarter = { from: '2026-07-01T00:00:00Z', to: '2026-10-01T00:00:00Z' };
  // A real signed oversight audit export (docs/reports.md): Paris recorded nothing in the quarter, so no case and
  // every table empty; a reader can check it against Paris's key exactly as the desk does.
  const auditExport = createOversightExport(kit, { office: { name: bob.name, jurisdiction: 'FR' }, scope: { kind: 'period', ...quarter }, trails: [], certificates: [], now: new Date(T0).toISOString() }, signingOffice(kit, bob.identity).signer);
  const exportFile = { name: 'oversight-audit-export.json', mediaType: 'application/json', size: auditExport.length, bytes: [auditExport] };
  const emptyTables = { 'requests-sent-by-partner': [], 'requests-received-by-partner': [], deadlines: [] };
  const asMadrid = { as: 'carol' } satisfies Partial<VectorCase>;
  const periodReport = await build('period-report', 'period-report', { period: quarter, tables: emptyTables }, bob, [carol], { attachments: [exportFile] });
  add('valid-period-report.bin', periodReport, 'Period report from Paris to its oversight body Madrid for the third quarter of 2026: true counts (none recorded) and, as its one attachment, Paris\'s signed oversight audit export of the same period.', 'ok', { ...asMadrid, kind: 'period-report', rule: '15' });
  const recommendation = { findings: [{ type: 'notice-late', caseRef: 'case-0123456789abcdef', eventHash: '55'.repeat(32), dueAt: '2026-09-15T00:00:00Z' }, { type: 'retention-not-purged', caseRef: 'case-fedcba9876543210', eventHash: '66'.repeat(32), dueAt: null }], action: 'Give the late notice, purge the case past retention, and report how notice dates are now tracked.', answerBy: '2027-01-15T00:00:00Z' } satisfies PayloadBody<'recommendation'>;
  const recommendationBundle = await build('recommendation', 'recommendation', recommendation, carol, [bob]);
  add('valid-recommendation.bin', recommendationBundle, 'Corrective recommendation from the oversight body Madrid to Paris: two findings, the action required and the date to answer by.', 'ok', { kind: 'recommendation', rule: '15' });
  const recommendationId = String(splitBundle(recommendationBundle).header.bundleId);
  add('valid-recommendation-response.bin', await build('recommendation-response', 'recommendation-response', { inReplyTo: recommendationId, answer: 'Notice given on 2 December; the case was purged; notice dates are now reviewed weekly.' }, bob, [carol]), 'Paris answers the recommendation (inReplyTo: its bundle id).', 'ok', { ...asMadrid, kind: 'recommendation-response', rule: '15' });
  add('valid-receipt-period-report.bin', await build('receipt-period-report', 'receipt', { receivedBundleId: String(splitBundle(periodReport).header.bundleId), receivedKind: 'period-report', receivedAt: T0, headerDigest: '77'.repeat(64), status: 'imported' }, carol, [bob], { sequence: 2 }), 'Madrid\'s receipt for the period report: receivedKind names an oversight kind.', 'ok', { kind: 'receipt', rule: '13.7' });

  // Invalid oversight bundles, each signed correctly so that the rule it breaks is reached.
  const toMadrid = [{ office: carol, sequence: 1 }];
  const exportDescriptor = (mediaType = 'application/json') => ({ ...descriptor('oversight-audit-export.json', auditExport), mediaType });
  const oversightContent =
    (kind: string, body: Record<string, JsonValue>, attachments: JsonValue[], sender: TestOffice = bob, to: TestOffice = carol) =>
    (bundleId: string): Record<string, JsonValue> => ({ bundleId, kind, sender: sender.card.card.signingKey, recipients: [to.card.card.signingKey], createdAt: T0, body, attachments });
  const report = (label: string, body: Record<string, JsonValue>, attachments: Uint8Array[], descriptors: JsonValue[]) =>
    craft(label, { sender: bob, recipients: toMadrid, kind: 'period-report', attachments, content: oversightContent('period-report', body, descriptors) });
  const reportBody = { period: quarter, tables: emptyTables };
  add('period-report-no-attachment.bin', report('period-report-none', reportBody, [], []), 'A period report without the audit export (the header lists the payload only).', 'BUNDLE_MALFORMED', { ...asMadrid, ...fault('3.9.10') });
  const secondFile = utf8('{"note":"a second file"}');
  add('prec-period-report-over-signer.bin', report('period-report-none', reportBody, [], []), 'The same report opened with an empty trust store: the header rule (3.9.10) comes before the signer (6.2).', 'BUNDLE_MALFORMED', { ...asMadrid, trust: {}, ...fault('3.9.10', ['3.9.10', '6.2']) });
  add('period-report-two-attachments.bin', report('period-report-two', reportBody, [auditExport, secondFile], [exportDescriptor(), { ...descriptor('note.json', secondFile), mediaType: 'application/json' }]), 'A period report with the audit export and a second file.', 'BUNDLE_MALFORMED', { ...asMadrid, ...fault('3.9.10') });
  add('period-report-two-attachments-keyless.bin', report('period-report-two', reportBody, [auditExport, secondFile], [exportDescriptor(), { ...descriptor('note.json', secondFile), mediaType: 'application/json' }]), 'The same, checked without a secret: the header alone shows it.', 'BUNDLE_MALFORMED', { as: null, ...fault('3.9.10') });
  add('period-report-not-json.bin', report('period-report-text', reportBody, [auditExport], [exportDescriptor('text/plain')]), 'A period report whose attachment is described as text/plain, not application/json.', 'BUNDLE_PAYLOAD_INVALID', { ...asMadrid, ...fault('13.10') });
  add('period-report-empty-period.bin', report('period-report-empty-period', { period: { from: quarter.to, to: '2026-10-01T00:00:00.000Z' }, tables: emptyTables }, [auditExport], [exportDescriptor()]), 'A period report whose period ends the instant it starts ("…T00:00:00Z" and "…T00:00:00.000Z").', 'BUNDLE_PAYLOAD_INVALID', { ...asMadrid, ...fault('13.10') });
  add('period-report-duplicate-cell.bin', report('period-report-duplicate', { period: quarter, tables: { 'requests-sent-by-partner': [{ key: 'DE', count: 2 }, { key: 'DE', count: 3 }] } }, [auditExport], [exportDescriptor()]), 'A period report whose table lists the cell key "DE" twice.', 'BUNDLE_PAYLOAD_INVALID', { ...asMadrid, ...fault('13.10') });
  add('period-report-unknown-table.bin', report('period-report-table', { period: quarter, tables: { 'requests-by-platform': [{ key: 'x', count: 1 }] } }, [auditExport], [exportDescriptor()]), 'A period report with a table id that is not in the list.', 'BUNDLE_PAYLOAD_INVALID', { ...asMadrid, ...fault('13.7') });
  add('period-report-negative-count.bin', report('period-report-negative', { period: quarter, tables: { deadlines: [{ key: 'missed', count: -1 }] } }, [auditExport], [exportDescriptor()]), 'A period report with a count of -1.', 'BUNDLE_PAYLOAD_INVALID', { ...asMadrid, ...fault('13.7') });
  add('prec-body-over-period-report.bin', report('period-report-both', { period: quarter, tables: { 'requests-by-platform': [] } }, [auditExport], [exportDescriptor('text/plain')]), 'An unknown table and a text/plain attachment: the body schema (13.7) is checked before the period-report rules (13.10).', 'BUNDLE_PAYLOAD_INVALID', { ...asMadrid, ...fault('13.7', ['13.7', '13.10']) });
  const craftRecommendation = (label: string, body: Record<string, JsonValue>) =>
    craft(label, { sender: carol, recipients: toBob, kind: 'recommendation', content: oversightContent('recommendation', body, [], carol, bob) });
  const finding = recommendation.findings[0];
  add('recommendation-unknown-finding.bin', craftRecommendation('recommendation-type', { ...recommendation, findings: [{ ...finding, type: 'late-reply' }] }), 'A recommendation citing a finding type that is not in the list.', 'BUNDLE_PAYLOAD_INVALID', fault('13.7'));
  add('recommendation-case-ref.bin', craftRecommendation('recommendation-case-ref', { ...recommendation, findings: [{ ...finding, caseRef: 'CB-2026-0001' }] }), 'A recommendation naming a case by the office\'s own reference, not a pseudonymous "case-" + 16 hex digits.', 'BUNDLE_PAYLOAD_INVALID', fault('13.7'));
  add('recommendation-response-empty.bin', craft('recommendation-response-empty', { sender: bob, recipients: toMadrid, kind: 'recommendation-response', content: oversightContent('recommendation-response', { inReplyTo: recommendationId, answer: '' }, []) }), 'An answer to a recommendation with an empty answer.', 'BUNDLE_PAYLOAD_INVALID', { ...asMadrid, ...fault('13.7') });
}

/** The codes of §12 that no file can produce: a failing medium (rule IO) and the writer's own refusal. */
export const CODES_WITHOUT_FILE_VECTORS: readonly BundleErrorCode[] = ['BUNDLE_IO_FAILED', 'BUNDLE_BUILD_INVALID'];
