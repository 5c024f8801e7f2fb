import { DecryptionError, KEY_BYTES, SALT_BYTES, type CryptoKit, type KeyPair } from '../crypto/crypto-kit';
import { err, ok, type Result } from '../result';
import { fromBase64, toBase64, utf8 } from '../bytes/bytes';
import { checkKdfParams, PRODUCTION_KDF_FLOOR, type KdfParams } from './kdf-params';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_SECRET_BYTES } from './recovery-key';
import {
  headerVersionSchema,
  LEGACY_VAULT_HEADER_VERSION,
  legacyVaultHeaderSchema,
  VAULT_HEADER_FORMAT,
  VAULT_HEADER_VERSION,
  vaultHeaderSchema,
  type KdfHeader,
  type LegacyVaultHeader,
  type PersonSlot,
  type VaultHeader,
} from './vault-header';

/**
 * The key hierarchy: a person's passphrase → Argon2id → their key-encryption key → (unwraps) the random vault
 * key → per-purpose sub-keys; and, from the same key-encryption key, their own signing key. Each person has a slot
 * of their own (`PersonSlot`); changing a passphrase re-wraps that slot and touches nothing else.
 */

/** Runs Argon2id somewhere (a Web Worker in the app, so the window never freezes). */
export type DeriveKey = (passphrase: Uint8Array, salt: Uint8Array, params: KdfParams) => Promise<Uint8Array>;

export type VaultKeyErrorCode =
  | 'header-invalid'
  | 'header-too-new'
  | 'kdf-below-floor'
  | 'kdf-above-ceiling'
  | 'wrong-passphrase'
  | 'no-recovery-key'
  | 'recovery-key-format'
  | 'recovery-key-checksum'
  | 'wrong-recovery-key'
  | 'unknown-person'
  | 'last-person';

const messages: Record<VaultKeyErrorCode, string> = {
  'header-invalid':
    'The vault header is damaged, so the vault cannot be opened. Restore the profile folder from a backup.',
  'header-too-new': 'This vault was created by a newer version of Casebridge. Update Casebridge, then open it again.',
  'kdf-below-floor':
    'The vault header asks for a weaker key derivation than Casebridge allows. It may have been tampered with; nothing was opened. Restore the profile folder from a backup.',
  'kdf-above-ceiling':
    'The vault header asks for more memory or time than Casebridge allows. It may have been tampered with; nothing was opened.',
  'wrong-passphrase':
    'That passphrase does not open this vault. Check the keyboard layout and Caps Lock, then try again.',
  'no-recovery-key': 'This vault has no recovery key. Unlock it with the passphrase.',
  'recovery-key-format': 'A recovery key has 36 letters and digits in groups of four. Check what you typed.',
  'recovery-key-checksum': 'That recovery key has a typo: its last group does not match. Compare it with the printout.',
  'wrong-recovery-key':
    'That recovery key is valid but belongs to another vault, or was replaced. Use the latest printout.',
  'unknown-person': 'That person has no access to this vault. Choose your name from the list, or ask an administrator.',
  'last-person': 'The last person with access cannot be removed: nobody could open the vault afterwards.',
};

export type VaultKeyResult<T> = Result<T, VaultKeyErrorCode>;

function fail(code: VaultKeyErrorCode) {
  return err(code, messages[code]);
}

export type VaultSubkeys = {
  readonly records: Uint8Array;
  readonly attachments: Uint8Array;
  readonly blindIndex: Uint8Array;
  /** Encrypts the vault seal and keys its row hashes (`vault-seal.ts`). */
  readonly seal: Uint8Array;
};

const SUBKEY_CONTEXT = 'CBvault1';
/**
 * Id 4 was an "audit" sub-key that nothing used: audit events are signed with each person's own Ed25519 key
 * instead (`shared/audit/event-signature.ts`), which no shared key could give. Never reuse id 4. Id 5 is the backup key
 * (`shared/backup/backup-keys.ts`); id 6 the seal key.
 */
const subkeyIds = { records: 1, attachments: 2, blindIndex: 3, seal: 6 } as const;

export function deriveVaultSubkeys(kit: CryptoKit, vaultKey: Uint8Array): VaultSubkeys {
  return {
    records: kit.deriveSubkey(vaultKey, subkeyIds.records, SUBKEY_CONTEXT),
    attachments: kit.deriveSubkey(vaultKey, subkeyIds.attachments, SUBKEY_CONTEXT),
    blindIndex: kit.deriveSubkey(vaultKey, subkeyIds.blindIndex, SUBKEY_CONTEXT),
    seal: kit.deriveSubkey(vaultKey, subkeyIds.seal, SUBKEY_CONTEXT),
  };
}

