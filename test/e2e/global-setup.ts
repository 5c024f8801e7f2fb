import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPageBridge } from '../../electron/bridge/build-page-bridge';

export default async function globalSetup(): Promise<void> {
  if (!existsSync(resolve(import.meta.dirname, '../../out/renderer/index.html'))) {
    throw new Error('The renderer is not built. Run `npm run build` first (npm run test:e2e does it for you).');
  }
  await buildPageBridge();
}
