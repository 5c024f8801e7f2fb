import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { verifyDomain } from '@shared/bundle/signing-domains';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { createOfficeSigner, OfficeKeyWipedError } from '@shared/offices/office-signer';
import { createOversightExport } from '@shared/oversight/oversight-audit-export';

const kit = await cryptoKit();
const message = new TextEncoder().encode('oversight body');

describe('office signer', () => {
  it('signs with the office key without handing it out, and refuses to sign once wiped', () => {
    const identity = generateOfficeIdentity(kit);
    const signer = createOfficeSigner(kit, identity);
    const signature = signer.sign('oversightAudit', message);
    expect(verifyDomain(kit, 'oversightAudit', signature, identity.signingPublicKey, message)).toBe(true);
    expect(Object.values(signer)).not.toContain(identity.signingPrivateKeyPlaintext);

    signer.wipe();
    // The identity shares the bytes: wiping through the signer zeroes them there too.
    expect(identity.signingPrivateKeyPlaintext.every((byte) => byte === 0)).toBe(true);
    expect(signer.wiped()).toBe(true);
    expect(() => signer.sign('oversightAudit', message)).toThrow(OfficeKeyWipedError);
    expect(() => signer.sign('oversightAudit', message)).toThrow(/signing key was closed/);
    expect(() => signer.wipe()).not.toThrow();
  });

  it('an oversight export asked of a wiped signer signs nothing and says why', () => {
    const signer = createOfficeSigner(kit, generateOfficeIdentity(kit));
    signer.wipe();
    expect(() =>
      createOversightExport(
        kit,
        {
          office: { name: 'Office Berlin', jurisdiction: 'DE' },
          scope: { kind: 'period', from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
          trails: [],
          certificates: [],
          now: '2026-06-01T00:00:00.000Z',
        },
        signer,
      ),
    ).toThrow(OfficeKeyWipedError);
  });
});
