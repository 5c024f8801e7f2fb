import type { DBCore, Middleware } from 'dexie';
import type { VaultService } from '../../../renderer/src/vault/vault-service';
import { PASSPHRASE, testVault } from './vault-test-kit';

/** What the filling disk has seen: bytes left before it refuses, and the chunk rows it was asked to write. */
export type DiskBudget = { bytes: number; chunkWrites?: number };

/**
 * A disk that fills up. Chromium's quota cannot be shrunk for the in-memory test profile (the DevTools
 * override is ignored there), so the one fake is the trigger: below the encryption layer, a write past the
 * budget fails the way IndexedDB does, with a QuotaExceededError DOMException. What happens next — the
 * transaction aborting, nothing half-stored, the message — is the real code on real IndexedDB.
 */
export function fillingDisk(budget: DiskBudget): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'FillingDisk',
    level: -20,
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            if (req.type === 'add' || req.type === 'put') {
              if (name === 'attachmentChunks') budget.chunkWrites = (budget.chunkWrites ?? 0) + req.values.length;
              const size = req.values.reduce((sum: number, value: unknown) => {
                const c: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'c') : undefined;
                return sum + (c instanceof Uint8Array ? c.length : 100);
              }, 0);
              budget.bytes -= size;
              if (budget.bytes < 0)
                return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

/** A new vault (created, unlocked) whose writes go through `fillingDisk(budget)`. */
export async function vaultOnFillingDisk(label: string, budget: DiskBudget): Promise<VaultService> {
  const vault = testVault(label);
  vault.db.use(fillingDisk(budget));
  const created = await vault.create(PASSPHRASE);
  if (!created.ok) throw new Error(created.error.message);
  return vault;
}