export function wipeVaultSubkeys(kit: CryptoKit, keys: VaultSubkeys): void {
  kit.wipe(keys.records, keys.attachments, keys.blindIndex, keys.seal);
}

/** AD for the legacy (version 1) passphrase wrap: moving it to another vault, or editing any KDF field, breaks it. */
function passphraseWrapAd(vaultId: string, kdf: KdfHeader): Uint8Array {
  return utf8(
    JSON.stringify([
      'casebridge.vault-key.passphrase',
      LEGACY_VAULT_HEADER_VERSION,
      vaultId,
      kdf.algorithm,
      kdf.iterations,
      kdf.memoryBytes,
      kdf.salt,
    ]),
  );
}

/** Version 1 in the AD for good: a recovery wrap made before persons existed keeps opening after the upgrade. */
function recoveryWrapAd(vaultId: string): Uint8Array {
  return utf8(JSON.stringify(['casebridge.vault-key.recovery', LEGACY_VAULT_HEADER_VERSION, vaultId]));
}

const SLOT_CONTEXT = 'CBslot01';
const slotKeyIds = { vaultKey: 1, signingKey: 2 } as const;

/** AD for a slot's wraps: binds vault, person, every KDF field and the public key, per purpose. */
function slotWrapAd(
  purpose: 'vault-key' | 'signing-key',
  vaultId: string,
  slot: Pick<PersonSlot, 'personId' | 'kdf' | 'signingPublicKey'>,
): Uint8Array {
  const { kdf } = slot;
  return utf8(
    JSON.stringify([
      `casebridge.person-slot.${purpose}`,
      VAULT_HEADER_VERSION,
      vaultId,
      slot.personId,
      kdf.algorithm,
      kdf.iterations,
      kdf.memoryBytes,
      kdf.salt,
      slot.signingPublicKey,
    ]),
  );
}

function recoveryWrapKey(kit: CryptoKit, secret: Uint8Array, vaultId: string): Uint8Array {
  return kit.hash(utf8(`casebridge.recovery-wrap.v1|${vaultId}`), KEY_BYTES, secret);
}

/** Parses an untrusted header and refuses a KDF below `floor` (in any slot) before any work is done with it. */
export function parseVaultHeader(
  untrustedHeader: unknown,
  floor: KdfParams = PRODUCTION_KDF_FLOOR,
): VaultKeyResult<VaultHeader> {
  const parsed = vaultHeaderSchema.safeParse(untrustedHeader);
  if (!parsed.success) {
    const version = headerVersionSchema.safeParse(untrustedHeader);
    return fail(version.success && version.data.version > VAULT_HEADER_VERSION ? 'header-too-new' : 'header-invalid');
  }
  for (const slot of parsed.data.slots) {
    const check = checkKdfParams(slot.kdf, floor);
    if (!check.ok) return fail(check.code);
  }
  return ok(parsed.data);
}

/** A version 1 header (one shared passphrase), or null when the header is not one. */
export function parseLegacyVaultHeader(
  untrustedHeader: unknown,
  floor: KdfParams = PRODUCTION_KDF_FLOOR,
): VaultKeyResult<LegacyVaultHeader> | null {
  const parsed = legacyVaultHeaderSchema.safeParse(untrustedHeader);
  if (!parsed.success) return null;
  const check = checkKdfParams(parsed.data.kdf, floor);
  return check.ok ? ok(parsed.data) : fail(check.code);
}

function passphraseBytes(passphrase: string): Uint8Array {
  // NFC so the same passphrase typed on another keyboard layout or OS produces the same bytes.
  return utf8(passphrase.normalize('NFC'));
}

/** The person who signed in: their slot's id and name, and their own signing key pair (the caller wipes it). */
export type UnlockedPerson = { readonly personId: string; readonly name: string; readonly signing: KeyPair };

export type NewPerson = { readonly personId: string; readonly name: string; readonly passphrase: string };

function kdfHeader(salt: Uint8Array, params: KdfParams): KdfHeader {
  return {
    algorithm: 'argon2id13',
    iterations: params.iterations,
    memoryBytes: params.memoryBytes,
    salt: toBase64(salt),
  };
}

