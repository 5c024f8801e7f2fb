import { describe, expect, it, vi } from 'vitest';
import { toHex } from '@shared/bytes/bytes';
import { verifyOversightExport } from '@shared/oversight/oversight-audit-export';
import { yearPeriod } from '@shared/reports/report-period';
import { ensureOwnOffice, wipeOwnOffice } from '../../../renderer/src/offices/own-office';
import { buildOversightFile } from '../../../renderer/src/screens/reports/build-oversight-file';
import { kit, PASSPHRASE, testVault } from '../vault/vault-test-kit';

const profile = {
  id: 'office' as const,
  officeName: 'Bureau of Quiet Harbours',
  jurisdiction: 'DE',
  createdAt: new Date(),
};
const period = yearPeriod(2026);

async function vaultWithOffice(label: string) {
  const vault = testVault(label);
  const created = await vault.create(PASSPHRASE, 'Ana Silva');
  if (!created.ok) throw new Error(created.error.message);
  const own = await ensureOwnOffice(vault.db, kit, profile, Date.now());
  if (!own.ok) throw new Error(own.error.message);
  return { vault, own: own.value };
}

describe('oversight file', () => {
  it('is signed through the office signer it is given, without reading a copy of the office keys', async () => {
    const { vault, own } = await vaultWithOffice('oversight-signer');
    const keyReads = vi.spyOn(vault.db.officeKeys, 'get');
    const file = await buildOversightFile(vault.db, own, period, new Date('2026-06-01T00:00:00Z'));
    if (!file.ok) throw new Error(file.error.message);
    expect(keyReads).not.toHaveBeenCalled();
    const verified = verifyOversightExport(kit, file.value, [toHex(own.signer.publicKey)]);
    expect(verified.ok && verified.value.body.office.signingKey).toBe(toHex(own.signer.publicKey));
  });

  it('when the vault locks while the file is made, nothing is signed and it says so', async () => {
    const { vault, own } = await vaultWithOffice('oversight-wiped');
    const building = buildOversightFile(vault.db, own, period, new Date('2026-06-01T00:00:00Z'));
    // What the exchange layer does on lock, while the export is still collecting.
    wipeOwnOffice(kit, own);
    const file = await building;
    expect(file.ok ? 'signed' : file.error.code).toBe('office-key-wiped');
    expect(own.signer.wiped()).toBe(true);
    expect(own.boxPrivateKeyPlaintext.every((byte) => byte === 0)).toBe(true);
  });

  it('is refused while our office keys are not ready', async () => {
    const { vault } = await vaultWithOffice('oversight-not-ready');
    const file = await buildOversightFile(vault.db, null, period, new Date('2026-06-01T00:00:00Z'));
    expect(file.ok ? 'signed' : file.error.code).toBe('office-not-ready');
  });
});
