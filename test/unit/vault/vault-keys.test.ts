import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { TEST_KDF_FLOOR, PRODUCTION_KDF_FLOOR, checkKdfParams, KDF_CEILING } from '@shared/vault/kdf-params';
import {
  addRecoveryKey,
  createVaultKey,
  deriveVaultSubkeys,
  parseVaultHeader,
  rewrapWithPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type DeriveKey,
} from '@shared/vault/vault-keys';
import { toBase64 } from '@shared/bytes/bytes';

const kit = await cryptoKit();
let derivations = 0;
const derive: DeriveKey = async (passphrase, salt, params) => {
  derivations++;
  return kit.argon2id(passphrase, salt, params.iterations, params.memoryBytes);
};
const now = new Date('2026-03-01T10:00:00Z');
const vaultId = '3b1f6c1e-8d0a-4c55-9a57-0d7c2f1b9e21';
const passphrase = 'tidal lanterns hum over 47 quiet harbours';

// One vault at the test floor (explicit option), reused by the tests below to keep the suite fast.
const created = await createVaultKey({ kit, derive, passphrase, vaultId, now, kdf: TEST_KDF_FLOOR });

describe('vault key hierarchy', () => {
  it('creates a header at the requested cost and unlocks with the passphrase', async () => {
    expect(created.header.kdf).toMatchObject({ algorithm: 'argon2id13', iterations: 3, memoryBytes: 64 * 1024 * 1024 });
    expect(created.vaultKey).toHaveLength(32);
    const unlocked = await unlockWithPassphrase({
      kit,
      derive,
      untrustedHeader: created.header,
      passphrase,
      floor: TEST_KDF_FLOOR,
    });
    expect(unlocked.ok && kit.equal(unlocked.value.vaultKey, created.vaultKey)).toBe(true);
  });

  it('refuses a wrong passphrase with a code and a next step', async () => {
    const result = await unlockWithPassphrase({
      kit,
      derive,
      untrustedHeader: created.header,
      passphrase: 'tidal lanterns',
      floor: TEST_KDF_FLOOR,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(!result.ok && result.error.message).toMatch(/Caps Lock/);
  });

  it('refuses, without running the KDF, a header below the production floor (a downgrade)', async () => {
    const before = derivations;
    const result = await unlockWithPassphrase({ kit, derive, untrustedHeader: created.header, passphrase });
    expect(result).toMatchObject({ ok: false, error: { code: 'kdf-below-floor' } });
    expect(derivations).toBe(before);
    const lowered = { ...created.header, kdf: { ...created.header.kdf, iterations: 2 } };
    expect(parseVaultHeader(lowered, TEST_KDF_FLOOR)).toMatchObject({ ok: false, error: { code: 'kdf-below-floor' } });
  });

  it('the production floor is t=3, m=256 MiB and the ceiling refuses absurd costs', () => {
    expect(PRODUCTION_KDF_FLOOR).toEqual({ iterations: 3, memoryBytes: 256 * 1024 * 1024 });
    expect(checkKdfParams({ iterations: 3, memoryBytes: 255 * 1024 * 1024 }, PRODUCTION_KDF_FLOOR)).toEqual({
      ok: false,
      code: 'kdf-below-floor',
    });
    expect(checkKdfParams({ iterations: 3, memoryBytes: 256 * 1024 * 1024 }, PRODUCTION_KDF_FLOOR)).toEqual({
      ok: true,
    });
    expect(
      checkKdfParams({ iterations: KDF_CEILING.iterations + 1, memoryBytes: 256 * 1024 * 1024 }, PRODUCTION_KDF_FLOOR),
    ).toEqual({ ok: false, code: 'kdf-above-ceiling' });
  });

  it('binds the wrap to the vault id and every KDF field (AD)', async () => {
    const raisedCost = { ...created.header, kdf: { ...created.header.kdf, iterations: 4 } };
    expect(
      await unlockWithPassphrase({ kit, derive, untrustedHeader: raisedCost, passphrase, floor: TEST_KDF_FLOOR }),
    ).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    const otherId = { ...created.header, vaultId: 'b2a4f1de-1111-4c55-9a57-0d7c2f1b9e21' };
    expect(
      await unlockWithPassphrase({ kit, derive, untrustedHeader: otherId, passphrase, floor: TEST_KDF_FLOOR }),
    ).toMatchObject({ ok: false });
  });

  it('refuses damaged or future headers with distinct codes', () => {
    expect(parseVaultHeader({ ...created.header, version: 2 }, TEST_KDF_FLOOR)).toMatchObject({
      ok: false,
      error: { code: 'header-too-new' },
    });
    expect(parseVaultHeader({ ...created.header, passphraseWrap: 'not base64!' }, TEST_KDF_FLOOR)).toMatchObject({
      ok: false,
      error: { code: 'header-invalid' },
    });
    expect(
      parseVaultHeader(
        { ...created.header, kdf: { ...created.header.kdf, salt: toBase64(new Uint8Array(8)) } },
        TEST_KDF_FLOOR,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'header-invalid' },
    });
    expect(parseVaultHeader('{}', TEST_KDF_FLOOR)).toMatchObject({ ok: false, error: { code: 'header-invalid' } });
    expect(parseVaultHeader({ ...created.header, extra: 1 }, TEST_KDF_FLOOR)).toMatchObject({ ok: false });
  });

  it('changing the passphrase re-wraps the same vault key; the old passphrase stops working', async () => {
    const next = await rewrapWithPassphrase({
      kit,
      derive,
      header: created.header,
      vaultKey: created.vaultKey,
      newPassphrase: 'a completely different long phrase',
      kdf: TEST_KDF_FLOOR,
    });
    expect(next.vaultId).toBe(created.header.vaultId);
    expect(next.kdf.salt).not.toBe(created.header.kdf.salt);
    const withNew = await unlockWithPassphrase({
      kit,
      derive,
      untrustedHeader: next,
      passphrase: 'a completely different long phrase',
      floor: TEST_KDF_FLOOR,
    });
    expect(withNew.ok && kit.equal(withNew.value.vaultKey, created.vaultKey)).toBe(true);
    expect(
      await unlockWithPassphrase({ kit, derive, untrustedHeader: next, passphrase, floor: TEST_KDF_FLOOR }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
  });

  it('a recovery key opens the vault, survives a passphrase change, and a replaced one stops working', async () => {
    expect(
      unlockWithRecoveryKey({ kit, untrustedHeader: created.header, recoveryKey: 'x', floor: TEST_KDF_FLOOR }),
    ).toMatchObject({
      ok: false,
      error: { code: 'no-recovery-key' },
    });
    const first = addRecoveryKey({ kit, header: created.header, vaultKey: created.vaultKey, now });
    expect(first.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
    const rewrapped = await rewrapWithPassphrase({
      kit,
      derive,
      header: first.header,
      vaultKey: created.vaultKey,
      newPassphrase: 'another long passphrase here',
      kdf: TEST_KDF_FLOOR,
    });
    const typed = first.recoveryKey.toLowerCase().replace(/-/g, ' ');
    const opened = unlockWithRecoveryKey({
      kit,
      untrustedHeader: rewrapped,
      recoveryKey: typed,
      floor: TEST_KDF_FLOOR,
    });
    expect(opened.ok && kit.equal(opened.value.vaultKey, created.vaultKey)).toBe(true);
    const second = addRecoveryKey({ kit, header: rewrapped, vaultKey: created.vaultKey, now });
    expect(
      unlockWithRecoveryKey({
        kit,
        untrustedHeader: second.header,
        recoveryKey: first.recoveryKey,
        floor: TEST_KDF_FLOOR,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'wrong-recovery-key' },
    });
  });

  it('derives four distinct purpose sub-keys, stable for a vault key', () => {
    const a = deriveVaultSubkeys(kit, created.vaultKey);
    const b = deriveVaultSubkeys(kit, created.vaultKey);
    const all = [a.records, a.attachments, a.blindIndex, a.audit].map((k) => toBase64(k));
    expect(new Set(all).size).toBe(4);
    expect(kit.equal(a.records, b.records)).toBe(true);
    expect(all).not.toContain(toBase64(created.vaultKey));
  });
});
