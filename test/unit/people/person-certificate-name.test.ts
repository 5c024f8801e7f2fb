import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { toHex } from '@shared/bytes/bytes';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { createOfficeSigner } from '@shared/offices/office-signer';
import { issuePersonCertificate, personKeysFromCertificates } from '@shared/people/person-certificate';

const kit = await cryptoKit();
const office = generateOfficeIdentity(kit);
const officeKey = toHex(office.signingPublicKey);
const facts = (name: string) => ({
  personId: '2b0c5f4e-4c1a-4c8e-9a57-1f0d6a3e9b11',
  name,
  signingKey: 'ab'.repeat(32),
  validFrom: '2024-01-01T00:00:00.000Z',
  revokedAt: null,
});
const issue = (name: string) =>
  issuePersonCertificate(createOfficeSigner(kit, office), facts(name), '2024-01-01T00:00:00.000Z');

describe('the name in a person certificate (docs/bundle-format.md §7.5)', () => {
  it('is certified as the office wrote it, without whitespace at its ends', () => {
    const certificate = issue('  Ana Weber ');
    expect(certificate.body.name).toBe('Ana Weber');
    expect(personKeysFromCertificates(kit, [certificate], officeKey)).toMatchObject({
      keys: [{ name: 'Ana Weber' }],
      problems: [],
    });
  });

  it('is refused, never trimmed, when whitespace was added to a signed certificate', () => {
    const certificate = issue('Ana Weber');
    for (const padded of [' Ana Weber', 'Ana Weber ', 'Ana Weber\n']) {
      const changed = { ...certificate, body: { ...certificate.body, name: padded } };
      const read = personKeysFromCertificates(kit, [changed], officeKey);
      expect(read.keys, JSON.stringify(padded)).toEqual([]);
      expect(read.problems, JSON.stringify(padded)).toEqual([
        { index: 0, message: 'Person certificate 1 is malformed.' },
      ]);
    }
  });

  it('counts its 80 characters as code points, like every limit of the formats', () => {
    const eighty = '𝓐'.repeat(80);
    expect(eighty.length).toBe(160);
    expect(personKeysFromCertificates(kit, [issue(eighty)], officeKey).problems).toEqual([]);
    expect(() => issue('𝓐'.repeat(81))).toThrow();
  });
});
