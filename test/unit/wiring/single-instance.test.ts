import { describe, expect, it } from 'vitest';
import { claimSingleInstance, type InstanceTarget } from '../../../electron/main/wiring/single-instance';

/** Electron's app as the rule sees it: a lock that is free or taken, windows, and what the rule did. */
function fakeApp(lockFree: boolean, windows: { minimized: boolean }[] = []) {
  const log: string[] = [];
  let secondInstance: (() => void) | undefined;
  const target: InstanceTarget = {
    requestLock: () => lockFree,
    onSecondInstance: (listener) => (secondInstance = listener),
    windows: () =>
      windows.map((w, i) => ({
        isMinimized: () => w.minimized,
        restore: () => {
          w.minimized = false;
          log.push(`restore ${i}`);
        },
        focus: () => log.push(`focus ${i}`),
      })),
    quit: () => log.push('quit'),
  };
  return { target, log, launchAgain: () => secondInstance?.() };
}

describe('single instance (R17)', () => {
  it('a second launch quits at once, before listening for anything', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app.target)).toBe(false);
    expect(app.log).toEqual(['quit']);
    app.launchAgain();
    expect(app.log).toEqual(['quit']);
  });

  it('the first instance starts, and brings its minimized window back when launched again', () => {
    const windows = [{ minimized: true }, { minimized: true }];
    const app = fakeApp(true, windows);
    expect(claimSingleInstance(app.target)).toBe(true);
    expect(app.log).toEqual([]);
    app.launchAgain();
    expect(app.log).toEqual(['restore 0', 'focus 0']);
    app.launchAgain();
    expect(app.log).toEqual(['restore 0', 'focus 0', 'focus 0']);
  });

  it('does nothing when launched again before its window exists', () => {
    const app = fakeApp(true, []);
    expect(claimSingleInstance(app.target)).toBe(true);
    app.launchAgain();
    expect(app.log).toEqual([]);
  });
});
