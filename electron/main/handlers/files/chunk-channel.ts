/**
 * Hands chunks from IPC calls to a consuming async iterator one at a time: `push` resolves when the consumer
 * has taken the chunk and asked for the next, so a fast renderer can never queue a whole bundle in memory.
 */
export function createChunkChannel() {
  let waitingConsumer: ((result: IteratorResult<Uint8Array>) => void) | null = null;
  let pendingChunk: { chunk: Uint8Array; taken: () => void } | null = null;
  let ended = false;

  const iterable: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: () =>
        new Promise<IteratorResult<Uint8Array>>((resolve) => {
          if (pendingChunk !== null) {
            const { chunk, taken } = pendingChunk;
            pendingChunk = null;
            taken();
            resolve({ value: chunk, done: false });
          } else if (ended) {
            resolve({ value: undefined, done: true });
          } else {
            waitingConsumer = resolve;
          }
        }),
    }),
  };

  return {
    iterable,
    push(chunk: Uint8Array): Promise<void> {
      if (ended) return Promise.reject(new Error('The export is already finished.'));
      if (pendingChunk !== null) return Promise.reject(new Error('Send one chunk at a time.'));
      return new Promise<void>((taken) => {
        if (waitingConsumer !== null) {
          const consumer = waitingConsumer;
          waitingConsumer = null;
          taken();
          consumer({ value: chunk, done: false });
        } else {
          pendingChunk = { chunk, taken };
        }
      });
    },
    end(): void {
      ended = true;
      if (waitingConsumer !== null && pendingChunk === null) {
        const consumer = waitingConsumer;
        waitingConsumer = null;
        consumer({ value: undefined, done: true });
      }
    },
  };
}