/** The two wrapping keys a person's passphrase gives: one for the vault key, one for their signing key. */
async function slotKeys(kit: CryptoKit, derive: DeriveKey, passphrase: string, kdf: KdfHeader) {
  const salt = fromBase64(kdf.salt);
  if (salt === null) return null;
  const kek = await derive(passphraseBytes(passphrase), salt, kdf);
  try {
    return {
      vaultKeyWrapKey: kit.deriveSubkey(kek, slotKeyIds.vaultKey, SLOT_CONTEXT),
      signingWrapKey: kit.deriveSubkey(kek, slotKeyIds.signingKey, SLOT_CONTEXT),
    };
  } finally {
    kit.wipe(kek);
  }
}

/** Seals a slot for `person`: a fresh salt, the vault key, and their signing key (a new one unless given). */
async function sealSlot(options: {
  kit: CryptoKit;
  derive: DeriveKey;
  vaultId: string;
  vaultKey: Uint8Array;
  person: NewPerson;
  params: KdfParams;
  now: Date;
  signing?: KeyPair;
}): Promise<{ slot: PersonSlot; signing: KeyPair }> {
  const { kit, derive, vaultId, vaultKey, person, params, now } = options;
  const kdf = kdfHeader(kit.randomBytes(SALT_BYTES), params);
  const signing = options.signing ?? kit.signKeyPair();
  const keys = await slotKeys(kit, derive, person.passphrase, kdf);
  if (keys === null) throw new Error('A fresh salt did not encode.');
  const bound = { personId: person.personId, kdf, signingPublicKey: toBase64(signing.publicKey) };
  try {
    const slot: PersonSlot = {
      ...bound,
      name: person.name.trim(),
      vaultKeyWrap: toBase64(kit.seal(keys.vaultKeyWrapKey, vaultKey, slotWrapAd('vault-key', vaultId, bound))),
      signingKeyWrap: toBase64(
        kit.seal(keys.signingWrapKey, signing.privateKey, slotWrapAd('signing-key', vaultId, bound)),
      ),
      createdAt: now.toISOString(),
    };
    return { slot, signing };
  } finally {
    kit.wipe(keys.vaultKeyWrapKey, keys.signingWrapKey);
  }
}

/** Opens a person's slot with their passphrase: the vault key and their signing key pair, or wrong-passphrase. */
async function openSlot(
  kit: CryptoKit,
  derive: DeriveKey,
  vaultId: string,
  slot: PersonSlot,
  passphrase: string,
): Promise<VaultKeyResult<{ vaultKey: Uint8Array; signing: KeyPair }>> {
  const keys = await slotKeys(kit, derive, passphrase, slot.kdf);
  const vaultKeyWrap = fromBase64(slot.vaultKeyWrap);
  const signingKeyWrap = fromBase64(slot.signingKeyWrap);
  const publicKey = fromBase64(slot.signingPublicKey);
  if (keys === null || vaultKeyWrap === null || signingKeyWrap === null || publicKey === null) {
    return fail('header-invalid');
  }
  try {
    const vaultKey = kit.open(keys.vaultKeyWrapKey, vaultKeyWrap, slotWrapAd('vault-key', vaultId, slot));
    const privateKey = kit.open(keys.signingWrapKey, signingKeyWrap, slotWrapAd('signing-key', vaultId, slot));
    if (vaultKey.length !== KEY_BYTES) return fail('header-invalid');
    return ok({ vaultKey, signing: { publicKey, privateKey } });
  } catch (error) {
    if (error instanceof DecryptionError) return fail('wrong-passphrase');
    throw error;
  } finally {
    kit.wipe(keys.vaultKeyWrapKey, keys.signingWrapKey);
  }
}

export type CreateVaultOptions = {
  readonly kit: CryptoKit;
  readonly derive: DeriveKey;
  /** The first person: they become the installation's administrator. */
  readonly person: NewPerson;
  readonly vaultId: string;
  readonly now: Date;
  /** Tests only: TEST_KDF_FLOOR. The app leaves this out and gets the production floor. */
  readonly kdf?: KdfParams;
};

/** A new vault: a random 256-bit vault key in the first person's slot. The caller owns (and wipes) the keys. */
export async function createVaultKey(
  options: CreateVaultOptions,
): Promise<{ header: VaultHeader; vaultKey: Uint8Array; signing: KeyPair }> {
  const { kit, derive, person, vaultId, now } = options;
  const vaultKey = kit.randomBytes(KEY_BYTES);
  const params = options.kdf ?? PRODUCTION_KDF_FLOOR;
  const { slot, signing } = await sealSlot({ kit, derive, vaultId, vaultKey, person, params, now });
  const header: VaultHeader = {
    format: VAULT_HEADER_FORMAT,
    version: VAULT_HEADER_VERSION,
    vaultId,
    createdAt: now.toISOString(),
    slots: [slot],
    recovery: null,
  };
  return { header: vaultHeaderSchema.parse(header), vaultKey, signing };
}

