/** Electron's powerMonitor.getSystemIdleState() answers. */
export type SystemIdleState = 'active' | 'idle' | 'locked' | 'unknown';

/** powerMonitor and a timer, as far as the system lock needs them; each subscription returns its undo. */
export type SystemLockSource = {
  onSuspend(listener: () => void): () => void;
  /** Electron emits it on macOS and Windows only. */
  onLockScreen(listener: () => void): () => void;
  idleState(): SystemIdleState;
  every(intervalMs: number, tick: () => void): () => void;
};

/** How often Linux is asked whether the screen is locked: the vault locks at most this long after the screen. */
export const LOCK_POLL_MS = 5_000;

/**
 * Calls `lock` when the machine suspends or the screen locks. Electron reports `lock-screen` only on macOS and
 * Windows; elsewhere (Linux) the screen lock is polled through the idle state, which reports `locked` on desktops
 * whose locker Chromium can see (a screen saver that is active and locked). A locker it cannot see leaves only
 * suspend and the app's own idle timeout (docs/vault.md). Returns a function that stops watching.
 */
export function watchSystemLock(platform: NodeJS.Platform, source: SystemLockSource, lock: () => void): () => void {
  const stops = [source.onSuspend(lock)];
  if (platform === 'darwin' || platform === 'win32') {
    stops.push(source.onLockScreen(lock));
  } else {
    // Only the change to `locked` counts: a screen that stays locked locks the vault once.
    let wasLocked = source.idleState() === 'locked';
    stops.push(
      source.every(LOCK_POLL_MS, () => {
        const locked = source.idleState() === 'locked';
        if (locked && !wasLocked) lock();
        wasLocked = locked;
      }),
    );
  }
  return () => {
    for (const stop of stops) stop();
  };
}
