import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { verifyKeyCard } from '@shared/offices/key-card';
import { fingerprintOf, importKeyCard, type TrustStore } from '@shared/offices/trust-store';
import { samplePartnerCards } from '@shared/samples/sample-partners';
import { SAMPLE_PARTNER_OFFICES } from '@shared/samples/sample-words';

const kit = await cryptoKit();
const now = new Date('2026-11-30T15:04:05Z');

describe('the sample partner offices’ key cards', () => {
  it('are real signed key cards, one per office the sample cases name, each with its own keys', () => {
    const cards = samplePartnerCards(kit, 2026, now);
    expect(cards.map((c) => [c.card.name, c.card.jurisdiction])).toEqual(
      SAMPLE_PARTNER_OFFICES.map((o) => [o.office, o.jurisdiction]),
    );
    for (const card of cards) expect(verifyKeyCard(kit, card).ok, card.card.name).toBe(true);
    expect(new Set(cards.map((c) => c.card.signingKey)).size).toBe(cards.length);
    expect(new Set(cards.map((c) => c.card.boxKey)).size).toBe(cards.length);
    expect(new Set(cards.map((c) => fingerprintOf(kit, c).join(''))).size).toBe(cards.length);
    // Valid now, as a card in use would be.
    for (const card of cards) {
      expect(card.card.validFrom).toBeLessThan(now.getTime());
      expect(card.card.validUntil).toBeGreaterThan(now.getTime() + 365 * 86_400_000);
    }
  });

  it('are the same for the same seed and day, and differ for another seed', () => {
    const again = samplePartnerCards(kit, 2026, new Date('2026-11-30T23:59:00Z'));
    expect(again).toEqual(samplePartnerCards(kit, 2026, now));
    const other = samplePartnerCards(kit, 7, now);
    expect(other.map((c) => c.card.signingKey)).not.toContain(again[0]?.card.signingKey);
  });

  it('go through the normal trust path: each is added as a new, unverified partner', () => {
    let store: TrustStore = {};
    for (const card of samplePartnerCards(kit, 2026, now)) {
      const imported = importKeyCard(kit, store, card, now.getTime());
      expect(imported.ok && imported.value.outcome).toBe('added');
      if (imported.ok) store = imported.value.store;
    }
    expect(Object.values(store).map((o) => o.state)).toEqual(SAMPLE_PARTNER_OFFICES.map(() => 'unverified'));
  });
});
