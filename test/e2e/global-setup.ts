import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPageBridge } from '../../electron/bridge/build-page-bridge';
import { rendererRoots } from './harness/renderer-builds';

export default async function globalSetup(): Promise<void> {
  for (const root of Object.values(rendererRoots)) {
    if (!existsSync(resolve(root, 'index.html'))) {
      throw new Error(`${root} is not built. Run the suite with \`npm run test:e2e\`, which builds it first.`);
    }
  }
  await buildPageBridge();
}
