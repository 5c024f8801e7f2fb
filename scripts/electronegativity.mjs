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
  const report = join(work, 'report.sarif');
  const bin = join(root, 'node_modules/.bin/electronegativity');
  // AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK would fetch Electron's release list from the internet: skipped.
  const run = spawnSync(
    bin,
    [
      '-i',
      join(work, 'src'),
      '-r',
      '-o',
      report,
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
  // SARIF, not CSV: electronegativity writes its CSV rows racily (a row sometimes overwrites the one before it),
  // while the SARIF file is written whole.
  const findings = readSarif(JSON.parse(readFileSync(report, 'utf8')));
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

/** Each finding as `check@file` with its position, from a SARIF 2.1 report; anything unexpected is an error. */
function readSarif(sarif) {
  const results = sarif?.runs?.[0]?.results;
  if (!Array.isArray(results)) throw new Error('electronegativity wrote no SARIF results.');
  return results.map((result) => {
    const location = result?.locations?.[0]?.physicalLocation;
    const file = location?.artifactLocation?.uri;
    if (typeof result?.ruleId !== 'string' || typeof file !== 'string') throw new Error('Unreadable SARIF finding.');
    const region = location.region ?? {};
    return { key: `${result.ruleId}@${file}`, location: `${region.startLine}:${region.startColumn}` };
  });
}
