import { DecryptionError, KEY_BYTES, SALT_BYTES, type CryptoKit } from '../crypto/crypto-kit';
import { err, ok, type Result } from '../result';
import { fromBase64, toBase64, utf8 } from '../bytes/bytes';
import { checkKdfParams, PRODUCTION_KDF_FLOOR, type KdfParams } from './kdf-params';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_SECRET_BYTES } from './recovery-key';
import {
  headerVersionSchema,
  VAULT_HEADER_FORMAT,
  VAULT_HEADER_VERSION,
  vaultHeaderSchema,
  type VaultHeader,
} from './vault-header';

/**
 * The key hierarchy: passphrase → Argon2id → key-encryption key → (unwraps) the random vault key →
 * per-purpose sub-keys. Changing the passphrase re-wraps the vault key and touches nothing else.
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
  | 'wrong-recovery-key';

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
};

export type VaultKeyResult<T> = Result<T, VaultKeyErrorCode>;

function fail(code: VaultKeyErrorCode) {
  return err(code, messages[code]);
}

export type VaultSubkeys = {
  readonly records: Uint8Array;
  readonly attachments: Uint8Array;
  readonly blindIndex: Uint8Array;
  readonly audit: Uint8Array;
};

const SUBKEY_CONTEXT = 'CBvault1';
const subkeyIds = { records: 1, attachments: 2, blindIndex: 3, audit: 4 } as const;

export function deriveVaultSubkeys(kit: CryptoKit, vaultKey: Uint8Array): VaultSubkeys {
  return {
    records: kit.deriveSubkey(vaultKey, subkeyIds.records, SUBKEY_CONTEXT),
    attachments: kit.deriveSubkey(vaultKey, subkeyIds.attachments, SUBKEY_CONTEXT),
    blindIndex: kit.deriveSubkey(vaultKey, subkeyIds.blindIndex, SUBKEY_CONTEXT),
    audit: kit.deriveSubkey(vaultKey, subkeyIds.audit, SUBKEY_CONTEXT),
  };
}

export function wipeVaultSubkeys(kit: CryptoKit, keys: VaultSubkeys): void {
  kit.wipe(keys.records, keys.attachments, keys.blindIndex, keys.audit);
}

/** AD for the passphrase wrap: moving the wrap to another vault, or editing any KDF field, breaks it. */
function passphraseWrapAd(vaultId: string, kdf: VaultHeader['kdf']): Uint8Array {
  return utf8(
    JSON.stringify([
      'casebridge.vault-key.passphrase',
      VAULT_HEADER_VERSION,
      vaultId,
      kdf.algorithm,
      kdf.iterations,
      kdf.memoryBytes,
      kdf.salt,
    ]),
  );
}

function recoveryWrapAd(vaultId: string): Uint8Array {
  return utf8(JSON.stringify(['casebridge.vault-key.recovery', VAULT_HEADER_VERSION, vaultId]));
}

function recoveryWrapKey(kit: CryptoKit, secret: Uint8Array, vaultId: string): Uint8Array {
  return kit.hash(utf8(`casebridge.recovery-wrap.v1|${vaultId}`), KEY_BYTES, secret);
}

/** Parses an untrusted header and refuses a KDF below `floor` before any work is done with it. */
export function parseVaultHeader(
  untrustedHeader: unknown,
  floor: KdfParams = PRODUCTION_KDF_FLOOR,
): VaultKeyResult<VaultHeader> {
  const parsed = vaultHeaderSchema.safeParse(untrustedHeader);
  if (!parsed.success) {
    const version = headerVersionSchema.safeParse(untrustedHeader);
    return fail(version.success && version.data.version > VAULT_HEADER_VERSION ? 'header-too-new' : 'header-invalid');
  }
  const check = checkKdfParams(parsed.data.kdf, floor);
  return check.ok ? ok(parsed.data) : fail(check.code);
}

function passphraseBytes(passphrase: string): Uint8Array {
  // NFC so the same passphrase typed on another keyboard layout or OS produces the same bytes.
  return utf8(passphrase.normalize('NFC'));
}

async function wrapUnderPassphrase(
  kit: CryptoKit,
  derive: DeriveKey,
  vaultId: string,
  vaultKey: Uint8Array,
  passphrase: string,
  params: KdfParams,
): Promise<Pick<VaultHeader, 'kdf' | 'passphraseWrap'>> {
  const salt = kit.randomBytes(SALT_BYTES);
  const kdf: VaultHeader['kdf'] = {
    algorithm: 'argon2id13',
    iterations: params.iterations,
    memoryBytes: params.memoryBytes,
    salt: toBase64(salt),
  };
  const kek = await derive(passphraseBytes(passphrase), salt, params);
  try {
    return { kdf, passphraseWrap: toBase64(kit.seal(kek, vaultKey, passphraseWrapAd(vaultId, kdf))) };
  } finally {
    kit.wipe(kek);
  }
}

