import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../../electron/cli/rolldown.config.ts';
import { splitBundle } from './bundle-tamper';

const root = resolve(import.meta.dirname, '../../..');
const vector = (name: string) => join(root, 'test/vectors/bundle', name);
const AT = '2026-11-27T00:00:00Z';

describe('casebridge-bundle CLI (built, then spawned against the test vectors)', () => {
  let dir = '';
  let cli = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebridge-cli-'));
    await build({ ...config, input: { 'casebridge-bundle': join(root, 'electron/cli/casebridge-bundle.ts') }, output: { ...config.output, dir }, logLevel: 'silent' });
    cli = join(dir, 'casebridge-bundle.js');
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // At most two CLI processes at a time: each one measures libsodium's wasm speed at start-up.
  let running = 0;
  const waiting: (() => void)[] = [];
  const run = async (...args: string[]) => {
    if (running >= 2) await new Promise<void>((resume) => waiting.push(resume));
    running++;
    try {
      // The start-up wasm speed check can refuse on a machine saturated by other work (exit 3,
      // CRYPTO_UNAVAILABLE); that is the environment, not the CLI under test, so it is retried.
      for (let attempt = 1; ; attempt++) {
        const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
          execFile(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
            done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
          });
        });
        if (result.status !== 3 || attempt === 5) return result;
      }
    } finally {
      running--;
      waiting.shift()?.();
    }
  };

  it('inspects a bundle: kind, fingerprints, times and sizes, and no secret', async () => {
    const [{ status, stdout, stderr }, publicBundle] = await Promise.all([run('inspect', vector('valid-request.bin')), run('inspect', vector('valid-key-card.bin'))]);
    expect(status, stderr).toBe(0);
    expect(publicBundle.status, publicBundle.stderr).toBe(0);
    expect(stdout).toMatch(/kind: +request/);
    expect(stdout).toMatch(/sender: +\d{5}( \d{5}){11}/);
    expect(stdout).toMatch(/recipient: +\d{5}( \d{5}){11} +sequence 1/);
    expect(stdout).toContain('created:     2026-11-26T09:00:00.000Z');
    expect(stdout).toMatch(/attachment 2: 10 bytes/);
    const { header } = splitBundle(new Uint8Array(readFileSync(vector('valid-request.bin'))));
    for (const entry of header.recipients as { wrap: string }[]) expect(stdout).not.toContain(entry.wrap.slice(0, 32));
    expect(publicBundle.stdout).toContain('none (public bundle)');
    const { header: publicHeader } = splitBundle(new Uint8Array(readFileSync(vector('valid-key-card.bin'))));
    expect(publicBundle.stdout).not.toContain(String(publicHeader.publicContentKey));
  });

  it('verifies with a trusted key card and exits 0', async () => {
    const [ok, card] = await Promise.all([run('verify', vector('valid-request.bin'), '--trust', vector('valid-key-card.bin'), '--at', AT), run('verify', vector('valid-key-card.bin'), '--at', AT)]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(card.stderr).toBe('');
    expect(ok.stdout).toMatch(/^OK request [0-9a-f]{32} from Office Berlin/);
    expect(card.status).toBe(0);
  });

  it('exits non-zero with the error class for refused bundles', async () => {
    const cases: [string, string[], string][] = [
      ['valid-request.bin', [], 'BUNDLE_SIGNER_UNKNOWN'],
      ['signature-flipped.bin', ['--trust', vector('valid-key-card.bin')], 'BUNDLE_SIGNATURE_INVALID'],
      ['truncated-last-byte.bin', [], 'BUNDLE_TRUNCATED'],
      ['trailing-byte.bin', [], 'BUNDLE_TRAILING_DATA'],
      ['duplicate-key.bin', [], 'BUNDLE_NONCANONICAL'],
      ['payload-bit-flip.bin', ['--trust', vector('valid-key-card.bin')], 'BUNDLE_ITEM_HASH_MISMATCH'],
    ];
    const results = await Promise.all(cases.map(([file, extra]) => run('verify', vector(file), ...extra, '--at', AT)));
    cases.forEach(([file, , code], index) => {
      const result = results[index];
      expect(result?.status, file).toBe(1);
      expect(result?.stderr.startsWith(`${code}: `), `${file}: ${result?.stderr}`).toBe(true);
    });
    const [expired, badMagic, zeroed] = await Promise.all([
      run('verify', vector('valid-request.bin'), '--trust', vector('valid-key-card.bin'), '--at', '2026-12-20T00:00:00Z'),
      run('inspect', vector('bad-magic.bin')),
      run('inspect', vector('signature-zeroed.bin')),
    ]);
    expect(expired.stderr).toMatch(/^BUNDLE_EXPIRED: /);
    expect(badMagic.stderr).toMatch(/^BUNDLE_MALFORMED: /);
    expect(zeroed.status).toBe(1);
    expect(zeroed.stdout).toContain('signature:   INVALID');
  });

  it('accepts a signed key card as JSON, refuses a tampered one, and explains usage', async () => {
    const manifest = JSON.parse(readFileSync(vector('manifest.json'), 'utf8')) as { offices: { alice: { card: { card: { name: string } } } } };
    const good = join(dir, 'alice.json');
    writeFileSync(good, JSON.stringify(manifest.offices.alice.card));
    const bad = join(dir, 'tampered.json');
    manifest.offices.alice.card.card.name = 'Someone else';
    writeFileSync(bad, JSON.stringify(manifest.offices.alice.card));
    const [accepted, refused, noArgs, bogus, missing, lateCard] = await Promise.all([
      run('verify', vector('valid-request.bin'), '--trust', good, '--at', AT),
      run('verify', vector('valid-request.bin'), '--trust', bad, '--at', AT),
      run(),
      run('verify', vector('valid-request.bin'), '--bogus'),
      run('inspect', join(dir, 'missing.bin')),
      run('verify', vector('valid-request.bin'), '--trust', good, '--at', '2030-01-01T00:00:00Z'),
    ]);
    expect(accepted.status).toBe(0);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('KEYCARD_SIGNATURE_INVALID');
    expect(noArgs.status).toBe(2);
    expect(bogus.status).toBe(2);
    expect(missing.stderr).toMatch(/^BUNDLE_IO_FAILED/);
    expect(lateCard.stderr).toMatch(/is not valid at 2030/);
  });
});
