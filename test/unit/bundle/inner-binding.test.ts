import { describe, expect, it } from 'vitest';
import type { JsonValue } from '@shared/json/canonical-json';
import { toHex } from '@shared/bytes/bytes';
import { T0, world } from './bundle-fixtures';
import { craftBundle } from './bundle-tamper';

/**
 * The signed content must name exactly the bundle that carries it. Each case changes one field only, so a check
 * that stopped comparing that field would let this bundle through (the mutation run found them tested only
 * together).
 */
describe('the signed content is bound to its bundle, field by field', async () => {
  const w = await world();
  const { kit, alice, bob, carol } = w;
  const attachment = kit.randomBytes(300);
  const recipients = [
    { office: bob, sequence: 1 },
    { office: carol, sequence: 1 },
  ];
  const sortedKeys = [bob, carol].map((o) => o.card.card.signingKey).sort();
  const content = (bundleId: string, change: Record<string, JsonValue>) => ({
    bundleId,
    kind: 'request',
    sender: alice.card.card.signingKey,
    recipients: sortedKeys,
    createdAt: T0,
    body: { caseRef: 'CB-1', case: {} },
    attachments: [{ name: 'a0', mediaType: 'text/plain', size: 300, blake2b256: toHex(kit.hash(attachment, 32)) }],
    ...change,
  });
  const open = async (change: (bundleId: string) => Record<string, JsonValue>) => {
    const crafted = craftBundle(kit, {
      sender: alice,
      recipients,
      attachments: [attachment],
      content: (bundleId) => content(bundleId, change(bundleId)),
    });
    const result = await w.open(crafted.bytes, bob);
    return result.ok ? 'ok' : result.error.code;
  };

  it('opens when every field matches (the baseline)', async () => {
    expect(await open(() => ({}))).toBe('ok');
  });

  it.each([
    ['bundle id', () => ({ bundleId: '11'.repeat(16) })],
    ['kind', () => ({ kind: 'response' })],
    ['sender', () => ({ sender: carol.card.card.signingKey })],
    ['creation time', () => ({ createdAt: T0 + 1 })],
    ['one recipient fewer', () => ({ recipients: sortedKeys.slice(0, 1) })],
    ['one recipient more', () => ({ recipients: [...sortedKeys, alice.card.card.signingKey].sort() })],
    ['recipients in another order', () => ({ recipients: [...sortedKeys].reverse() })],
    ['another recipient in the same place', () => ({ recipients: [sortedKeys[0] ?? '', alice.card.card.signingKey] })],
  ])('refuses content with another %s', async (_field, change) => {
    expect(await open(change)).toBe('BUNDLE_INNER_MISMATCH');
  });

  it.each([
    ['an attachment too many', (a: JsonValue[]) => [...a, a[0] ?? null]],
    ['an attachment too few', () => []],
    ['another attachment size', (a: JsonValue[]) => [{ ...(a[0] as Record<string, JsonValue>), size: 301 }]],
  ])('refuses an attachment list with %s', async (_name, change) => {
    const base = content('', {}).attachments as JsonValue[];
    expect(await open(() => ({ attachments: change(base) }))).toBe('BUNDLE_ATTACHMENT_MISMATCH');
  });
});
