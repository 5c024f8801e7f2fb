import { describe, expect, it } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { storeAttachment } from '../../../renderer/src/vault/attachments/attachment-store';
import type { VaultService } from '../../../renderer/src/vault/vault-service';
import { PASSPHRASE, testVault } from './vault-test-kit';
import { makeCase } from './case-fixtures';

/**
 * A disk that fills up. Chromium's quota cannot be shrunk for the in-memory test profile (the DevTools
 * override is ignored there), so the one fake is the trigger: below the encryption layer, a write past the
 * budget fails the way IndexedDB does, with a QuotaExceededError DOMException. What happens next — the
 * transaction aborting, nothing half-stored, the message — is the real code on real IndexedDB.
 */
function fillingDisk(budget: { bytes: number }): Middleware<DBCore> {
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

async function vaultOnFillingDisk(label: string, budget: { bytes: number }): Promise<VaultService> {
  const vault = testVault(label);
  vault.db.use(fillingDisk(budget));
  const created = await vault.create(PASSPHRASE);
  if (!created.ok) throw new Error(created.error.message);
  return vault;
}

describe('a full disk', () => {
  it('refuses the whole write with a clear message and stores none of it', async () => {
    const budget = { bytes: 1_000_000 };
    const vault = await vaultOnFillingDisk('full', budget);
    await vault.db.cases.put(makeCase(0));
    const many = Array.from({ length: 1000 }, (_, i) => makeCase(i + 1));
    const result = await vaultWrite(vault.db, [vault.db.cases, vault.db.events], async () => {
      await vault.db.events.put({ id: 'ev-1', caseId: 'x', at: new Date(), seq: 1 });
      await vault.db.cases.bulkPut(many);
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'storage-full', message: expect.stringMatching(/nothing was saved\. Free some space/) },
    });
    budget.bytes = Infinity;
    expect(await vault.db.cases.count()).toBe(1);
    expect(await vault.db.events.count()).toBe(0); // the earlier write in the same transaction was rolled back too
    expect((await vault.db.cases.get(makeCase(0).id))?.title).toBe(makeCase(0).title);
  });

  it('an attachment that does not fit leaves no chunks behind', async () => {
    const budget = { bytes: 6 * 1024 * 1024 };
    const vault = await vaultOnFillingDisk('full-attachment', budget);
    const blob = new Blob([new Uint8Array(24 * 1024 * 1024).fill(1)]);
    const result = await storeAttachment(vault.db, {
      id: 'att-big',
      caseId: 'c',
      fileName: 'big.bin',
      mediaType: 'x',
      source: blob,
      now: new Date(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    budget.bytes = Infinity;
    expect(await vault.db.attachmentChunks.count()).toBe(0);
    expect(await vault.db.attachments.count()).toBe(0);
  });
});
