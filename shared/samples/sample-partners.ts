import { utf8 } from '../bytes/bytes';
import type { CryptoKit } from '../crypto/crypto-kit';
import type { SignedKeyCard } from '../offices/key-card';
import { createKeyCard } from '../offices/key-card';
import { generateOfficeIdentity } from '../offices/office-identity';
import { signingOffice } from '../offices/signing-office';
import { SAMPLE_PARTNER_OFFICES } from './sample-words';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sample cards are valid from 30 days before the office was made, for two years: like a real card in use. */
const VALID_BEFORE_MS = 30 * DAY_MS;
const VALID_FOR_MS = 2 * 365 * DAY_MS;

/**
 * The key cards of the sample partner offices (the five offices the sample cases name), made with real Ed25519 and
 * X25519 key pairs and self-signed by the real key-card code, so they go through the normal trust path and show real
 * fingerprints. Deterministic: each key pair is derived from the seed and the office's code, and the validity from
 * the day of `now`, so the same seed on the same day gives the same cards. The private keys are wiped once the card
 * is signed: nothing in the training office can sign as a partner.
 */
export function samplePartnerCards(kit: CryptoKit, seed: number, now: Date): SignedKeyCard[] {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const validity = { validFrom: today - VALID_BEFORE_MS, validUntil: today - VALID_BEFORE_MS + VALID_FOR_MS };
  return SAMPLE_PARTNER_OFFICES.map((office) => {
    const keySeed = (purpose: string) =>
      kit.hash(utf8(`casebridge sample partner office/${seed}/${office.code}/${purpose}`), 32);
    const partner = signingOffice(
      kit,
      generateOfficeIdentity(kit, { signing: keySeed('signing'), box: keySeed('box') }),
    );
    try {
      return createKeyCard(partner, { name: office.office, jurisdiction: office.jurisdiction }, validity);
    } finally {
      partner.signer.wipe();
      kit.wipe(partner.boxPrivateKeyPlaintext);
    }
  });
}
