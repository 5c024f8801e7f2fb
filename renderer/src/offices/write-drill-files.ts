import { ok, type Result } from '@shared/result';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { writeBundleFile, type BundleWriter, type WrittenBundle } from '../bundle-io/write-bundle-file';
import type { DrillFile } from './own-office-rotation';

/**
 * Writes the drill's revocation and new key card, as built and signed during the drill, with the atomic writer
 * (temporary name, fsync, rename, read back, hash compared). Stops at the first failure; may be repeated.
 */
export async function writeDrillFiles(
  kit: CryptoKit,
  writer: BundleWriter,
  folderToken: string,
  files: readonly DrillFile[],
): Promise<Result<WrittenBundle[], string>> {
  const written: WrittenBundle[] = [];
  for (const file of files) {
    const { bytes, fileName, ...bundle } = file;
    const result = await writeBundleFile({
      kit,
      writer,
      folderToken,
      expectedBytes: bytes.length,
      fileName: () => fileName,
      build: async (sink) => {
        await sink.writeAt(0, bytes);
        return ok(bundle);
      },
    });
    if (!result.ok) return result;
    written.push(result.value);
  }
  return ok(written);
}
