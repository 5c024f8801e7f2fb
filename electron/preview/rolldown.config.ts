// Builds the preview launcher (Node) and the page side of its bridge (one script for the page) into out/preview/.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'rolldown';

const alias = { '@shared': resolve(import.meta.dirname, '../../shared') };

export default defineConfig([
  {
    input: { 'casebridge-preview': 'electron/preview/casebridge-preview.ts' },
    platform: 'node',
    resolve: { alias },
    external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'playwright', /^playwright\//],
    output: { dir: 'out/preview', format: 'esm', entryFileNames: '[name].js' },
  },
  {
    input: { 'page-bridge': 'electron/bridge/page-bridge.ts' },
    resolve: { alias },
    output: { dir: 'out/preview', format: 'iife', entryFileNames: '[name].js' },
  },
]);
