import { describe, expect, it } from 'vitest';
import { decideStartup, devToolsAllowed, findDebugSwitch } from '../../../electron/main/security/debug-policy';

const noSwitch = () => false;

describe('debugging switches (R10)', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['-remote-debugging-port=9222'],
    ['/remote-debugging-port=9222'],
    ['--Remote-Debugging-Port=0'],
    ['--remote-debugging-pipe'],
    ['--inspect'],
    ['--inspect=127.0.0.1:9229'],
    ['--inspect-brk=0'],
    ['--inspect_brk'],
    ['--js-flags=--allow-natives-syntax'],
    ['--auto-open-devtools-for-tabs'],
  ])('an installed app quits when started with %s', (...args: string[]) => {
    const decision = decideStartup({ isPackaged: true, args: ['.', ...args], hasSwitch: noSwitch });
    expect(decision).toMatchObject({ action: 'quit' });
    if (decision.action === 'quit') expect(decision.reason).toMatch(/^Casebridge does not start with --[a-z-]+/);
  });

  it("quits on a switch only Chromium's own parser saw", () => {
    const hasSwitch = (name: string) => name === 'remote-debugging-port';
    expect(decideStartup({ isPackaged: true, args: [], hasSwitch })).toMatchObject({ action: 'quit' });
  });

  it('starts with ordinary arguments, a file to open, or a switch-like word after --', () => {
    for (const args of [[], ['--casebridge-profile=/tmp/x'], ['/home/ana/request.cbundle'], ['--', '--inspect']]) {
      expect(decideStartup({ isPackaged: true, args, hasSwitch: noSwitch })).toEqual({ action: 'start' });
    }
    expect(findDebugSwitch(['--inspector-like', '--debugger'])).toBeUndefined();
  });

  it('keeps debugging for development builds (Playwright drives Electron through them)', () => {
    const args = ['--remote-debugging-port=0', '--inspect=0'];
    expect(decideStartup({ isPackaged: false, args, hasSwitch: () => true })).toEqual({ action: 'start' });
  });

  it('allows DevTools only when not packaged', () => {
    expect(devToolsAllowed(true)).toBe(false);
    expect(devToolsAllowed(false)).toBe(true);
  });
});