export type CreateVaultOptions = {
  readonly kit: CryptoKit;
  readonly derive: DeriveKey;
  readonly passphrase: string;
  readonly vaultId: string;
  readonly now: Date;
  /** Tests only: TEST_KDF_FLOOR. The app leaves this out and gets the production floor. */
  readonly kdf?: KdfParams;
};

/** A new vault: a random 256-bit vault key, wrapped under the passphrase. The caller owns (and wipes) vaultKey. */
export async function createVaultKey(
  options: CreateVaultOptions,
): Promise<{ header: VaultHeader; vaultKey: Uint8Array }> {
  const { kit, derive, passphrase, vaultId, now } = options;
  const vaultKey = kit.randomBytes(KEY_BYTES);
  const wrap = await wrapUnderPassphrase(
    kit,
    derive,
    vaultId,
    vaultKey,
    passphrase,
    options.kdf ?? PRODUCTION_KDF_FLOOR,
  );
  const header: VaultHeader = {
    format: VAULT_HEADER_FORMAT,
    version: VAULT_HEADER_VERSION,
    vaultId,
    createdAt: now.toISOString(),
    ...wrap,
    recovery: null,
  };
  return { header: vaultHeaderSchema.parse(header), vaultKey };
}

export type UnlockOptions = {
  readonly kit: CryptoKit;
  readonly derive: DeriveKey;
  readonly untrustedHeader: unknown;
  readonly passphrase: string;
  /** Tests only: TEST_KDF_FLOOR. */
  readonly floor?: KdfParams;
};

/** Unwraps the vault key with the passphrase. Reads only; a wrong passphrase changes nothing. */
export async function unlockWithPassphrase(
  options: UnlockOptions,
): Promise<VaultKeyResult<{ header: VaultHeader; vaultKey: Uint8Array }>> {
  const { kit, derive, passphrase } = options;
  const header = parseVaultHeader(options.untrustedHeader, options.floor);
  if (!header.ok) return header;
  const { kdf, vaultId, passphraseWrap } = header.value;
  const salt = fromBase64(kdf.salt);
  const sealed = fromBase64(passphraseWrap);
  if (salt === null || sealed === null) return fail('header-invalid');
  const kek = await derive(passphraseBytes(passphrase), salt, kdf);
  try {
    const vaultKey = kit.open(kek, sealed, passphraseWrapAd(vaultId, kdf));
    return vaultKey.length === KEY_BYTES ? ok({ header: header.value, vaultKey }) : fail('header-invalid');
  } catch (error) {
    if (error instanceof DecryptionError) return fail('wrong-passphrase');
    throw error;
  } finally {
    kit.wipe(kek);
  }
}

export type RecoveryUnlockOptions = {
  readonly kit: CryptoKit;
  readonly untrustedHeader: unknown;
  readonly recoveryKey: string;
  readonly floor?: KdfParams;
};

export function unlockWithRecoveryKey(
  options: RecoveryUnlockOptions,
): VaultKeyResult<{ header: VaultHeader; vaultKey: Uint8Array }> {
  const { kit } = options;
  const header = parseVaultHeader(options.untrustedHeader, options.floor);
  if (!header.ok) return header;
  if (header.value.recovery === null) return fail('no-recovery-key');
  const parsed = parseRecoveryKey(kit, options.recoveryKey);
  if (!parsed.ok) return fail(parsed.code);
  const sealed = fromBase64(header.value.recovery.wrap);
  if (sealed === null) return fail('header-invalid');
  const wrapKey = recoveryWrapKey(kit, parsed.secret, header.value.vaultId);
  try {
    const vaultKey = kit.open(wrapKey, sealed, recoveryWrapAd(header.value.vaultId));
    return vaultKey.length === KEY_BYTES ? ok({ header: header.value, vaultKey }) : fail('header-invalid');
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
  readonly newPassphrase: string;
  readonly kdf?: KdfParams;
};

/** A new salt and a new wrap of the same vault key; records, attachments and the recovery wrap stay as they are. */
export async function rewrapWithPassphrase(options: RewrapOptions): Promise<VaultHeader> {
  const { kit, derive, header, vaultKey, newPassphrase } = options;
  const wrap = await wrapUnderPassphrase(
    kit,
    derive,
    header.vaultId,
    vaultKey,
    newPassphrase,
    options.kdf ?? PRODUCTION_KDF_FLOOR,
  );
  return vaultHeaderSchema.parse({ ...header, ...wrap });
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
