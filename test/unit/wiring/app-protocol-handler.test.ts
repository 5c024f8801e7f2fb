import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/main/wiring/app-protocol-handler';

// A real folder: the built renderer beside a sibling folder whose name starts with the renderer's.
let base = '';
let serve: ReturnType<typeof createAppProtocolHandler>;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'casebridge-protocol-'));
  await mkdir(join(base, 'renderer/assets'), { recursive: true });
  await mkdir(join(base, 'renderer.bak'), { recursive: true });
  await writeFile(join(base, 'renderer/index.html'), '<!doctype html><title>Casebridge</title>');
  await writeFile(join(base, 'renderer/assets/app.js'), 'console.log(1)');
  await writeFile(join(base, 'renderer.bak/index.html'), 'an old build');
  await writeFile(join(base, 'secret.txt'), 'not for the page');
  serve = createAppProtocolHandler(join(base, 'renderer'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('the app:// protocol handler', () => {
  it('serves a renderer file with its type and the CSP header', async () => {
    const response = await serve(new Request('app://casebridge/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Casebridge</title>');
    expect((await serve(new Request('app://casebridge/assets/app.js'))).headers.get('content-type')).toMatch(
      /javascript/,
    );
  });

  it.each([
    'app://casebridge/..%2frenderer.bak%2findex.html',
    'app://casebridge/..%2fsecret.txt',
    'app://casebridge/missing.html',
    'app://elsewhere/index.html',
    'https://casebridge/index.html',
  ])('answers %s with 404, still with the CSP header', async (url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toBe('Not found');
  });
});
