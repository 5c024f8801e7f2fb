/**
 * Writes the backup test vectors. Run from the repository root:
 *   npx jiti test/vectors/backup/generate.ts
 * The output is deterministic; test/unit/backup/backup-vectors.test.ts fails if the committed files differ.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cryptoKit } from '../../../shared/crypto/crypto-kit';
import { BACKUP_VECTOR_DIR, generateBackupVectors } from './backup-vectors';

const kit = await cryptoKit();
const { manifest, files } = await generateBackupVectors(kit);
for (const name of readdirSync(BACKUP_VECTOR_DIR)) if (name.endsWith('.cbbackup')) rmSync(join(BACKUP_VECTOR_DIR, name));
for (const [name, bytes] of Object.entries(files)) writeFileSync(join(BACKUP_VECTOR_DIR, name), bytes);
writeFileSync(join(BACKUP_VECTOR_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote ${Object.keys(files).length} backup vectors.`);
