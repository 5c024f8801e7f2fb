import { describe, expect, it, vi } from 'vitest';
import { createIpcRouter, type IpcHandlers } from '../../../electron/main/ipc/create-ipc-router';
import { isTrustedSender } from '../../../electron/main/security/request-policy';
import { ipcChannels, ipcContract } from '@shared/ipc/contract';
import { ok } from '@shared/result';
import { createApi } from '../../../electron/preload/create-api';
import { testHandlers } from './test-handlers';

const APP = 'app://casebridge/index.html';

function router(overrides: Partial<IpcHandlers> = {}, logError: (channel: string, error: unknown) => void = () => {}) {
  const handlers = {
    ...testHandlers(),
    ...overrides,
  };
  return createIpcRouter({ handlers, isTrustedSender: (url) => isTrustedSender(url), logError });
}

describe('IPC router', () => {
  it('answers app.info from a trusted frame', async () => {
    await expect(router().dispatch(APP, 'app.info', undefined)).resolves.toEqual(
      ok({ name: 'Casebridge', version: '1.2.3', platform: 'linux', dataFolder: '/data', shell: 'electron' }),
    );
  });

  it.each([undefined, '', 'https://example.org/', 'file:///index.html', 42])('refuses sender %s', async (sender) => {
    const result = await router().dispatch(sender, 'app.info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it.each(['app.nope', '__proto__', 'constructor', 'toString', 7, null, { channel: 'app.info' }])(
    'refuses unknown channel %s',
    async (channel) => {
      const result = await router().dispatch(APP, channel, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    },
  );

  it('words each refusal so the person knows what happened, naming the channel safely', async () => {
    expect(await router().dispatch('https://example.org/', 'app.info', undefined)).toMatchObject({
      error: { message: 'This request did not come from the Casebridge window and was refused.' },
    });
    expect(await router().dispatch(APP, 'app.nope', undefined)).toMatchObject({
      error: { message: 'There is no Casebridge operation called "app.nope".' },
    });
    expect(await router().dispatch(APP, 7, undefined)).toMatchObject({
      error: { message: 'There is no Casebridge operation called (number).' },
    });
    const long = `x${'y'.repeat(200)}`;
    const named = await router().dispatch(APP, long, undefined);
    expect(named).toMatchObject({
      error: { message: `There is no Casebridge operation called "${long.slice(0, 80)}".` },
    });
    const malformed = await router().dispatch(APP, 'app.info', { unexpected: true });
    expect(malformed).toMatchObject({
      error: { message: expect.stringMatching(/^The request to app\.info was malformed: .+\.$/) },
    });
  });

  it('validates input against the contract before the handler runs', async () => {
    const handler = vi.fn(async () => ok([]));
    const result = await router({ 'media.listRemovable': handler }).dispatch(APP, 'media.listRemovable', { path: '/' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a thrown handler error into an internal error with a next step, never a rejection', async () => {
    const failing = router({
      'app.info': async () => {
        throw new Error('disk on fire at /secret/path');
      },
    });
    const result = await failing.dispatch(APP, 'app.info', undefined);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: 'Casebridge could not complete app.info. Try again; if it keeps failing, restart the app.',
      },
    });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    // The details go to the log (main process console), not to the page.
    const logged: [string, unknown][] = [];
    const logging = router(
      {
        'app.info': async () => {
          throw new Error('disk on fire');
        },
      },
      (channel, error) => logged.push([channel, error]),
    );
    await logging.dispatch(APP, 'app.info', undefined);
    expect(logged).toEqual([['app.info', new Error('disk on fire')]]);
  });

  it('every handler result matches the contract result schema', async () => {
    const r = router();
    for (const channel of ipcChannels.filter((c) => ipcContract[c].input.safeParse(undefined).success)) {
      const result = await r.dispatch(APP, channel, undefined);
      expect(result.ok).toBe(true);
      if (result.ok) expect(ipcContract[channel].result.safeParse(result.value).success).toBe(true);
    }
  });

  it('the preload API covers every channel of the contract', async () => {
    const called: string[] = [];
    const api = createApi(
      async (channel) => {
        called.push(channel);
        return ok(undefined) as never;
      },
      () => () => {},
    );
    for (const [area, calls] of Object.entries(api)) {
      if (area === 'system') continue;
      for (const call of Object.values(calls as Record<string, (input?: unknown) => Promise<unknown>>)) await call({});
    }
    expect(called.sort()).toEqual([...ipcChannels].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });
});
