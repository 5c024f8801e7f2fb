import { useEffect } from 'react';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;

/**
 * Calls `onIdle` after `timeoutMs` without keyboard, pointer or focus activity. Uses the page's own timers
 * and Date, so tests drive it with Playwright's clock instead of a shortened production setting.
 */
export function useIdleLock(timeoutMs: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (timeoutMs === null) return;
    const timeout = timeoutMs;
    let lastActivity = Date.now();
    let timer = 0;
    const schedule = (delay: number) => {
      timer = window.setTimeout(check, delay);
    };
    function check() {
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= timeout) onIdle();
      else schedule(timeout - idleFor);
    }
    const touch = () => {
      lastActivity = Date.now();
    };
    schedule(timeout);
    for (const name of activityEvents) window.addEventListener(name, touch, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, touch, { capture: true });
    };
  }, [timeoutMs, onIdle]);
}
