import { ipcChannels } from '../../shared/ipc/contract';

/**
 * `window.casebridge` as the IPC contract defines it: each area with its calls, sorted, plus the shell's events. The
 * Electron spec checks the real preload against this, and a unit test checks `createApi` against it, so neither can
 * drift from the contract unnoticed.
 */
export function expectedApiSurface(): Record<string, string[]> {
  const surface: Record<string, string[]> = { system: ['onLock'] };
  for (const channel of ipcChannels) {
    const [area, call] = channel.split('.');
    if (area === undefined || call === undefined) continue;
    surface[area] = [...(surface[area] ?? []), call].sort();
  }
  return surface;
}
