import { describe, expect, it } from 'vitest';
import { testHandlers } from '../ipc/test-handlers';
import { registerIpc, type IpcTarget } from '../../../electron/main/wiring/register-ipc';

type Listener = Parameters<IpcTarget['handle']>[0];

function registered(devServerOrigin?: string): Listener {
  let listener: Listener | undefined;
  registerIpc(
    { handle: (received) => (listener = received) },
    {
      devServerOrigin,
      handlers: testHandlers(),
    },
  );
  if (listener === undefined) throw new Error('registerIpc registered nothing');
  return listener;
}

describe('IPC registration with the sender-frame check', () => {
  it("answers a call from a frame showing the app's own origin", async () => {
    await expect(registered()('app://casebridge/index.html', 'app.info', undefined)).resolves.toMatchObject({
      ok: true,
      value: { version: '1.2.3' },
    });
  });

  it.each([
    ['no frame (it was destroyed)', undefined],
    ['an empty URL', ''],
    ['another origin', 'https://example.org/'],
    ['a look-alike host', 'app://casebridge.evil/index.html'],
    ['about:blank', 'about:blank'],
    ['a dev server that is not configured', 'http://localhost:5173/'],
  ])('refuses a call from %s', async (_name, url) => {
    await expect(registered()(url, 'app.info', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
  });

  it('accepts the dev server only when it is configured, and only on localhost', async () => {
    await expect(
      registered('http://localhost:5173')('http://localhost:5173/', 'app.info', undefined),
    ).resolves.toMatchObject({ ok: true });
    await expect(
      registered('http://example.org:5173')('http://example.org:5173/', 'app.info', undefined),
    ).resolves.toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });
});
