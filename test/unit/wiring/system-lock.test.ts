import { describe, expect, it } from 'vitest';
import {
  LOCK_POLL_MS,
  watchSystemLock,
  type SystemIdleState,
  type SystemLockSource,
} from '../../../electron/main/wiring/system-lock';

/** powerMonitor and a timer under the test's control. */
function fakeMonitor(initial: SystemIdleState = 'active') {
  let state = initial;
  const listeners = new Map<string, () => void>();
  const ticks: { ms: number; tick: () => void }[] = [];
  const listen = (event: string, listener: () => void) => {
    listeners.set(event, listener);
    return () => listeners.delete(event);
  };
  const source: SystemLockSource = {
    onSuspend: (listener) => listen('suspend', listener),
    onLockScreen: (listener) => listen('lock-screen', listener),
    idleState: () => state,
    every: (ms, tick) => {
      const entry = { ms, tick };
      ticks.push(entry);
      return () => ticks.splice(ticks.indexOf(entry), 1);
    },
  };
  return {
    source,
    listeners,
    ticks,
    emit: (event: string) => listeners.get(event)?.(),
    poll: (next: SystemIdleState) => {
      state = next;
      for (const { tick } of ticks) tick();
    },
  };
}

describe('system lock (R16)', () => {
  it('on Linux, locks the vault when the machine suspends and when the screen turns locked, once per lock', () => {
    const monitor = fakeMonitor();
    let locks = 0;
    watchSystemLock('linux', monitor.source, () => locks++);
    expect(monitor.ticks.map((t) => t.ms)).toEqual([LOCK_POLL_MS]);
    monitor.emit('suspend');
    expect(locks).toBe(1);
    monitor.poll('idle');
    expect(locks).toBe(1);
    monitor.poll('locked');
    monitor.poll('locked');
    expect(locks).toBe(2);
    monitor.poll('active');
    monitor.poll('locked');
    expect(locks).toBe(3);
    monitor.poll('unknown');
    expect(locks).toBe(3);
  });

  it('does not lock at start because the screen already was locked', () => {
    const monitor = fakeMonitor('locked');
    let locks = 0;
    watchSystemLock('linux', monitor.source, () => locks++);
    monitor.poll('locked');
    expect(locks).toBe(0);
  });

  it.each(['darwin', 'win32'] as const)('on %s, uses the lock-screen event and does not poll', (platform) => {
    const monitor = fakeMonitor();
    let locks = 0;
    watchSystemLock(platform, monitor.source, () => locks++);
    expect(monitor.ticks).toEqual([]);
    monitor.emit('lock-screen');
    monitor.emit('suspend');
    expect(locks).toBe(2);
  });

  it('stops listening and polling when the window closes', () => {
    const monitor = fakeMonitor();
    let locks = 0;
    const stop = watchSystemLock('linux', monitor.source, () => locks++);
    stop();
    expect(monitor.ticks).toEqual([]);
    expect([...monitor.listeners.keys()]).toEqual([]);
    monitor.poll('locked');
    expect(locks).toBe(0);
  });
});
