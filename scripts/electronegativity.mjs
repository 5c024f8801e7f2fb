// Runs Electronegativity over what ships (main, preload and the HTML that carries the CSP) and fails on any
// finding not reviewed in build/electronegativity-explained.json.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'casebridge-electronegativity-'));
try {
  cpSync(join(root, 'electron'), join(work, 'src'), { recursive: true });
  cpSync(join(root, 'renderer/index.html'), join(work, 'src/index.html'));
  const csv = join(work, 'report.csv');
  const bin = join(root, 'node_modules/.bin/electronegativity');
  // AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK would fetch Electron's release list from the internet: skipped.
  const run = spawnSync(
    bin,
    [
      '-i',
      join(work, 'src'),
      '-r',
      '-o',
      csv,
      '-v',
      'false',
      '-e',
      '45.0.0',
      '-x',
      'AvailableSecurityFixesGlobalCheck',
    ],
    { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
  );
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity exited with ${run.status}`);
  }
  const explained = JSON.parse(readFileSync(join(root, 'build/electronegativity-explained.json'), 'utf8'));
  const findings = readFileSync(csv, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [check, severity, , file, location] = line.split(',');
      return { key: `${check}@${file.replaceAll('"', '')}`, severity, location };
    });
  const unexplained = findings.filter((f) => !(f.key in explained));
  for (const f of findings) {
    console.log(`electronegativity: ${f.key} ${f.location} ${f.key in explained ? '(explained)' : 'UNEXPLAINED'}`);
  }
  if (unexplained.length > 0) {
    console.error(
      `electronegativity: ${unexplained.length} unexplained finding(s). Fix them or explain them in build/electronegativity-explained.json.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`electronegativity: ${findings.length} finding(s), all explained.`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
