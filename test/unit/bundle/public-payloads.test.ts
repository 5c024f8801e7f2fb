import { describe, expect, it } from 'vitest';
import { createRevocation } from '@shared/offices/revocation';
import { T0, world } from './bundle-fixtures';
import { signingOffice } from '@shared/offices/signing-office';

/**
 * A key card or a revocation travels in a public bundle, signed by the office it is about. Each test breaks one
 * link between the bundle's signer and what it carries; the verifier must refuse it as an invalid payload.
 */
describe('public bundles carry only what their signer may say about itself', async () => {
  const w = await world();
  const { kit, alice, bob } = w;
  const refusal = async (bytes: Uint8Array) => {
    const result = await w.open(bytes, bob);
    return result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`;
  };

  it('accepts an office’s own key card and its own revocation (the baseline)', async () => {
    expect(await refusal(await w.build('key-card', { card: alice.card }, alice, []))).toBe('ok');
    const own = createRevocation(signingOffice(kit, alice.identity).signer, 'retired', T0);
    expect(await refusal(await w.build('revocation', { revocation: own }, alice, []))).toBe('ok');
  });

  it('refuses a key card of another office, even one correctly signed by that office', async () => {
    expect(await refusal(await w.build('key-card', { card: bob.card }, alice, []))).toBe(
      'BUNDLE_PAYLOAD_INVALID: The key-card inside this bundle is invalid (the key card is not for the key that signed the bundle). Ask the sender to export it again.',
    );
  });

  it('refuses a key card whose own signature does not hold', async () => {
    const forged = { ...alice.card, card: { ...alice.card.card, name: 'Office Berlin (forged)' } };
    expect(await refusal(await w.build('key-card', { card: forged }, alice, []))).toMatch(
      /^BUNDLE_PAYLOAD_INVALID: The key-card inside this bundle is invalid \(.+\)\. Ask the sender to export it again\.$/,
    );
  });

  it('refuses a revocation of another office’s key, and one whose signature does not hold', async () => {
    const ofBob = createRevocation(signingOffice(kit, bob.identity).signer, 'compromised', T0);
    expect(await refusal(await w.build('revocation', { revocation: ofBob }, alice, []))).toBe(
      'BUNDLE_PAYLOAD_INVALID: The revocation inside this bundle is invalid (the revocation is for a different key than the one that signed the bundle). Ask the sender to export it again.',
    );
    const own = createRevocation(signingOffice(kit, alice.identity).signer, 'retired', T0);
    const altered = { ...own, statement: { ...own.statement, reason: 'compromised' as const } };
    expect(await refusal(await w.build('revocation', { revocation: altered }, alice, []))).toBe(
      'BUNDLE_PAYLOAD_INVALID: The revocation inside this bundle is invalid (the revocation is not signed by the key it revokes). Ask the sender to export it again.',
    );
  });
});
