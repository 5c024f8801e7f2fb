import { loadSodium } from '@shared/crypto/sodium';
import { getShell } from './shell-bridge';
import type { CasebridgeApi } from '@shared/ipc/contract';

export type BootOutcome =
  | { readonly kind: 'ready'; readonly shell: CasebridgeApi }
  | { readonly kind: 'crypto-failed'; readonly detail: string }
  | { readonly kind: 'shell-missing' };

/** Start-up checks that must pass before any screen appears. */
export async function boot(): Promise<BootOutcome> {
  try {
    await loadSodium();
  } catch (error) {
    return { kind: 'crypto-failed', detail: error instanceof Error ? error.message : String(error) };
  }
  const shell = getShell();
  return shell === null ? { kind: 'shell-missing' } : { kind: 'ready', shell };
}
