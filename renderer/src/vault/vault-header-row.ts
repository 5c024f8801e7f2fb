import { z } from 'zod';
import { vaultHeaderSchema } from '@shared/vault/vault-header';

/** The single plaintext row: `{ id: 'vault', header }`. */
export const VAULT_HEADER_ROW_ID = 'vault';
export const vaultHeaderRowSchema = z.strictObject({ id: z.literal(VAULT_HEADER_ROW_ID), header: vaultHeaderSchema });
export type VaultHeaderRow = z.infer<typeof vaultHeaderRowSchema>;
