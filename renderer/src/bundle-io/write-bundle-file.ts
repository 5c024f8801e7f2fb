import type { BuiltBundle } from '@shared/bundle/build-bundle';
import type { BundleErrorCode } from '@shared/bundle/bundle-error';
import type { RandomAccessSink } from '@shared/bytes/byte-io';
import { toHex } from '@shared/bytes/bytes';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { MAX_IPC_CHUNK_BYTES, type CasebridgeApi, type ExportResult } from '@shared/ipc/contract';
import { err, ok, type Result } from '@shared/result';
import { createStagingFile } from './staging-file';

export type ExportPhase = 'building' | 'checking' | 'writing';
export type ExportProgress = { readonly phase: ExportPhase; readonly done: number; readonly total: number };

/** The part of the shell's exchange API that writes a bundle file atomically (main process). */
export type BundleWriter = Pick<
  CasebridgeApi['exchange'],
  'beginExport' | 'writeChunk' | 'finishExport' | 'cancelExport'
>;

/** `T` is what the build reports (a bundle's header, or a backup's manifest: backups go through the same writer). */
export type WriteBundleInput<T = BuiltBundle> = {
  readonly kit: CryptoKit;
  readonly writer: BundleWriter;
  readonly folderToken: string;
  readonly fileName: (built: T) => string;
  /** Builds the bundle into the sink (shared/bundle's streaming builder). */
  readonly build: (sink: RandomAccessSink) => Promise<Result<T, BundleErrorCode | string>>;
  /** Rough size for the progress bar while building (the exact size is known only afterwards). */
  readonly expectedBytes: number;
  readonly onProgress?: (progress: ExportProgress) => void;
  readonly signal?: AbortSignal;
};

export type WrittenBundle<T = BuiltBundle> = {
  readonly built: T;
  readonly fileHash: string;
  readonly fileName: string;
  readonly written: ExportResult;
};

const READ_BYTES = MAX_IPC_CHUNK_BYTES;

const cancelled = () => err('cancelled', 'The export was cancelled. Nothing was left on the drive.');

/**
 * Build → hash → write, with bounded memory: the bundle is built into a staging file, hashed in one forward
 * pass (BLAKE2b-512, announced to the writer up front), then sent chunk by chunk. The main process writes it
 * under a temporary name, fsyncs, renames, reads back and compares the hash: only then is it "safe to unplug".
 */
export async function writeBundleFile<T = BuiltBundle>(
  input: WriteBundleInput<T>,
): Promise<Result<WrittenBundle<T>, string>> {
  const { kit, writer, signal, onProgress } = input;
  const staging = await createStagingFile();
  try {
    let written = 0;
    const counting: RandomAccessSink = {
      async writeAt(offset, bytes) {
        if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
        await staging.sink.writeAt(offset, bytes);
        written += bytes.length;
        onProgress?.({ phase: 'building', done: Math.min(written, input.expectedBytes), total: input.expectedBytes });
      },
    };
    const built = await input.build(counting);
    if (signal?.aborted) return cancelled();
    if (!built.ok) return err(built.error.code, built.error.message);
    const file = await staging.finish();
    const hasher = kit.createHasher(64);
    for (let offset = 0; offset < file.size; offset += READ_BYTES) {
      if (signal?.aborted) return cancelled();
      hasher.update(new Uint8Array(await file.slice(offset, offset + READ_BYTES).arrayBuffer()));
      onProgress?.({ phase: 'checking', done: Math.min(offset + READ_BYTES, file.size), total: file.size });
    }
    const fileHash = toHex(hasher.digest());
    const fileName = input.fileName(built.value);
    const begun = await writer.beginExport({
      folderToken: input.folderToken,
      fileName,
      bytes: file.size,
      hashHex: fileHash,
    });
    if (!begun.ok) return err(begun.error.code, begun.error.message);
    const { exportId } = begun.value;
    for (let offset = 0; offset < file.size; offset += READ_BYTES) {
      if (signal?.aborted) {
        await writer.cancelExport({ exportId });
        return cancelled();
      }
      const chunk = new Uint8Array(await file.slice(offset, offset + READ_BYTES).arrayBuffer());
      const step = await writer.writeChunk({ exportId, chunk });
      if (!step.ok) {
        await writer.cancelExport({ exportId });
        return err(step.error.code, step.error.message);
      }
      onProgress?.({ phase: 'writing', done: step.value.writtenBytes, total: file.size });
    }
    const finished = await writer.finishExport({ exportId });
    if (!finished.ok) return err(finished.error.code, finished.error.message);
    return ok({ built: built.value, fileHash, fileName, written: finished.value });
  } finally {
    await staging.remove();
  }
}
