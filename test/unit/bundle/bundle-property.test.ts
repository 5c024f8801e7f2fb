import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBundleErrorCode } from '@shared/bundle/bundle-error';
import { bytesAttachment, requestBody, world } from './bundle-fixtures';

describe('bundle verifier under arbitrary single-byte changes', async () => {
  const w = await world();
  const valid = await w.build('request', requestBody, w.alice, [w.bob], {
    chunkSize: 65536,
    attachments: [bytesAttachment('a.bin', w.kit.randomBytes(70_000))],
  });

  it('rejects any single-byte change with a published error code, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: valid.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        async (position, xor, keyless) => {
          const changed = valid.slice();
          changed[position] = (changed[position] ?? 0) ^ xor;
          const result = await w.open(changed, keyless ? null : w.bob);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(isBundleErrorCode(result.error.code)).toBe(true);
            expect(result.error.message.length).toBeGreaterThan(20);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects any truncation or extension with a published error code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -valid.length, max: 64 }), async (delta) => {
        if (delta === 0) return;
        const changed =
          delta < 0 ? valid.subarray(0, valid.length + delta) : new Uint8Array([...valid, ...new Uint8Array(delta)]);
        const result = await w.open(changed, w.bob);
        expect(result.ok ? 'ok' : result.error.code).toBe(delta < 0 ? 'BUNDLE_TRUNCATED' : 'BUNDLE_TRAILING_DATA');
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary bytes, even ones that start with the magic', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), async (bytes, withMagic) => {
        const input = withMagic ? new Uint8Array([...valid.subarray(0, 14), ...bytes]) : bytes;
        const result = await w.open(input, w.bob);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(isBundleErrorCode(result.error.code)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
