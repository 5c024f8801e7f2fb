/**
 * Growing delay after repeated wrong passphrases: none for the first two (typos happen), then 2 s, 4 s, 8 s…
 * capped at 60 s. Argon2id already costs an attacker a second per guess; this slows a person at the
 * keyboard further without ever locking the owner out. It lives in memory only: a wrong passphrase never
 * writes anything to disk.
 */
export const FREE_ATTEMPTS = 2;
export const MAX_DELAY_MS = 60_000;

export function unlockDelayMs(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
}

export class UnlockThrottle {
  #failures = 0;
  #notBefore = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get failures(): number {
    return this.#failures;
  }

  /** Milliseconds until another attempt is allowed (0 = now). */
  waitMs(): number {
    return Math.max(0, this.#notBefore - this.now());
  }

  recordFailure(): void {
    this.#failures++;
    this.#notBefore = this.now() + unlockDelayMs(this.#failures);
  }

  reset(): void {
    this.#failures = 0;
    this.#notBefore = 0;
  }
}
