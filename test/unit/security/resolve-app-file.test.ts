import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../../electron/main/security/resolve-app-file';

const root = resolve('/opt/casebridge/renderer');

describe('app:// file resolution', () => {
  it('serves files inside the renderer folder with their type', () => {
    expect(resolveAppFile('app://casebridge/index.html', root)).toEqual({
      path: join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppFile('app://casebridge/', root)?.path).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://casebridge/assets/a.js?x=1', root)?.mimeType).toMatch(/javascript/);
    expect(resolveAppFile('app://casebridge/assets/sodium.wasm', root)?.mimeType).toBe('application/wasm');
  });

  it('keeps dot segments inside the renderer folder (the URL parser folds them first)', () => {
    expect(resolveAppFile('app://casebridge/../secret.html', root)?.path).toBe(join(root, 'secret.html'));
    expect(resolveAppFile('app://casebridge/%2e%2e/%2e%2e/etc/passwd.txt', root)?.path).toBe(
      join(root, 'etc/passwd.txt'),
    );
  });

  it.each([
    'app://casebridge/assets/..%2f..%2fx.js',
    // A sibling folder whose name starts with the renderer folder's: inside by prefix, outside by path.
    'app://casebridge/..%2frenderer.bak%2findex.html',
    'app://casebridge/..%2frenderer-old%2fassets%2fa.js',
    'app://casebridge/a%5c..%5cb.js',
    'app://casebridge/x%00.js',
    'app://casebridge/%E0%A4%A.js',
    'app://other/index.html',
    'file:///opt/casebridge/renderer/index.html',
    'app://casebridge/server.exe',
    'app://casebridge/no-extension',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });
});
