import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, securityHeaders } from '../../../electron/main/security/content-security-policy';

const required =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";

describe('content security policy', () => {
  it('is exactly the policy of the security design', () => {
    expect(buildContentSecurityPolicy()).toBe(required);
  });

  it('never allows eval, inline code or remote origins', () => {
    const csp = buildContentSecurityPolicy();
    expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|'unsafe-hashes'|https?:|\*/);
  });

  it('loads workers only from the app itself, never from a blob: URL (R12: the KDF worker is a built file)', () => {
    const workerSources = /(?:^|; )worker-src ([^;]*)/.exec(buildContentSecurityPolicy())?.[1];
    expect(workerSources).toBe("'self'");
  });

  it('is sent as a header with nosniff', () => {
    expect(securityHeaders()).toMatchObject({
      'Content-Security-Policy': required,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('is repeated in index.html as a meta tag (frame-ancestors only works as a header)', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(required.replace("; frame-ancestors 'none'", ''));
  });
});
