// `npm run test:e2e`: builds the renderer, then runs the Playwright journeys against it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const step = (command, args) => spawnSync(command, args, { stdio: 'inherit', cwd: root }).status ?? 1;

const built = step(bin('electron-vite'), ['build']);
if (built !== 0) process.exit(built);
process.exit(step(bin('playwright'), ['test', '-c', 'test/e2e/playwright.config.ts', ...process.argv.slice(2)]));
