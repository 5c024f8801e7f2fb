import { describe, expect, it } from 'vitest';
import { buildBundle } from '@shared/bundle/build-bundle';
import { exportKeyCardBundle } from '@shared/bundle/key-card-bundle';
import { memorySink } from '@shared/bytes/byte-io';
import { ensureOwnOffice, wipeOwnOffice } from '../../../renderer/src/offices/own-office';
import type { OfficeProfile } from '../../../renderer/src/vault/records/office-profile';
import { officeWithCard } from '../../support/office-cards';
import { createdVault, kit } from '../vault/vault-test-kit';

const profile: OfficeProfile = {
  id: 'office',
  officeName: 'Bureau of Quiet Harbours',
  jurisdiction: 'DE',
  createdAt: new Date(),
};

describe('our office after the vault locks', () => {
  it('signs no key-card bundle and no bundle to a partner once its keys are wiped', async () => {
    const vault = await createdVault('own-office-locked');
    const now = Date.now();
    const own = await ensureOwnOffice(vault.db, kit, profile, now);
    if (!own.ok) throw new Error(own.error.message);
    const partner = officeWithCard(kit, 'Office Paris', 'FR', now);
    const before = await exportKeyCardBundle(kit, own.value, own.value.card, now, memorySink());
    expect(before.ok).toBe(true);

    // What the exchange layer does on lock (or when the identity is read again after a drill).
    wipeOwnOffice(kit, own.value);
    const card = await exportKeyCardBundle(kit, own.value, own.value.card, now, memorySink());
    const receipt = await buildBundle(
      kit,
      {
        kind: 'receipt',
        body: {
          receivedBundleId: '11'.repeat(16),
          receivedKind: 'request',
          receivedAt: now,
          headerDigest: '22'.repeat(64),
          status: 'imported',
        },
        sender: own.value,
        recipients: [{ card: partner.card, sequence: 1 }],
        createdAt: now,
        notAfter: now + 7 * 86_400_000,
      },
      memorySink(),
    );
    for (const built of [card, receipt])
      expect(built).toMatchObject({
        ok: false,
        error: { code: 'BUNDLE_BUILD_INVALID', message: expect.stringMatching(/signing key was closed/) as unknown },
      });
  });
});
