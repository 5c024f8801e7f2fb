import { resolve } from 'node:path';
import { build } from 'rolldown';

const projectRoot = resolve(import.meta.dirname, '../..');
export const pageBridgePath = resolve(projectRoot, 'out/bridge/page-bridge.js');

/** Bundles the page side of the bridge (createApi over a Playwright binding) into one script: no Electron, no Node. */
export async function buildPageBridge(): Promise<string> {
  await build({
    input: resolve(import.meta.dirname, 'page-bridge.ts'),
    resolve: { alias: { '@shared': resolve(projectRoot, 'shared') } },
    output: { file: pageBridgePath, format: 'iife' },
    logLevel: 'warn',
  });
  return pageBridgePath;
}
