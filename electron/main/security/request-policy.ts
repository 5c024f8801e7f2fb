import { isAppUrl, safeParseUrl } from './app-origin';

export type RequestPolicyOptions = {
  /** Only in `npm run dev`: the local Vite server that serves the renderer. Never set in a built app. */
  readonly devServerOrigin?: string | undefined;
  /** Only in a development build: DevTools loads its own devtools:// pages. Never set in a packaged app. */
  readonly allowDevTools?: boolean | undefined;
};

/** Every request that is not for our own app:// origin is cancelled: no network, ever. */
export function isRequestAllowed(rawUrl: string, options: RequestPolicyOptions = {}): boolean {
  if (isAppUrl(rawUrl)) return true;
  const url = safeParseUrl(rawUrl);
  if (url === null) return false;
  if (url.protocol === 'devtools:') return options.allowDevTools === true;
  return isDevServerUrl(url, options);
}

/** Navigation away from the loaded page is always denied: the app is a single page. */
export function isNavigationAllowed(_rawUrl: string): false {
  return false;
}

/** The renderer may never open windows (window.open, target=_blank, middle click). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** IPC is accepted only from a frame showing our own origin. */
export function isTrustedSender(rawFrameUrl: string | undefined, options: RequestPolicyOptions = {}): boolean {
  if (rawFrameUrl === undefined || rawFrameUrl === '') return false;
  if (isAppUrl(rawFrameUrl)) return true;
  const url = safeParseUrl(rawFrameUrl);
  return url !== null && isDevServerUrl(url, options);
}

function isDevServerUrl(url: URL, options: RequestPolicyOptions): boolean {
  if (options.devServerOrigin === undefined) return false;
  const dev = safeParseUrl(options.devServerOrigin);
  if (dev === null || !['localhost', '127.0.0.1', '[::1]'].includes(dev.hostname)) return false;
  return url.origin === dev.origin || (url.protocol === 'ws:' && url.host === dev.host);
}
