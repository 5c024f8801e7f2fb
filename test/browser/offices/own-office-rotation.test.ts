import { describe, expect, it } from 'vitest';
import { memorySource } from '@shared/bytes/byte-io';
import { toHex } from '@shared/bytes/bytes';
import { readKeyCardBundle } from '@shared/bundle/key-card-bundle';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { trustView } from '@shared/offices/trust-store';
import { ensureOwnOffice, OWN_KEYS_ID, ownKeysRecordSchema } from '../../../renderer/src/offices/own-office';
import { loadRetiredKeys, rotateOwnOffice } from '../../../renderer/src/offices/own-office-rotation';
import type { OfficeProfile } from '../../../renderer/src/vault/records/office-profile';
import { createdVault, kit } from '../vault/vault-test-kit';
import { dumpRaw } from '../vault/raw-idb';

const profile: OfficeProfile = {
  id: 'office',
  officeName: 'Bureau of Quiet Harbours',
  jurisdiction: 'DE',
  createdAt: new Date(),
};
const DAY = 86_400_000;

describe('the lost-laptop drill in the vault', () => {
  it('replaces the own key, keeps the old box key sealed for reading, and drops the old signing key', async () => {
    const vault = await createdVault('own-office-rotation');
    const now = Date.now();
    const before = await ensureOwnOffice(vault.db, kit, profile, now - 30 * DAY);
    if (!before.ok) throw new Error(before.error.message);
    const oldKey = toHex(before.value.signer.publicKey);
    // The private halves as the vault unseals them: our office in memory hands out no signing key.
    const oldSealed = ownKeysRecordSchema.parse(await vault.db.officeKeys.get(OWN_KEYS_ID));
    const oldSigningPrivate = toHex(oldSealed.signingPrivateKeyPlaintext);
    const oldBoxPrivate = toHex(oldSealed.boxPrivateKeyPlaintext);

    // A date in the future, or before the key existed, changes nothing.
    for (const [revokedAt, code] of [
      [now + DAY, 'DRILL_DATE_FUTURE'],
      [now - 32 * DAY, 'DRILL_DATE_BEFORE_KEY'],
    ] as const) {
      const refused = await rotateOwnOffice(vault.db, kit, profile, { reason: 'superseded', revokedAt }, now);
      expect(refused).toMatchObject({ ok: false, error: { code } });
    }
    expect(await loadRetiredKeys(vault.db)).toEqual([]);

    const lostOn = now - 2 * DAY;
    const rotated = await rotateOwnOffice(vault.db, kit, profile, { reason: 'superseded', revokedAt: lostOn }, now);
    if (!rotated.ok) throw new Error(rotated.error.message);
    // What the screen keeps holds no private key.
    expect(Object.keys(rotated.value)).not.toContain('boxPrivateKeyPlaintext');
    const after = await ensureOwnOffice(vault.db, kit, profile, now + 1000);
    if (!after.ok) throw new Error(after.error.message);
    const newKey = toHex(after.value.signer.publicKey);
    const newSealed = ownKeysRecordSchema.parse(await vault.db.officeKeys.get(OWN_KEYS_ID));
    expect(newKey).not.toBe(oldKey);
    expect(after.value.card.card.previousSigningKey).toBe(oldKey);
    expect(after.value.card.rotationSignature).toMatch(/^[0-9a-f]{128}$/);

    const [retired, ...others] = await loadRetiredKeys(vault.db);
    expect(others).toEqual([]);
    if (!retired) throw new Error('no retired keys');
    expect(toHex(retired.signingPublicKey)).toBe(oldKey);
    expect(toHex(retired.boxPrivateKeyPlaintext)).toBe(oldBoxPrivate);
    expect(retired.successor).toBe(newKey);
    expect(retired.revocation.statement).toMatchObject({ signingKey: oldKey, reason: 'superseded', revokedAt: lostOn });
    // The old signing key is not kept: this installation signs with the new key only.
    expect(Object.keys(retired)).not.toContain('signingPrivateKeyPlaintext');
    expect(retired.id).not.toBe(OWN_KEYS_ID);

    // The two files the drill built: the revocation signed by the old key, the card by the new one (and the old).
    const [revocationFile, cardFile] = retired.files;
    if (!revocationFile || !cardFile) throw new Error('files missing');
    expect(revocationFile.fileName).toMatch(
      /^casebridge-revocation-Bureau-of-Quiet-Harbours-\d{5}-\d{5}-[0-9a-f]{8}\.cbundle$/,
    );
    expect(cardFile.fileName).toMatch(/^casebridge-key-card-Bureau-of-Quiet-Harbours-/);
    const card = await readKeyCardBundle(kit, memorySource(cardFile.bytes));
    expect(card.ok && card.value).toEqual(after.value.card);
    const revocation = await verifyBundle(kit, {
      source: memorySource(revocationFile.bytes),
      trust: trustView({ [oldKey]: { card: before.value.card, state: 'verified', importedAt: now } }),
      recipient: null,
      clock: () => now,
      ledger: null,
    });
    expect(revocation.ok && revocation.value.header).toMatchObject({ kind: 'revocation', sender: oldKey });

    // Raw IndexedDB holds no key material in the clear, old or new.
    const raw = JSON.stringify(await dumpRaw(vault.db.name), (_key, value: unknown) =>
      value instanceof Uint8Array ? toHex(value) : value,
    );
    for (const secret of [
      oldSigningPrivate,
      oldBoxPrivate,
      toHex(newSealed.signingPrivateKeyPlaintext),
      toHex(newSealed.boxPrivateKeyPlaintext),
    ])
      expect(raw).not.toContain(secret);
  });
});
