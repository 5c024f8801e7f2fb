import type { App } from './App';

/**
 * The app past the lock screen (screens, charts, reports, exchange, holiday calendars) is its own chunk, so the
 * first screen loads and runs only what the lock screen needs. Loaded once: when a form of the lock or first-run
 * screen is submitted (the passphrase is then stretched in a worker for a second or more, time the main thread can
 * spend loading the app), or when the app first renders if that comes first.
 */
type AppModule = { readonly App: typeof App };
let loading: Promise<AppModule> | undefined;

export function loadApp(): Promise<AppModule> {
  loading ??= import('./App');
  return loading;
}

/**
 * Starts loading the app's chunk at the first form submission in the page. Not at idle: on the first-run screen the
 * page would then load the app while the passphrase-strength estimator loads, and both compete for one thread.
 */
export function loadAppOnFirstSubmit(target: Pick<Document, 'addEventListener'> = document): void {
  target.addEventListener('submit', () => void loadApp(), { capture: true, once: true });
}
