import { describe, expect, it } from 'vitest';
import { applySessionPolicies, type SessionPolicyTarget } from '../../../electron/main/wiring/session-policies';

/** A target that keeps what the wiring hands it, as Electron's session and the Playwright adapter do. */
function capture(options: { devServerOrigin?: string } = {}) {
  const decisions: {
    permission?: (permission: string) => boolean;
    request?: (url: string) => boolean;
    navigation?: (url: string) => boolean;
    windowOpen?: () => { action: 'deny' };
  } = {};
  const target: SessionPolicyTarget = {
    decidePermissions: (grant) => (decisions.permission = grant),
    decideRequests: (allow) => (decisions.request = allow),
    decideNavigation: (allow) => (decisions.navigation = allow),
    decideWindowOpen: (decide) => (decisions.windowOpen = decide),
  };
  applySessionPolicies(target, options);
  return decisions;
}

describe('the session policies every shell plugs in', () => {
  it('hands every hook a decision', () => {
    const decisions = capture();
    expect(Object.keys(decisions).sort()).toEqual(['navigation', 'permission', 'request', 'windowOpen']);
  });

  it('refuses every permission', () => {
    const { permission } = capture();
    for (const name of ['geolocation', 'notifications', 'media', 'clipboard-read', 'openExternal', 'unknown']) {
      expect(permission?.(name)).toBe(false);
    }
  });

  it("lets through only the app's own origin (and the dev server when one is set)", () => {
    const { request } = capture();
    expect(request?.('app://casebridge/assets/app.js')).toBe(true);
    expect(request?.('https://example.org/')).toBe(false);
    expect(request?.('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(request?.('file:///etc/passwd')).toBe(false);
    const dev = capture({ devServerOrigin: 'http://localhost:5173' });
    expect(dev.request?.('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev.request?.('http://localhost:5174/src/main.tsx')).toBe(false);
  });

  it('refuses every navigation the page asks for and every new window', () => {
    const { navigation, windowOpen } = capture();
    expect(navigation?.('https://example.org/')).toBe(false);
    expect(navigation?.('app://casebridge/index.html')).toBe(false);
    expect(windowOpen?.()).toEqual({ action: 'deny' });
  });
});
