/**
 * The renderer's Content-Security-Policy. 'wasm-unsafe-eval' is the one relaxation: libsodium runs as
 * WebAssembly. Nothing like 'unsafe-eval' or 'unsafe-inline' is ever allowed.
 */
export const cspDirectives = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // The KDF worker is a built file of our own origin; no blob: worker, which would run code no file vouches for.
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

export function buildContentSecurityPolicy(
  directives: Readonly<Record<string, readonly string[]>> = cspDirectives,
): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Headers every app:// response carries. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
