// Builds the casebridge-bundle CLI into out/cli/ as one self-contained ES module for Node.
import { builtinModules } from 'node:module';
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { 'casebridge-bundle': 'electron/cli/casebridge-bundle.ts' },
  platform: 'node',
  external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
  output: { dir: 'out/cli', format: 'esm', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
});
