import { describe, expect, it } from 'vitest';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { buildBundle } from '@shared/bundle/build-bundle';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { memorySink, memorySource } from '@shared/bytes/byte-io';
import { trustView } from '@shared/offices/trust-store';
import { deriveBackupKey } from '@shared/backup/backup-keys';
import { createBackupWriter } from '@shared/backup/write-backup';
import { bytesAttachment, DAY, emptyLedger, requestBody, storeWith, T0, world } from '../bundle/bundle-fixtures';
import { testVault, verify, writeSample } from '../backup/backup-fixtures';
import { signingOffice } from '@shared/offices/signing-office';

/** A kit that counts the secretstream states its streams still hold (created and not yet disposed). */
function countingKit(kit: CryptoKit) {
  let live = 0;
  const counted = <S extends { dispose(): void }>(stream: S): S => {
    live++;
    let disposed = false;
    return {
      ...stream,
      dispose() {
        if (!disposed) live--;
        disposed = true;
        stream.dispose();
      },
    };
  };
  const tracked: CryptoKit = {
    ...kit,
    streamEncryptor: (key, header) => counted(kit.streamEncryptor(key, header)),
    streamDecryptor: (header, key) => counted(kit.streamDecryptor(header, key)),
  };
  return { kit: tracked, live: () => live };
}

describe('every stream user disposes its stream, even when the work fails', async () => {
  const w = await world();
  const { alice, bob } = w;
  const CHUNK = 65536;
  const attachment = w.kit.randomBytes(2 * CHUNK + 10);
  const valid = await w.build('request', requestBody, alice, [bob], {
    chunkSize: CHUNK,
    attachments: [bytesAttachment('evidence.bin', attachment)],
  });

  it('buildBundle, when an attachment is shorter than it claimed', async () => {
    const counting = countingKit(w.kit);
    const built = await buildBundle(
      counting.kit,
      {
        kind: 'request',
        body: requestBody,
        sender: signingOffice(w.kit, alice.identity),
        recipients: [{ card: bob.card, sequence: 1 }],
        createdAt: T0,
        notAfter: T0 + 7 * DAY,
        chunkSize: CHUNK,
        attachments: [{ ...bytesAttachment('evidence.bin', attachment), size: attachment.length + 1 }],
      },
      memorySink(),
    );
    expect(built.ok).toBe(false);
    expect(counting.live()).toBe(0);
  });

  it('verifyBundle, when a chunk fails authentication', async () => {
    const counting = countingKit(w.kit);
    const flipped = valid.slice();
    flipped[flipped.length - 40] = (flipped[flipped.length - 40] ?? 0) ^ 0x80;
    const opened = await verifyBundle(counting.kit, {
      source: memorySource(flipped),
      trust: trustView(storeWith(w.kit, [alice, bob])),
      recipient: {
        signingPublicKey: bob.identity.signingPublicKey,
        boxPrivateKeyPlaintext: bob.identity.boxPrivateKeyPlaintext,
      },
      clock: () => T0 + DAY,
      ledger: emptyLedger,
    });
    expect(opened.ok ? 'ok' : opened.error.code).toBe('BUNDLE_CHUNK_INVALID');
    expect(counting.live()).toBe(0);
  });

  it('reading a backup, when a frame fails authentication', async () => {
    const vault = await testVault();
    const bytes = await writeSample(vault);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 1;
    const counting = countingKit(w.kit);
    const result = await verify(bytes, undefined, { kit: counting.kit });
    expect(result.ok).toBe(false);
    expect(counting.live()).toBe(0);
  });

  it('writing a backup, when the prologue cannot be written, and when the writer is abandoned', async () => {
    const vault = await testVault();
    const backupKey = deriveBackupKey(w.kit, vault.vaultKey);
    const counting = countingKit(w.kit);
    const options = { kit: counting.kit, backupKey, vaultHeader: vault.header, createdAt: T0 };
    const full = { write: () => Promise.reject(new Error('disk full')) };
    await expect(createBackupWriter({ ...options, sink: full })).rejects.toThrow('disk full');
    expect(counting.live()).toBe(0);

    const writer = await createBackupWriter({ ...options, sink: { write: () => Promise.resolve() } });
    await writer.addRows('cases', [{ id: 'case-1', v: 1 }]);
    writer.dispose();
    expect(counting.live()).toBe(0);
    w.kit.wipe(backupKey);
  });
});
