import { z } from 'zod';
import { SALT_BYTES } from '../crypto/crypto-kit';
import { fromBase64 } from '../bytes/bytes';

/**
 * The only vault data stored in plaintext: what is needed to derive the key again. It reveals that a vault
 * exists and how expensive its KDF is — nothing about cases or people.
 */

export const VAULT_HEADER_FORMAT = 'casebridge.vault';
export const VAULT_HEADER_VERSION = 1;

const base64Bytes = (length?: number) =>
  z.string().refine(
    (text) => {
      const bytes = fromBase64(text);
      return bytes !== null && (length === undefined || bytes.length === length);
    },
    length === undefined ? 'must be base64' : `must be base64 of ${length} bytes`,
  );

const wrapSchema = base64Bytes();

export const vaultHeaderSchema = z.strictObject({
  format: z.literal(VAULT_HEADER_FORMAT),
  version: z.literal(VAULT_HEADER_VERSION),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  kdf: z.strictObject({
    algorithm: z.literal('argon2id13'),
    iterations: z.number().int().positive(),
    memoryBytes: z.number().int().positive(),
    salt: base64Bytes(SALT_BYTES),
  }),
  /** The vault key sealed under the passphrase key. */
  passphraseWrap: wrapSchema,
  /** The vault key sealed under the recovery key, if the user made one. */
  recovery: z.strictObject({ wrap: wrapSchema, createdAt: z.iso.datetime() }).nullable(),
});

export type VaultHeader = z.infer<typeof vaultHeaderSchema>;

/** Tells a header written by a newer Casebridge apart from a damaged one, for a better message. */
export const headerVersionSchema = z.object({ format: z.literal(VAULT_HEADER_FORMAT), version: z.number().int() });
