import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/main/security/app-origin';
import {
  isNavigationAllowed,
  isRequestAllowed,
  isTrustedSender,
  windowOpenDecision,
} from '../../../electron/main/security/request-policy';

describe('app origin', () => {
  it.each([
    ['app://casebridge/index.html', true],
    ['app://casebridge/assets/x.js?v=1#h', true],
    ['app://other/index.html', false],
    ['app://casebridge:8080/index.html', false],
    ['app://user:pw@casebridge/index.html', false],
    ['file:///etc/passwd', false],
    ['https://casebridge/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('request policy: no network, ever', () => {
  it.each([
    'https://example.org/',
    'http://localhost:5173/',
    'http://127.0.0.1/',
    'ws://localhost:5173/',
    'file:///etc/passwd',
    'ftp://x/',
    'data:text/html,hi',
    'blob:https://example.org/abc',
    'chrome://settings',
    'app://evil/index.html',
  ])('cancels %s', (url) => {
    expect(isRequestAllowed(url)).toBe(false);
  });

  it('allows its own origin', () => {
    expect(isRequestAllowed('app://casebridge/index.html')).toBe(true);
  });

  it('allows devtools:// only in a development build (R10)', () => {
    const inspector = 'devtools://devtools/bundled/inspector.html';
    expect(isRequestAllowed(inspector)).toBe(false);
    expect(isRequestAllowed(inspector, { allowDevTools: false })).toBe(false);
    expect(isRequestAllowed(inspector, { allowDevTools: true })).toBe(true);
  });

  it('allows the dev server only when one is configured, and only on loopback', () => {
    const dev = { devServerOrigin: 'http://localhost:5173' };
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', dev)).toBe(true);
    expect(isRequestAllowed('http://localhost:5174/', dev)).toBe(false);
    expect(isRequestAllowed('https://example.org/', dev)).toBe(false);
    expect(isRequestAllowed('http://evil.example:5173/', { devServerOrigin: 'http://evil.example:5173' })).toBe(false);
  });

  it('denies every navigation and every new window', () => {
    expect(isNavigationAllowed('app://casebridge/index.html')).toBe(false);
    expect(isNavigationAllowed('https://example.org/')).toBe(false);
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('IPC sender check', () => {
  it('trusts only frames of our own origin', () => {
    expect(isTrustedSender('app://casebridge/index.html')).toBe(true);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender('https://example.org/')).toBe(false);
    expect(isTrustedSender('http://localhost:5173/')).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', { devServerOrigin: 'http://localhost:5173' })).toBe(true);
  });
});
