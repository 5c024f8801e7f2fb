import { extname, resolve, sep } from 'node:path';
import { isAppUrl, safeParseUrl } from './app-origin';

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppFile = { readonly path: string; readonly mimeType: string };

/**
 * Maps an app:// URL to a file inside the renderer folder, or null. Refuses other origins, traversal
 * (`..`, encoded or not), and file types we do not serve, so the protocol can never expose the disk.
 */
export function resolveAppFile(rawUrl: string, rendererRoot: string): AppFile | null {
  if (!isAppUrl(rawUrl)) return null;
  const url = safeParseUrl(rawUrl);
  if (url === null) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rendererRoot);
  const path = resolve(root, relative);
  if (!path.startsWith(root + sep)) return null;
  const mimeType = mimeTypes[extname(path).toLowerCase()];
  if (mimeType === undefined) return null;
  return { path, mimeType };
}
