import type { Sodium } from './sodium';

/**
 * libsodium.js copies every argument (keys, plaintexts) into the wasm heap and frees the copy without zeroing it,
 * and hands out stream states as bare heap addresses that it never frees. A dump of the renderer after lock would
 * show those bytes. This module closes both gaps for the one libsodium instance the app loads.
 */
export type WasmHeap = {
  /** The heap as it is now (the view is replaced whenever the wasm memory grows). */
  bytes(): Uint8Array;
  /** Zeroes `length` bytes at `address`, then frees it: for states the wrapper allocated and left to us. */
  release(address: number, length: number): void;
};

export class WasmHeapError extends Error {
  override readonly name = 'WasmHeapError';
}

const heaps = new WeakMap<object, WasmHeap>();

/**
 * The heap of `sodium`'s wasm module. On first use it makes every free by the wrapper zero what it frees: the wrapper
 * looks `_malloc` and `_free` up on the module at each call, so replacing them there covers every function.
 */
export function wasmHeap(sodium: Sodium): WasmHeap {
  const emscripten: unknown = Reflect.get(sodium, 'libsodium');
  if (typeof emscripten !== 'object' || emscripten === null) throw new WasmHeapError('libsodium has no wasm module.');
  const known = heaps.get(emscripten);
  if (known) return known;

  const malloc: unknown = Reflect.get(emscripten, '_malloc');
  const free: unknown = Reflect.get(emscripten, '_free');
  if (typeof malloc !== 'function' || typeof free !== 'function')
    throw new WasmHeapError('libsodium exposes no _malloc/_free.');
  const bytes = (): Uint8Array => {
    const heap: unknown = Reflect.get(emscripten, 'HEAPU8');
    if (!(heap instanceof Uint8Array)) throw new WasmHeapError('libsodium exposes no HEAPU8.');
    return heap;
  };
  const callMalloc = (size: number): unknown => Reflect.apply(malloc, emscripten, [size]);
  const callFree = (address: number): unknown => Reflect.apply(free, emscripten, [address]);

  // Sizes of the allocations the wrapper holds, so a free knows how much to zero.
  const sizes = new Map<number, number>();
  const scrubbingMalloc = (size: number): unknown => {
    const address = callMalloc(size);
    if (typeof address === 'number' && address !== 0) sizes.set(address, size);
    return address;
  };
  const scrubbingFree = (address: number): unknown => {
    const size = sizes.get(address);
    if (size !== undefined) {
      bytes().fill(0, address, address + size);
      sizes.delete(address);
    }
    return callFree(address);
  };
  if (!Reflect.set(emscripten, '_malloc', scrubbingMalloc) || !Reflect.set(emscripten, '_free', scrubbingFree))
    throw new WasmHeapError('The allocator of libsodium cannot be wrapped.');

  const heap: WasmHeap = {
    bytes,
    release(address, length) {
      bytes().fill(0, address, address + length);
      scrubbingFree(address);
    },
  };
  heaps.set(emscripten, heap);
  return heap;
}
