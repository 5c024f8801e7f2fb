import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_SECRET_BYTES } from '@shared/vault/recovery-key';

const kit = await cryptoKit();
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('recovery key format', () => {
  it('round-trips any secret, however it is typed back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: RECOVERY_SECRET_BYTES, maxLength: RECOVERY_SECRET_BYTES }), (secret) => {
        const printed = formatRecoveryKey(kit, secret);
        expect(printed).toHaveLength(36 + 8);
        const typed = printed.toLowerCase().replace(/-/g, '  ').replace(/0/g, 'o').replace(/1/g, 'l');
        const parsed = parseRecoveryKey(kit, typed);
        expect(parsed.ok && Array.from(parsed.secret)).toEqual(Array.from(secret));
      }),
    );
  });

  it('catches a single mistyped character with the checksum', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: RECOVERY_SECRET_BYTES, maxLength: RECOVERY_SECRET_BYTES }),
        fc.nat(35),
        fc.nat(30),
        (secret, position, shift) => {
          const chars = formatRecoveryKey(kit, secret).replace(/-/g, '').split('');
          const original = chars[position] ?? '0';
          chars[position] = ALPHABET[(ALPHABET.indexOf(original) + shift + 1) % 32] ?? '0';
          expect(parseRecoveryKey(kit, chars.join(''))).toEqual({ ok: false, code: 'recovery-key-checksum' });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses the wrong length or foreign characters as a format error', () => {
    expect(parseRecoveryKey(kit, 'ABCD-EFGH')).toEqual({ ok: false, code: 'recovery-key-format' });
    expect(parseRecoveryKey(kit, 'U'.repeat(36))).toEqual({ ok: false, code: 'recovery-key-format' });
  });
});
