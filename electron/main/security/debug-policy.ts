/**
 * Switches that let another process inspect or drive the app: Chromium's DevTools protocol (a local port or pipe
 * any program of the user's session could attach to, then read the unlocked vault) and Node's inspector. The
 * inspector is also disabled by a fuse; refusing it here covers an unfused binary too.
 */
export const DEBUG_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'auto-open-devtools-for-tabs',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'debug-port',
  'js-flags',
] as const;

export type StartupDecision = { readonly action: 'start' } | { readonly action: 'quit'; readonly reason: string };

export type StartupFacts = {
  /** Electron's app.isPackaged: an installed build, not `npm start` or the Electron e2e suite. */
  readonly isPackaged: boolean;
  /** The command line after the executable (process.argv.slice(1)). */
  readonly args: readonly string[];
  /** Chromium's own parse of the command line (app.commandLine.hasSwitch). */
  readonly hasSwitch: (name: string) => boolean;
};

/**
 * An installed Casebridge refuses to start with a debugging switch; development builds keep them (Playwright's
 * Electron driver launches with --remote-debugging-port and --inspect).
 */
export function decideStartup(facts: StartupFacts): StartupDecision {
  if (!facts.isPackaged) return { action: 'start' };
  const found = DEBUG_SWITCHES.find((name) => facts.hasSwitch(name)) ?? findDebugSwitch(facts.args);
  return found === undefined
    ? { action: 'start' }
    : { action: 'quit', reason: `Casebridge does not start with --${found}: it would let other programs read it.` };
}

/**
 * The first debugging switch in `args`, in every spelling Chromium or Node accepts: `--name`, `-name`, `/name`
 * (Windows), with `=value` or not, any case. Scanning stops at a bare `--`, as Chromium's parser does.
 */
export function findDebugSwitch(args: readonly string[]): (typeof DEBUG_SWITCHES)[number] | undefined {
  for (const arg of args) {
    if (arg === '--') return undefined;
    const name = /^(?:--?|\/)([^=]+)/.exec(arg)?.[1]?.toLowerCase().replaceAll('_', '-');
    const found = DEBUG_SWITCHES.find((candidate) => candidate === name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** DevTools (the window, its devtools:// pages, the keyboard shortcut) exist only in development builds. */
export function devToolsAllowed(isPackaged: boolean): boolean {
  return !isPackaged;
}
