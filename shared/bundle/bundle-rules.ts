import type { BundleErrorCode } from './bundle-error';

/** One numbered check of docs/bundle-format.md §11: exactly one code per rule. */
export type BundleRule = { readonly rule: string; readonly code: BundleErrorCode; readonly text: string };

/**
 * The verification order of bundle format v1.1 (docs/bundle-format.md §11), in the order a verifier applies it:
 * the first rule a bundle breaks decides its code. The specification lists the same numbers with the same codes
 * (a unit test compares them), `casebridge-bundle explain CODE` prints the rules of a code, and every test vector
 * names the rule it exercises.
 */
export const BUNDLE_RULES: readonly BundleRule[] = [
  { rule: '1.1', code: 'BUNDLE_TRUNCATED', text: 'The file is shorter than the 14-byte prologue.' },
  { rule: '1.2', code: 'BUNDLE_MALFORMED', text: 'The first 8 bytes are not the magic "CASEBNDL".' },
  { rule: '1.3', code: 'BUNDLE_VERSION_UNSUPPORTED', text: 'The prologue version (u16) is not 1.' },
  { rule: '1.4', code: 'BUNDLE_LIMIT_EXCEEDED', text: 'The header length L is over 1 048 576 bytes.' },
  { rule: '1.5', code: 'BUNDLE_MALFORMED', text: 'The header length L is 0.' },
  { rule: '2.1', code: 'BUNDLE_TRUNCATED', text: 'The file is shorter than 14 + L bytes.' },
  {
    rule: '3.1',
    code: 'BUNDLE_MALFORMED',
    text: 'The header is not JSON (§2.1): invalid UTF-8, a byte-order mark, a syntax error, or more than 32 nested containers.',
  },
  {
    rule: '3.2',
    code: 'BUNDLE_NONCANONICAL',
    text: 'The header is JSON but not canonical (§2.2): whitespace, a duplicate key, key order, number form, escapes, NFC.',
  },
  { rule: '3.3', code: 'BUNDLE_MALFORMED', text: 'The header is not a JSON object.' },
  {
    rule: '3.4',
    code: 'BUNDLE_VERSION_UNSUPPORTED',
    text: 'The header member "version" is missing or is anything but the integer 1.',
  },
  {
    rule: '3.5',
    code: 'BUNDLE_ALGORITHM_UNSUPPORTED',
    text: 'The header member "suite" is missing or is anything but the one v1 suite string.',
  },
  {
    rule: '3.6',
    code: 'BUNDLE_CRITICAL_EXTENSION_UNKNOWN',
    text: '"extensions" is an object with a member name that starts with "!" (a critical extension; v1 knows none).',
  },
  {
    rule: '3.7',
    code: 'BUNDLE_LIMIT_EXCEEDED',
    text: 'A count or size over its limit, checked only where the member has the right JSON type: over 16 recipients, over 257 items, a chunk size outside 65 536…1 048 576, item 0 over 16 MiB, an attachment over 2^40 bytes.',
  },
  {
    rule: '3.8',
    code: 'BUNDLE_MALFORMED',
    text: 'The header does not match its schema (§4): a missing, unknown or mistyped member, null, bad hex, no items, an unknown kind, an extension name outside the pattern.',
  },
  {
    rule: '3.9.1',
    code: 'BUNDLE_MALFORMED',
    text: 'No recipients, and the kind is neither key-card nor revocation.',
  },
  { rule: '3.9.2', code: 'BUNDLE_MALFORMED', text: 'A key-card bundle with recipients.' },
  {
    rule: '3.9.3',
    code: 'BUNDLE_MALFORMED',
    text: '"publicContentKey" present with recipients, or absent without them.',
  },
  {
    rule: '3.9.4',
    code: 'BUNDLE_MALFORMED',
    text: 'A key-card or revocation bundle that carries an attachment (more than one item).',
  },
  {
    rule: '3.9.5',
    code: 'BUNDLE_MALFORMED',
    text: 'A recipient key equal to the one before it (the first pair out of strict order decides 3.9.5 or 3.9.6).',
  },
  { rule: '3.9.6', code: 'BUNDLE_NONCANONICAL', text: 'A recipient key smaller than the one before it.' },
  { rule: '3.9.7', code: 'BUNDLE_MALFORMED', text: '"notAfter" is not after "createdAt".' },
  { rule: '3.9.8', code: 'BUNDLE_LIMIT_EXCEEDED', text: '"notAfter" − "createdAt" is over 366 days.' },
  { rule: '3.9.9', code: 'BUNDLE_LIMIT_EXCEEDED', text: 'All items\u2019 ciphertext together is over 2^42 bytes.' },
  {
    rule: '3.9.10',
    code: 'BUNDLE_MALFORMED',
    text: 'A period-report bundle whose items are not exactly the payload and one attachment (the oversight audit export).',
  },
  { rule: '4.1', code: 'BUNDLE_TRUNCATED', text: 'The file is shorter than the size its header implies (§3).' },
  { rule: '4.2', code: 'BUNDLE_TRAILING_DATA', text: 'The file is longer than the size its header implies (§3).' },
  {
    rule: '5.1',
    code: 'BUNDLE_SIGNATURE_INVALID',
    text: 'The outer signature does not verify (§5, Ed25519 rules of §1.2) with the header\u2019s "sender" key.',
  },
  {
    rule: '6.1',
    code: 'BUNDLE_SIGNER_REVOKED',
    text: 'The sender is revoked in the trust store, and none of the exemptions applies (a revocation bundle; a bundle created before the date of a non-compromised revocation).',
  },
  {
    rule: '6.2',
    code: 'BUNDLE_SIGNER_UNKNOWN',
    text: 'The sender is not in the trust store (key-card bundles skip this).',
  },
  {
    rule: '6.3',
    code: 'BUNDLE_SIGNER_UNVERIFIED',
    text: 'The sender is in the trust store but not verified (key-card and revocation bundles skip this).',
  },
  {
    rule: '6.4',
    code: 'BUNDLE_SIGNER_EXPIRED',
    text: 'The sender\u2019s trusted key card is not valid now: now > validUntil + skew, or now < validFrom − skew (key-card and revocation bundles skip this).',
  },
  { rule: '7.1', code: 'BUNDLE_NOT_YET_VALID', text: '"createdAt" > now + skew.' },
  { rule: '7.2', code: 'BUNDLE_EXPIRED', text: 'now > "notAfter" + skew.' },
  {
    rule: '7.3',
    code: 'BUNDLE_LIMIT_EXCEEDED',
    text: '"notAfter" − "createdAt" is over the verifier\u2019s policy maximum (90 days by default).',
  },
  {
    rule: '8.1',
    code: 'BUNDLE_ITEM_HASH_MISMATCH',
    text: 'Without a secret, for a bundle that is not public: an item\u2019s ciphertext does not hash to its "items[i].hash".',
  },
  {
    rule: '9.1',
    code: 'BUNDLE_NOT_FOR_US',
    text: 'No recipient entry carries our signing key (public bundles skip this).',
  },
  { rule: '10.1', code: 'BUNDLE_REPLAYED', text: '(sender, bundleId) was already imported.' },
  {
    rule: '10.2',
    code: 'BUNDLE_SEQUENCE_OLD',
    text: 'Our entry\u2019s sequence is not above the highest accepted from this sender (public bundles skip this).',
  },
  {
    rule: '11.1',
    code: 'BUNDLE_KEY_WRAP_INVALID',
    text: 'Our key wrap does not open with the sender\u2019s box key from the trust store, is not 48 bytes, or names another bundle id (public bundles skip this).',
  },
  {
    rule: '12.1',
    code: 'BUNDLE_CHUNK_INVALID',
    text: 'A payload chunk fails authentication, the last chunk is not FINAL, or a FINAL chunk is not the last.',
  },
  {
    rule: '12.2',
    code: 'BUNDLE_ITEM_HASH_MISMATCH',
    text: 'The payload ciphertext does not hash to "items[0].hash".',
  },
  {
    rule: '13.1',
    code: 'BUNDLE_PAYLOAD_INVALID',
    text: 'The payload is not JSON (§2.1): invalid UTF-8, a syntax error, or more than 32 nested containers.',
  },
  { rule: '13.2', code: 'BUNDLE_NONCANONICAL', text: 'The payload is JSON but not canonical (§2.2).' },
  {
    rule: '13.3',
    code: 'BUNDLE_PAYLOAD_INVALID',
    text: 'The payload is not an envelope (payload-envelope.schema.json), attachment descriptors and plain names included.',
  },
  {
    rule: '13.4',
    code: 'BUNDLE_INNER_SIGNATURE_INVALID',
    text: 'The inner signature does not verify with the header\u2019s "sender" key.',
  },
  {
    rule: '13.5',
    code: 'BUNDLE_INNER_MISMATCH',
    text: 'bundleId, kind, sender, createdAt or recipients in the signed content differ from the header.',
  },
  {
    rule: '13.6',
    code: 'BUNDLE_ATTACHMENT_MISMATCH',
    text: 'The number of descriptors differs from the number of attachments, or a descriptor\u2019s size from its item\u2019s.',
  },
  { rule: '13.7', code: 'BUNDLE_PAYLOAD_INVALID', text: 'The body does not match the schema of its kind (§7.2).' },
  {
    rule: '13.8',
    code: 'BUNDLE_PAYLOAD_INVALID',
    text: 'A key card or revocation in the body fails its signature checks or names another key than the sender (§7.3).',
  },
  {
    rule: '13.9',
    code: 'BUNDLE_SIGNER_EXPIRED',
    text: 'The key card a key-card bundle carries is not valid now: now > validUntil + skew, or now < validFrom − skew.',
  },
  {
    rule: '13.10',
    code: 'BUNDLE_PAYLOAD_INVALID',
    text: 'A period-report body whose attachment is not application/json, whose period.from is not before period.to, or with a table that lists a cell key twice (§7.4).',
  },
  {
    rule: '14.1',
    code: 'BUNDLE_CHUNK_INVALID',
    text: 'An attachment chunk fails authentication or its tags are wrong (attachments in order).',
  },
  {
    rule: '14.2',
    code: 'BUNDLE_ITEM_HASH_MISMATCH',
    text: 'An attachment\u2019s ciphertext does not hash to its "items[i].hash".',
  },
  {
    rule: '14.3',
    code: 'BUNDLE_ATTACHMENT_MISMATCH',
    text: 'An attachment\u2019s plaintext BLAKE2b-256 differs from its descriptor\u2019s "blake2b256".',
  },
  {
    rule: 'IO',
    code: 'BUNDLE_IO_FAILED',
    text: 'At any step: the file could not be read, or an attachment sink could not be written (a property of the medium, not of the file).',
  },
];

/** The rules that produce `code`, in verification order. */
export function rulesForCode(code: BundleErrorCode): readonly BundleRule[] {
  return BUNDLE_RULES.filter((rule) => rule.code === code);
}

/** Position of a rule in the verification order (for precedence checks); -1 if there is no such rule. */
export function ruleOrder(rule: string): number {
  return BUNDLE_RULES.findIndex((entry) => entry.rule === rule);
}
