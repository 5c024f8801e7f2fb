import { describe, expect, it } from 'vitest';
import { memoryByteSink } from '@shared/bytes/byte-io';
import { bytesAttachment, requestBody, world } from './bundle-fixtures';

describe('bundle round trip', async () => {
  const w = await world();

  it('builds and opens a request with attachments for two recipients', async () => {
    const data = w.kit.randomBytes(300_000);
    const bytes = await w.build('request', requestBody, w.alice, [w.bob, w.carol], {
      attachments: [bytesAttachment('notice.pdf', data), bytesAttachment('empty.txt', new Uint8Array(0))],
    });
    for (const reader of [w.bob, w.carol]) {
      const sinks: ReturnType<typeof memoryByteSink>[] = [];
      const result = await w.open(bytes, reader, {
        openAttachment: () => {
          const sink = memoryByteSink();
          sinks.push(sink);
          return sink;
        },
      });
      if (!result.ok) throw new Error(result.error.code + ' ' + result.error.message);
      expect(result.value.opened).toBe(true);
      if (!result.value.opened) return;
      expect(result.value.payload).toEqual({ kind: 'request', body: requestBody });
      expect(result.value.attachments.map((a) => a.name)).toEqual(['notice.pdf', 'empty.txt']);
      expect(w.kit.equal(sinks[0]?.bytes() ?? new Uint8Array(), data)).toBe(true);
      expect(sinks[1]?.bytes().length).toBe(0);
    }
  });
});
