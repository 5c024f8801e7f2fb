/**
 * Writes the bundle test vectors and the exported JSON Schemas. Run from the repository root:
 *   npx jiti test/vectors/bundle/generate.ts
 * The output is deterministic; the unit suite fails if the committed files differ from what this produces.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { cryptoKit } from '../../../shared/crypto/crypto-kit';
import { bundleJsonSchemas } from '../../../shared/bundle/bundle-json-schemas';
import { generateBundleVectors } from './bundle-vectors';

const root = resolve(import.meta.dirname, '../../..');
const vectorDir = join(root, 'test/vectors/bundle');
const schemaDir = join(root, 'docs/bundle-schemas');

const kit = await cryptoKit();
const { manifest, files } = await generateBundleVectors(kit);
for (const name of readdirSync(vectorDir)) if (name.endsWith('.bin')) rmSync(join(vectorDir, name));
for (const [name, bytes] of Object.entries(files)) writeFileSync(join(vectorDir, name), bytes);
writeFileSync(join(vectorDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

mkdirSync(schemaDir, { recursive: true });
// Written as Prettier lays them out, so a fresh run leaves no diff and `prettier --check .` passes.
const prettierOptions = { ...(await resolveConfig(join(schemaDir, 'header.schema.json'))), parser: 'json' };
for (const [name, schema] of Object.entries(bundleJsonSchemas())) writeFileSync(join(schemaDir, `${name}.schema.json`), await format(JSON.stringify(schema, null, 2), prettierOptions));

const total = Object.values(files).reduce((sum, bytes) => sum + bytes.length, 0);
console.log(`Wrote ${Object.keys(files).length} vectors (${(total / 1024).toFixed(0)} KiB) and ${Object.keys(bundleJsonSchemas()).length} JSON Schemas.`);
