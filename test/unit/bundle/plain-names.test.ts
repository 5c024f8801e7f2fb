import { describe, expect, it } from 'vitest';
import { attachmentDescriptorSchema, payloadBodySchemas } from '@shared/bundle/bundle-payloads';
import { keyCardBodySchema } from '@shared/offices/key-card';

/** docs/bundle-format.md §7.1 (plain names), §1 (characters are code points), §9.1 (jurisdictions). */
describe('payload text rules of format v1.1', () => {
  const descriptor = (name: string) => ({ name, mediaType: 'text/plain', size: 1, blake2b256: '00'.repeat(32) });

  it('accepts plain attachment names and refuses anything that could be read as a path', () => {
    for (const name of ['notice.txt', 'a..b', '.profile', 'Scan 1 (Seite 2).pdf', '😀'.repeat(255)])
      expect(attachmentDescriptorSchema.safeParse(descriptor(name)).success, name).toBe(true);
    for (const name of [
      '',
      '.',
      '..',
      'a/../b',
      '/',
      'a\\b',
      '..\\x',
      'a\u0000b',
      'line\nbreak',
      'a\u007fb',
      'a\u0085b',
    ])
      expect(attachmentDescriptorSchema.safeParse(descriptor(name)).success, JSON.stringify(name)).toBe(false);
    expect(attachmentDescriptorSchema.safeParse(descriptor('x'.repeat(256))).success).toBe(false);
  });

  it('counts characters as code points, not UTF-16 units', () => {
    const body = (caseRef: string) => payloadBodySchemas.request.safeParse({ caseRef, case: {} }).success;
    expect(body('😀'.repeat(100))).toBe(true);
    expect(body('😀'.repeat(101))).toBe(false);
    const receipt = (refusalCode: string) =>
      payloadBodySchemas.receipt.safeParse({
        receivedBundleId: '11'.repeat(16),
        receivedKind: 'request',
        receivedAt: 0,
        headerDigest: '22'.repeat(64),
        status: 'refused',
        refusalCode,
      }).success;
    expect(receipt('X'.repeat(64))).toBe(true);
    expect(receipt('X'.repeat(65))).toBe(false);
  });

  it('takes a key card jurisdiction from the vocabulary only', () => {
    const card = (jurisdiction: string) =>
      keyCardBodySchema.safeParse({
        version: 1,
        name: 'Office',
        jurisdiction,
        signingKey: '00'.repeat(32),
        boxKey: '00'.repeat(32),
        validFrom: 0,
        validUntil: 1,
      }).success;
    expect(card('DE')).toBe(true);
    expect(card('GB')).toBe(true);
    for (const code of ['EU', 'INT', 'UK', 'de', 'XX']) expect(card(code), code).toBe(false);
  });
});