export type UnlockOptions = {
  readonly kit: CryptoKit;
  readonly derive: DeriveKey;
  readonly untrustedHeader: unknown;
  readonly personId: string;
  readonly passphrase: string;
  /** Tests only: TEST_KDF_FLOOR. */
  readonly floor?: KdfParams;
};

/** Unwraps the vault key and the person's signing key with their passphrase. Reads only; a wrong one changes nothing. */
export async function unlockWithPassphrase(
  options: UnlockOptions,
): Promise<VaultKeyResult<{ header: VaultHeader; vaultKey: Uint8Array; person: UnlockedPerson }>> {
  const { kit, derive, passphrase, personId } = options;
  const header = parseVaultHeader(options.untrustedHeader, options.floor);
  if (!header.ok) return header;
  const slot = header.value.slots.find((candidate) => candidate.personId === personId);
  if (!slot) return fail('unknown-person');
  const opened = await openSlot(kit, derive, header.value.vaultId, slot, passphrase);
  if (!opened.ok) return opened;
  return ok({
    header: header.value,
    vaultKey: opened.value.vaultKey,
    person: { personId, name: slot.name, signing: opened.value.signing },
  });
}

/** Unwraps the vault key of a version 1 header with its shared passphrase (only to upgrade it right after). */
export async function unlockLegacyWithPassphrase(options: {
  readonly kit: CryptoKit;
  readonly derive: DeriveKey;
  readonly header: LegacyVaultHeader;
  readonly passphrase: string;
}): Promise<VaultKeyResult<Uint8Array>> {
  const { kit, derive, header, passphrase } = options;
  const salt = fromBase64(header.kdf.salt);
  const sealed = fromBase64(header.passphraseWrap);
  if (salt === null || sealed === null) return fail('header-invalid');
  const kek = await derive(passphraseBytes(passphrase), salt, header.kdf);
  try {
    const vaultKey = kit.open(kek, sealed, passphraseWrapAd(header.vaultId, header.kdf));
    return vaultKey.length === KEY_BYTES ? ok(vaultKey) : fail('header-invalid');
  } catch (error) {
    if (error instanceof DecryptionError) return fail('wrong-passphrase');
    throw error;
  } finally {
    kit.wipe(kek);
  }
}

/**
 * Turns a version 1 header into version 2: the person who just unlocked it with the shared passphrase gets the first
 * slot, with the same passphrase and a new signing key. The recovery wrap is kept as it is.
 */
export async function upgradeLegacyHeader(options: {
  readonly kit: CryptoKit;
  readonly derive: DeriveKey;
  readonly legacy: LegacyVaultHeader;
  readonly vaultKey: Uint8Array;
  readonly person: NewPerson;
  readonly now: Date;
  readonly kdf?: KdfParams;
}): Promise<{ header: VaultHeader; signing: KeyPair }> {
  const { kit, derive, legacy, vaultKey, person, now } = options;
  const params = options.kdf ?? PRODUCTION_KDF_FLOOR;
  const { slot, signing } = await sealSlot({ kit, derive, vaultId: legacy.vaultId, vaultKey, person, params, now });
  const header: VaultHeader = {
    format: VAULT_HEADER_FORMAT,
    version: VAULT_HEADER_VERSION,
    vaultId: legacy.vaultId,
    createdAt: legacy.createdAt,
    slots: [slot],
    recovery: legacy.recovery,
  };
  return { header: vaultHeaderSchema.parse(header), signing };
}

export type RecoveryUnlockOptions = {
  readonly kit: CryptoKit;
  readonly untrustedHeader: unknown;
  readonly recoveryKey: string;
  readonly floor?: KdfParams;
};

