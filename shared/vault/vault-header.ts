import { z } from 'zod';
import { SALT_BYTES } from '../crypto/crypto-kit';
import { fromBase64 } from '../bytes/bytes';

/**
 * The only vault data stored in plaintext: what is needed to derive the key again. It reveals that a vault
 * exists and how expensive its KDF is — nothing about cases or people.
 */

export const VAULT_HEADER_FORMAT = 'casebridge.vault';
/** Version 2: one key slot per person. Version 1 (one shared passphrase) is read only to upgrade it. */
export const VAULT_HEADER_VERSION = 2;
export const LEGACY_VAULT_HEADER_VERSION = 1;
/** An installation is a handful of people; the cap stops a crafted header from costing minutes of KDF work. */
export const MAX_PERSON_SLOTS = 32;

const base64Bytes = (length?: number) =>
  z.string().refine(
    (text) => {
      const bytes = fromBase64(text);
      return bytes !== null && (length === undefined || bytes.length === length);
    },
    length === undefined ? 'must be base64' : `must be base64 of ${length} bytes`,
  );

const wrapSchema = base64Bytes();

const kdfSchema = z.strictObject({
  algorithm: z.literal('argon2id13'),
  iterations: z.number().int().positive(),
  memoryBytes: z.number().int().positive(),
  salt: base64Bytes(SALT_BYTES),
});
export type KdfHeader = z.infer<typeof kdfSchema>;

const recoverySchema = z.strictObject({ wrap: wrapSchema, createdAt: z.iso.datetime() }).nullable();

/**
 * One person's way in (LUKS-style): their own passphrase, their own Argon2id salt, the vault key sealed under a
 * key derived from it, and their own Ed25519 signing key sealed under another key derived from it — never under
 * the vault key, so nobody else who can open the vault can sign as them. The name is a plaintext hint for the lock
 * screen (staff names, not case data); the person's record inside the vault is authoritative.
 */
export const personSlotSchema = z.strictObject({
  personId: z.uuid(),
  name: z.string().trim().min(1).max(80),
  kdf: kdfSchema,
  vaultKeyWrap: wrapSchema,
  signingKeyWrap: wrapSchema,
  signingPublicKey: base64Bytes(32),
  createdAt: z.iso.datetime(),
});
export type PersonSlot = z.infer<typeof personSlotSchema>;

export const vaultHeaderSchema = z.strictObject({
  format: z.literal(VAULT_HEADER_FORMAT),
  version: z.literal(VAULT_HEADER_VERSION),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  slots: z
    .array(personSlotSchema)
    .min(1)
    .max(MAX_PERSON_SLOTS)
    .refine((slots) => new Set(slots.map((slot) => slot.personId)).size === slots.length, 'person ids must differ'),
  /** The vault key sealed under the recovery key, if one was made. */
  recovery: recoverySchema,
});

export type VaultHeader = z.infer<typeof vaultHeaderSchema>;

/** A header written before persons existed: one shared passphrase. Read only to upgrade it to version 2. */
export const legacyVaultHeaderSchema = z.strictObject({
  format: z.literal(VAULT_HEADER_FORMAT),
  version: z.literal(LEGACY_VAULT_HEADER_VERSION),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  kdf: kdfSchema,
  /** The vault key sealed under the passphrase key. */
  passphraseWrap: wrapSchema,
  recovery: recoverySchema,
});
export type LegacyVaultHeader = z.infer<typeof legacyVaultHeaderSchema>;

/** Tells a header written by a newer Casebridge apart from a damaged one, for a better message. */
export const headerVersionSchema = z.object({ format: z.literal(VAULT_HEADER_FORMAT), version: z.number().int() });
