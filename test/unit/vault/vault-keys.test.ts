import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { TEST_KDF_FLOOR, PRODUCTION_KDF_FLOOR, checkKdfParams, KDF_CEILING } from '@shared/vault/kdf-params';
import {
  addPersonSlot,
  addRecoveryKey,
  createVaultKey,
  deriveVaultSubkeys,
  parseLegacyVaultHeader,
  parseVaultHeader,
  removePersonSlot,
  rewrapPersonSlot,
  unlockLegacyWithPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  upgradeLegacyHeader,
  vaultKeyMessage,
  type DeriveKey,
} from '@shared/vault/vault-keys';
import { toBase64 } from '@shared/bytes/bytes';
import type { VaultHeader } from '@shared/vault/vault-header';
import fixture from '../../browser/vault/fixtures/v1-database.json';

const kit = await cryptoKit();
let derivations = 0;
const derive: DeriveKey = async (passphrase, salt, params) => {
  derivations++;
  return kit.argon2id(passphrase, salt, params.iterations, params.memoryBytes);
};
const now = new Date('2026-03-01T10:00:00Z');
const vaultId = '3b1f6c1e-8d0a-4c55-9a57-0d7c2f1b9e21';
const passphrase = 'tidal lanterns hum over 47 quiet harbours';
const ana = { personId: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Ana Silva', passphrase };
const ben = {
  personId: 'a1b2c3d4-0000-4000-8000-000000000002',
  name: 'Ben Okafor',
  passphrase: 'ben has a long phrase too',
};

// One vault at the test floor (explicit option), reused by the tests below to keep the suite fast.
const created = await createVaultKey({ kit, derive, person: ana, vaultId, now, kdf: TEST_KDF_FLOOR });
const unlock = (header: VaultHeader | unknown, personId: string, phrase: string) =>
  unlockWithPassphrase({ kit, derive, untrustedHeader: header, personId, passphrase: phrase, floor: TEST_KDF_FLOOR });
const firstSlot = (header: VaultHeader) => {
  const [slot] = header.slots;
  if (!slot) throw new Error('no slot');
  return slot;
};

describe('vault key hierarchy: one key slot per person', () => {
  it('creates a header whose first slot is the first person, at the requested cost', async () => {
    const slot = firstSlot(created.header);
    expect(created.header.version).toBe(2);
    expect(slot).toMatchObject({ personId: ana.personId, name: 'Ana Silva' });
    expect(slot.kdf).toMatchObject({ algorithm: 'argon2id13', iterations: 3, memoryBytes: 64 * 1024 * 1024 });
    expect(created.vaultKey).toHaveLength(32);
    const unlocked = await unlock(created.header, ana.personId, passphrase);
    expect(unlocked.ok && kit.equal(unlocked.value.vaultKey, created.vaultKey)).toBe(true);
    expect(unlocked.ok && kit.equal(unlocked.value.person.signing.privateKey, created.signing.privateKey)).toBe(true);
    expect(unlocked.ok && unlocked.value.person.name).toBe('Ana Silva');
  });

  it('refuses a wrong passphrase with a code and a next step, and an unknown person', async () => {
    const result = await unlock(created.header, ana.personId, 'tidal lanterns');
    expect(result).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(!result.ok && result.error.message).toMatch(/Caps Lock/);
    expect(await unlock(created.header, ben.personId, passphrase)).toMatchObject({
      ok: false,
      error: { code: 'unknown-person' },
    });
  });

  it('refuses, without running the KDF, a header below the production floor (a downgrade)', async () => {
    const before = derivations;
    const result = await unlockWithPassphrase({
      kit,
      derive,
      untrustedHeader: created.header,
      personId: ana.personId,
      passphrase,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'kdf-below-floor' } });
    expect(derivations).toBe(before);
    const slot = firstSlot(created.header);
    const lowered = { ...created.header, slots: [{ ...slot, kdf: { ...slot.kdf, iterations: 2 } }] };
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

  it('binds each wrap to the vault id, the person, every KDF field and the public key (AD)', async () => {
    const slot = firstSlot(created.header);
    const edits = [
      { ...created.header, slots: [{ ...slot, kdf: { ...slot.kdf, iterations: 4 } }] },
      { ...created.header, vaultId: 'b2a4f1de-1111-4c55-9a57-0d7c2f1b9e21' },
      { ...created.header, slots: [{ ...slot, signingPublicKey: toBase64(new Uint8Array(32).fill(7)) }] },
    ];
    for (const edited of edits) {
      expect(await unlock(edited, ana.personId, passphrase)).toMatchObject({
        ok: false,
        error: { code: 'wrong-passphrase' },
      });
    }
    // A slot moved to another person id opens nothing either.
    const moved = { ...created.header, slots: [{ ...slot, personId: ben.personId }] };
    expect(await unlock(moved, ben.personId, passphrase)).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
  });

  it('refuses damaged or future headers with distinct codes', () => {
    expect(parseVaultHeader({ ...created.header, version: 3 }, TEST_KDF_FLOOR)).toMatchObject({
      ok: false,
      error: { code: 'header-too-new' },
    });
    const slot = firstSlot(created.header);
    expect(
      parseVaultHeader({ ...created.header, slots: [{ ...slot, vaultKeyWrap: 'not base64!' }] }, TEST_KDF_FLOOR),
    ).toMatchObject({ ok: false, error: { code: 'header-invalid' } });
    expect(parseVaultHeader({ ...created.header, slots: [] }, TEST_KDF_FLOOR)).toMatchObject({
      ok: false,
      error: { code: 'header-invalid' },
    });
    expect(parseVaultHeader({ ...created.header, slots: [slot, slot] }, TEST_KDF_FLOOR)).toMatchObject({
      ok: false,
      error: { code: 'header-invalid' },
    });
    expect(parseVaultHeader('{}', TEST_KDF_FLOOR)).toMatchObject({ ok: false, error: { code: 'header-invalid' } });
    expect(parseVaultHeader({ ...created.header, extra: 1 }, TEST_KDF_FLOOR)).toMatchObject({ ok: false });
  });

  it('a second person gets a slot of their own: their passphrase, their signing key; removing it locks them out', async () => {
    const added = await addPersonSlot({
      kit,
      derive,
      header: created.header,
      vaultKey: created.vaultKey,
      person: ben,
      now,
      kdf: TEST_KDF_FLOOR,
    });
    expect(added.header.slots.map((s) => s.name)).toEqual(['Ana Silva', 'Ben Okafor']);
    const asBen = await unlock(added.header, ben.personId, ben.passphrase);
    expect(asBen.ok && kit.equal(asBen.value.vaultKey, created.vaultKey)).toBe(true);
    expect(asBen.ok && kit.equal(asBen.value.person.signing.publicKey, created.signing.publicKey)).toBe(false);
    // Ana's passphrase does not open Ben's slot, and Ben's does not open Ana's.
    expect(await unlock(added.header, ben.personId, passphrase)).toMatchObject({ ok: false });
    expect(await unlock(added.header, ana.personId, ben.passphrase)).toMatchObject({ ok: false });
    const removed = removePersonSlot(added.header, ben.personId);
    expect(removed.ok && removed.value.slots.map((s) => s.personId)).toEqual([ana.personId]);
    if (removed.ok) {
      expect(await unlock(removed.value, ben.personId, ben.passphrase)).toMatchObject({
        ok: false,
        error: { code: 'unknown-person' },
      });
      expect(removePersonSlot(removed.value, ana.personId)).toMatchObject({
        ok: false,
        error: { code: 'last-person' },
      });
    }
  });

  it('changing a passphrase re-wraps only that slot and keeps the signing key; the old passphrase stops working', async () => {
    const next = await rewrapPersonSlot({
      kit,
      derive,
      header: created.header,
      vaultKey: created.vaultKey,
      personId: ana.personId,
      newPassphrase: 'a completely different long phrase',
      signing: created.signing,
      now,
      kdf: TEST_KDF_FLOOR,
    });
    if (!next.ok) throw new Error(next.error.message);
    expect(firstSlot(next.value.header).kdf.salt).not.toBe(firstSlot(created.header).kdf.salt);
    const withNew = await unlock(next.value.header, ana.personId, 'a completely different long phrase');
    expect(withNew.ok && kit.equal(withNew.value.vaultKey, created.vaultKey)).toBe(true);
    expect(withNew.ok && kit.equal(withNew.value.person.signing.privateKey, created.signing.privateKey)).toBe(true);
    expect(await unlock(next.value.header, ana.personId, passphrase)).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
  });

  it('a recovery key opens the vault, survives a passphrase change, and a replaced one stops working', async () => {
    expect(
      unlockWithRecoveryKey({ kit, untrustedHeader: created.header, recoveryKey: 'x', floor: TEST_KDF_FLOOR }),
    ).toMatchObject({ ok: false, error: { code: 'no-recovery-key' } });
    const first = addRecoveryKey({ kit, header: created.header, vaultKey: created.vaultKey, now });
    expect(first.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
    const rewrapped = await rewrapPersonSlot({
      kit,
      derive,
      header: first.header,
      vaultKey: created.vaultKey,
      personId: ana.personId,
      newPassphrase: 'another long passphrase here',
      now,
      kdf: TEST_KDF_FLOOR,
    });
    if (!rewrapped.ok) throw new Error(rewrapped.error.message);
    const typed = first.recoveryKey.toLowerCase().replace(/-/g, ' ');
    const opened = unlockWithRecoveryKey({
      kit,
      untrustedHeader: rewrapped.value.header,
      recoveryKey: typed,
      floor: TEST_KDF_FLOOR,
    });
    expect(opened.ok && kit.equal(opened.value.vaultKey, created.vaultKey)).toBe(true);
    const second = addRecoveryKey({ kit, header: rewrapped.value.header, vaultKey: created.vaultKey, now });
    expect(
      unlockWithRecoveryKey({
        kit,
        untrustedHeader: second.header,
        recoveryKey: first.recoveryKey,
        floor: TEST_KDF_FLOOR,
      }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-recovery-key' } });
  });

  it('upgrades a version 1 header (the frozen fixture): same passphrase, same vault key, recovery kept', async () => {
    const row = (fixture as Record<string, { value: { header?: unknown } }[]>).vaultHeader?.[0];
    const legacy = parseLegacyVaultHeader(row?.value.header, TEST_KDF_FLOOR);
    if (!legacy?.ok) throw new Error('the fixture header is not a version 1 header');
    expect(parseVaultHeader(row?.value.header, TEST_KDF_FLOOR)).toMatchObject({ ok: false });
    const vaultKey = await unlockLegacyWithPassphrase({ kit, derive, header: legacy.value, passphrase });
    if (!vaultKey.ok) throw new Error(vaultKey.error.message);
    const upgraded = await upgradeLegacyHeader({
      kit,
      derive,
      legacy: legacy.value,
      vaultKey: vaultKey.value,
      person: { ...ana, passphrase },
      now,
      kdf: TEST_KDF_FLOOR,
    });
    expect(upgraded.header).toMatchObject({
      version: 2,
      vaultId: legacy.value.vaultId,
      recovery: legacy.value.recovery,
    });
    const unlocked = await unlock(upgraded.header, ana.personId, passphrase);
    expect(unlocked.ok && kit.equal(unlocked.value.vaultKey, vaultKey.value)).toBe(true);
  });

  it('derives four distinct purpose sub-keys, stable for a vault key, and no unused one', () => {
    const a = deriveVaultSubkeys(kit, created.vaultKey);
    const b = deriveVaultSubkeys(kit, created.vaultKey);
    expect(Object.keys(a).sort()).toEqual(['attachments', 'blindIndex', 'records', 'seal']);
    const all = [a.records, a.attachments, a.blindIndex, a.seal].map((k) => toBase64(k));
    expect(new Set(all).size).toBe(4);
    expect(kit.equal(a.records, b.records)).toBe(true);
    expect(all).not.toContain(toBase64(created.vaultKey));
  });

  it('a recovery wrap moved into another vault’s header does not open it', () => {
    const withKey = addRecoveryKey({ kit, header: created.header, vaultKey: created.vaultKey, now });
    const moved = { ...withKey.header, vaultId: '3b1f6c1e-8d0a-4c55-9a57-0d7c2f1b9e22' };
    expect(
      unlockWithRecoveryKey({ kit, untrustedHeader: moved, recoveryKey: withKey.recoveryKey, floor: TEST_KDF_FLOOR }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-recovery-key' } });
    const damaged = { ...withKey.header, recovery: { ...withKey.header.recovery, wrap: 'not base64!' } };
    expect(
      unlockWithRecoveryKey({ kit, untrustedHeader: damaged, recoveryKey: withKey.recoveryKey, floor: TEST_KDF_FLOOR }),
    ).toMatchObject({ ok: false, error: { code: 'header-invalid' } });
    expect(
      unlockWithRecoveryKey({ kit, untrustedHeader: withKey.header, recoveryKey: 'ABCD', floor: TEST_KDF_FLOOR }),
    ).toMatchObject({ ok: false, error: { code: 'recovery-key-format' } });
  });

  it('refuses a wrong shared passphrase and a damaged salt on a version 1 header', async () => {
    const row = (fixture as Record<string, { value: { header?: unknown } }[]>).vaultHeader?.[0];
    const legacy = parseLegacyVaultHeader(row?.value.header, TEST_KDF_FLOOR);
    if (!legacy?.ok) throw new Error('the fixture header is not a version 1 header');
    expect(
      await unlockLegacyWithPassphrase({ kit, derive, header: legacy.value, passphrase: 'not the passphrase' }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    const damaged = { ...legacy.value, kdf: { ...legacy.value.kdf, salt: '!!' } };
    expect(await unlockLegacyWithPassphrase({ kit, derive, header: damaged, passphrase })).toMatchObject({
      ok: false,
      error: { code: 'header-invalid' },
    });
    const noWrap = { ...legacy.value, passphraseWrap: '!!' };
    expect(await unlockLegacyWithPassphrase({ kit, derive, header: noWrap, passphrase })).toMatchObject({
      ok: false,
      error: { code: 'header-invalid' },
    });
  });

  it('refuses to remove a person who has no slot, and the last person', () => {
    expect(removePersonSlot(created.header, 'nobody')).toMatchObject({ ok: false, error: { code: 'unknown-person' } });
    expect(removePersonSlot(created.header, ana.personId)).toMatchObject({ ok: false, error: { code: 'last-person' } });
  });

  it('words every refusal with what to do next, each its own message', () => {
    const codes = [
      'header-invalid',
      'header-too-new',
      'kdf-below-floor',
      'kdf-above-ceiling',
      'wrong-passphrase',
      'no-recovery-key',
      'recovery-key-format',
      'recovery-key-checksum',
      'wrong-recovery-key',
      'unknown-person',
      'last-person',
    ] as const;
    const texts = codes.map((code) => vaultKeyMessage(code));
    expect(new Set(texts).size).toBe(codes.length);
    expect(vaultKeyMessage('wrong-passphrase')).toMatch(/Caps Lock, then try again\.$/);
    expect(vaultKeyMessage('header-invalid')).toMatch(/Restore the profile folder from a backup\.$/);
    expect(vaultKeyMessage('header-too-new')).toMatch(/Update Casebridge, then open it again\.$/);
    expect(vaultKeyMessage('recovery-key-checksum')).toMatch(/Compare it with the printout\.$/);
    expect(vaultKeyMessage('unknown-person')).toMatch(/ask an administrator\.$/);
  });
});
