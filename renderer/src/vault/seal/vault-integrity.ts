import type { CryptoKit } from '@shared/crypto/crypto-kit';
import {
  compareSeal,
  decryptSeal,
  encryptSeal,
  sealOf,
  VAULT_SEAL_ROW_ID,
  type IntegrityFinding,
  type ObservedVaultState,
  type VaultSeal,
} from '@shared/vault/vault-seal';
import type { VaultDb } from '../vault-db';
import { observeVaultState } from './observe-vault-state';

export type SealContext = {
  readonly db: VaultDb;
  readonly kit: CryptoKit;
  readonly sealKey: Uint8Array;
  readonly tables: readonly string[];
};

/** The stored seal, or why there is none to compare with. */
async function storedSeal(context: SealContext): Promise<VaultSeal | 'missing' | 'unreadable'> {
  const row = await context.db.vaultSeal.get(VAULT_SEAL_ROW_ID);
  if (row === undefined) return 'missing';
  const seal = decryptSeal(context.kit, context.sealKey, row.c);
  return seal.ok ? seal.value : 'unreadable';
}

function writeSeal(context: SealContext, seal: VaultSeal): Promise<unknown> {
  const row = { id: VAULT_SEAL_ROW_ID, c: encryptSeal(context.kit, context.sealKey, seal) };
  return context.db.transaction('rw', context.db.vaultSeal, () => context.db.vaultSeal.put(row));
}

/**
 * At unlock, before anything is written: how the disk differs from what Casebridge last wrote. A vault with no seal
 * and no write counter on any row is from before seals (or brand new): it is sealed as it is, once. A vault whose
 * rows carry counters but whose seal is gone or unreadable is reported, never silently sealed again.
 */
export async function checkVaultSeal(context: SealContext, now: Date): Promise<IntegrityFinding[]> {
  const observed = await observeVaultState(context.db, context.kit, context.sealKey, context.tables);
  const seal = await storedSeal(context);
  if (seal === 'unreadable') return [{ kind: 'seal-unreadable' }];
  if (seal === 'missing') {
    if (observed.maxCounter > 0) return [{ kind: 'seal-missing' }];
    await writeSeal(context, sealOf(observed, null, now.getTime()));
    return [];
  }
  return compareSeal(seal, observed);
}

/**
 * After the user accepted what is on disk: a seal of exactly that, written in the caller's transaction with their
 * signed decision. Returns the row to store; `observe` first, outside that transaction.
 */
export async function resealRow(
  context: SealContext,
  now: Date,
): Promise<{ readonly row: { readonly id: string; readonly c: Uint8Array }; readonly observed: ObservedVaultState }> {
  const observed = await observeVaultState(context.db, context.kit, context.sealKey, context.tables);
  const previous = await storedSeal(context);
  const seal = sealOf(observed, typeof previous === 'string' ? null : previous, now.getTime());
  return { row: { id: VAULT_SEAL_ROW_ID, c: encryptSeal(context.kit, context.sealKey, seal) }, observed };
}
