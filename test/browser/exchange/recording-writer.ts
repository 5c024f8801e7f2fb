import { concatBytes, toHex } from '@shared/bytes/bytes';
import { ok } from '@shared/result';
import type { BundleWriter } from '../../../renderer/src/bundle-io/write-bundle-file';
import { kit } from '../vault/vault-test-kit';

/** Stands in for the main-process writer: keeps the bytes of each file it is sent. */
export function recordingWriter() {
  const files: Uint8Array[] = [];
  let chunks: Uint8Array[] = [];
  const writer: BundleWriter = {
    beginExport: () => {
      chunks = [];
      return Promise.resolve(ok({ exportId: `e${files.length}` }));
    },
    writeChunk: ({ chunk }) => {
      chunks.push(chunk.slice());
      return Promise.resolve(ok({ writtenBytes: chunks.reduce((sum, c) => sum + c.length, 0) }));
    },
    finishExport: () => {
      const bytes = concatBytes(...chunks);
      files.push(bytes);
      const hasher = kit.createHasher(64);
      hasher.update(bytes);
      return Promise.resolve(
        ok({ path: '/stick/receipt.cbundle', bytes: bytes.length, hashHex: toHex(hasher.digest()) }),
      );
    },
    cancelExport: () => Promise.resolve(ok(null)),
  };
  return { writer, files };
}
