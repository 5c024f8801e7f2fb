/** The window a second launch brings forward. */
export type InstanceWindow = {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
};

/** Electron's app, as far as the single-instance rule needs it. */
export type InstanceTarget = {
  /** app.requestSingleInstanceLock(): false when another process already holds this profile. */
  requestLock(): boolean;
  onSecondInstance(listener: () => void): void;
  windows(): readonly InstanceWindow[];
  quit(): void;
};

/**
 * One Casebridge per profile: two processes must never write the same IndexedDB at once. The first keeps the lock
 * and, when someone starts the app again, brings its window back (restored if minimized, focused); the second
 * quits before opening anything. Returns whether this process may start.
 */
export function claimSingleInstance(target: InstanceTarget): boolean {
  if (!target.requestLock()) {
    target.quit();
    return false;
  }
  target.onSecondInstance(() => {
    // Still starting (no window yet): the window shows itself once it is ready.
    const [window] = target.windows();
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return true;
}
