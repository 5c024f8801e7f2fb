/** The app is served from its own scheme, never file:// (which would grant the page the whole disk). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'casebridge';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of our own origin (scheme and host both match, no credentials, no port). */
export function isAppUrl(rawUrl: string): boolean {
  const url = safeParseUrl(rawUrl);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

export function safeParseUrl(rawUrl: string): URL | null {
  try {
    return new URL(rawUrl);
  } catch {
    return null;
  }
}
