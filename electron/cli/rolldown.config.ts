// Builds the casebridge-bundle CLI into out/cli/ as one self-contained ES module for Node.
import { chmodSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { 'casebridge-bundle': 'electron/cli/casebridge-bundle.ts' },
  platform: 'node',
  external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
  output: { dir: 'out/cli', format: 'esm', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
  plugins: [
    {
      // The bin entry in package.json runs the file directly (npx casebridge-bundle), so it must be executable.
      name: 'make-executable',
      writeBundle(options, bundle) {
        for (const name of Object.keys(bundle))
          if (name.endsWith('.js') && options.dir) chmodSync(join(options.dir, name), 0o755);
      },
    },
  ],
});
