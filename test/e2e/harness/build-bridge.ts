import { resolve } from 'node:path';
import { build } from 'rolldown';

export const bridgeBundlePath = resolve(import.meta.dirname, '../../../out/test-bridge/bridge.js');

/** Bundles the preload's createApi for injection into the test page (no Electron, no Node). */
export async function buildBridge(): Promise<void> {
  await build({
    input: resolve(import.meta.dirname, 'bridge-entry.ts'),
    resolve: { alias: { '@shared': resolve(import.meta.dirname, '../../../shared') } },
    output: { file: bridgeBundlePath, format: 'iife' },
    logLevel: 'warn',
  });
}
