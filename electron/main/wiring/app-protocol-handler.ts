import { readFile } from 'node:fs/promises';
import { securityHeaders } from '../security/content-security-policy';
import { resolveAppFile } from '../security/resolve-app-file';

/** What the handler reads from a request: only its URL. Electron's protocol.handle and the e2e route both give one. */
export type AppRequest = Pick<Request, 'url'>;

/**
 * The app:// protocol as Request → Response: a file of the built renderer, with the CSP and the other security
 * headers, or 404 for anything outside it. Electron registers it with protocol.handle; the e2e harness and the
 * preview call the same function from their request route.
 */
export function createAppProtocolHandler(rendererRoot: string): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(request.url, rendererRoot);
    if (file === null) return notFound();
    try {
      const body = await readFile(file.path);
      return new Response(body, { headers: { 'Content-Type': file.mimeType, ...securityHeaders() } });
    } catch {
      return notFound();
    }
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: securityHeaders() });
}
