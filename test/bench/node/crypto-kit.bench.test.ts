import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { bestOf, reportRatio } from '../report';

it('crypto kit throughput vs Node native', async () => {
  const kit = await cryptoKit();
  const data = new Uint8Array(randomBytes(16 * 1024 * 1024));
  const key = kit.randomBytes(32);
  const ad = new Uint8Array(8);
  const seal = await bestOf(3, () => kit.seal(key, data, ad));
  const aesGcm = await bestOf(3, () => {
    const cipher = createCipheriv('aes-256-gcm', randomBytes(32), randomBytes(12));
    cipher.update(data);
    cipher.final();
  });
  reportRatio(
    'XChaCha20-Poly1305 seal 16 MiB',
    seal,
    'Node AES-256-GCM',
    aesGcm,
    `${(16 / (seal / 1000)).toFixed(0)} MiB/s`,
  );
  const blake = await bestOf(3, () => kit.hash(data));
  const sha = await bestOf(3, () => createHash('sha256').update(data).digest());
  reportRatio('BLAKE2b 16 MiB', blake, 'Node SHA-256', sha, `${(16 / (blake / 1000)).toFixed(0)} MiB/s`);
});
