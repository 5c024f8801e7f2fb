import { useEffect, useState } from 'react';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;

/** How long before the idle lock the person is warned, and can stay signed in. */
export const IDLE_WARNING_MS = 60_000;

/**
 * Calls `onIdle` after `timeoutMs` without keyboard, pointer or focus activity, and returns true during the last
 * minute before it, so the screen can warn. Any activity (the warning's own button included) starts the count
 * again. Uses the page's own timers and Date, so tests drive it with Playwright's clock.
 */
export function useIdleLock(timeoutMs: number | null, onIdle: () => void): boolean {
  const [warning, setWarning] = useState(false);
  useEffect(() => {
    if (timeoutMs === null) return;
    const timeout = timeoutMs;
    const warnAfter = Math.max(0, timeout - IDLE_WARNING_MS);
    let lastActivity = Date.now();
    let timer = 0;
    const schedule = (delay: number) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, delay);
    };
    function check() {
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= timeout) {
        setWarning(false);
        onIdle();
      } else if (idleFor >= warnAfter) {
        setWarning(true);
        schedule(timeout - idleFor);
      } else {
        setWarning(false);
        schedule(warnAfter - idleFor);
      }
    }
    const touch = (event: Event) => {
      lastActivity = Date.now();
      // A deliberate act (a key, a press) dismisses the warning at once. Merely moving the pointer keeps the person
      // signed in too, but leaves the warning in place until the next check: otherwise the warning would vanish
      // under the pointer on its way to "Stay signed in".
      if (event.type !== 'pointermove' && event.type !== 'wheel') setWarning(false);
    };
    schedule(warnAfter);
    for (const name of activityEvents) window.addEventListener(name, touch, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      setWarning(false);
      for (const name of activityEvents) window.removeEventListener(name, touch, { capture: true });
    };
  }, [timeoutMs, onIdle]);
  return warning;
}