/** Unwraps the vault key with the recovery key (version 1 or 2 header: the wrap is the same). */
export function unlockWithRecoveryKey(options: RecoveryUnlockOptions): VaultKeyResult<{ vaultKey: Uint8Array }> {
  const { kit } = options;
  const current = parseVaultHeader(options.untrustedHeader, options.floor);
  const legacy = current.ok ? null : parseLegacyVaultHeader(options.untrustedHeader, options.floor);
  const header = current.ok ? current : (legacy ?? current);
  if (!header.ok) return header;
  if (header.value.recovery === null) return fail('no-recovery-key');
  const parsed = parseRecoveryKey(kit, options.recoveryKey);
  if (!parsed.ok) return fail(parsed.code);
  const sealed = fromBase64(header.value.recovery.wrap);
  if (sealed === null) return fail('header-invalid');
  const wrapKey = recoveryWrapKey(kit, parsed.secret, header.value.vaultId);
  try {
    const vaultKey = kit.open(wrapKey, sealed, recoveryWrapAd(header.value.vaultId));
    return vaultKey.length === KEY_BYTES ? ok({ vaultKey }) : fail('header-invalid');
  } catch (error) {
    if (error instanceof DecryptionError) return fail('wrong-recovery-key');
    throw error;
  } finally {
    kit.wipe(wrapKey, parsed.secret);
  }
}

export type RewrapOptions = {
  readonly kit: CryptoKit;
  readonly derive: DeriveKey;
  readonly header: VaultHeader;
  readonly vaultKey: Uint8Array;
  readonly personId: string;
  readonly newPassphrase: string;
  /** The person's signing key, kept across the change. Without it (after a recovery unlock) they get a new one. */
  readonly signing?: KeyPair;
  readonly now: Date;
  readonly kdf?: KdfParams;
};

/** A new salt and a new wrap of the same vault key in one person's slot; every other slot and record stays as is. */
export async function rewrapPersonSlot(
  options: RewrapOptions,
): Promise<VaultKeyResult<{ header: VaultHeader; signing: KeyPair }>> {
  const { kit, derive, header, vaultKey, personId, newPassphrase, now } = options;
  const slot = header.slots.find((candidate) => candidate.personId === personId);
  if (!slot) return fail('unknown-person');
  const person = { personId, name: slot.name, passphrase: newPassphrase };
  const params = options.kdf ?? PRODUCTION_KDF_FLOOR;
  const sealed = await sealSlot({
    kit,
    derive,
    vaultId: header.vaultId,
    vaultKey,
    person,
    params,
    now,
    signing: options.signing,
  });
  const slots = header.slots.map((candidate) => (candidate.personId === personId ? sealed.slot : candidate));
  return ok({ header: vaultHeaderSchema.parse({ ...header, slots }), signing: sealed.signing });
}

/** Adds a slot for a new person, who types their own passphrase. Fails for a person id already present. */
export async function addPersonSlot(options: {
  readonly kit: CryptoKit;
  readonly derive: DeriveKey;
  readonly header: VaultHeader;
  readonly vaultKey: Uint8Array;
  readonly person: NewPerson;
  readonly now: Date;
  readonly kdf?: KdfParams;
}): Promise<{ header: VaultHeader; signing: KeyPair }> {
  const { kit, derive, header, vaultKey, person, now } = options;
  const params = options.kdf ?? PRODUCTION_KDF_FLOOR;
  const { slot, signing } = await sealSlot({ kit, derive, vaultId: header.vaultId, vaultKey, person, params, now });
  return { header: vaultHeaderSchema.parse({ ...header, slots: [...header.slots, slot] }), signing };
}

/** Deletes a person's slot: their passphrase opens nothing afterwards. The last slot cannot go. */
export function removePersonSlot(header: VaultHeader, personId: string): VaultKeyResult<VaultHeader> {
  if (!header.slots.some((slot) => slot.personId === personId)) return fail('unknown-person');
  if (header.slots.length === 1) return fail('last-person');
  return ok(vaultHeaderSchema.parse({ ...header, slots: header.slots.filter((slot) => slot.personId !== personId) }));
}

/** Makes (or replaces) the recovery wrap. Returns the printable key; it is never stored. */
export function addRecoveryKey(options: { kit: CryptoKit; header: VaultHeader; vaultKey: Uint8Array; now: Date }): {
  header: VaultHeader;
  recoveryKey: string;
} {
  const { kit, header, vaultKey, now } = options;
  const secret = kit.randomBytes(RECOVERY_SECRET_BYTES);
  const wrapKey = recoveryWrapKey(kit, secret, header.vaultId);
  try {
    const wrap = toBase64(kit.seal(wrapKey, vaultKey, recoveryWrapAd(header.vaultId)));
    const next = vaultHeaderSchema.parse({ ...header, recovery: { wrap, createdAt: now.toISOString() } });
    return { header: next, recoveryKey: formatRecoveryKey(kit, secret) };
  } finally {
    kit.wipe(wrapKey, secret);
  }
}

/** The message for a code, for callers that need to show one without holding a Result. */
export function vaultKeyMessage(code: VaultKeyErrorCode): string {
  return messages[code];
}
