import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../../electron/cli/rolldown.config.ts';
import { splitBundle } from './bundle-tamper';
import { makeOffice } from './bundle-fixtures';
import { cryptoKit } from '../../../shared/crypto/crypto-kit';
import { EMPTY_AUDIT_HEAD, eventDigest, sealAuditEvent, type AuditEvent, type AuditHead } from '../../../shared/audit';
import { toHex } from '../../../shared/bytes/bytes';
import { issuePersonCertificate } from '../../../shared/people/person-certificate';
import { createOfficeSigner } from '../../../shared/offices/office-signer';
import { testSigner } from '../../support/test-signer';
import { createOversightExport } from '../../../shared/oversight/oversight-audit-export';

const root = resolve(import.meta.dirname, '../../..');
const vector = (name: string) => join(root, 'test/vectors/bundle', name);
const AT = '2026-11-27T00:00:00Z';

describe('casebridge-bundle CLI (built, then spawned against the test vectors)', () => {
  let dir = '';
  let cli = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebridge-cli-'));
    await build({
      ...config,
      input: { 'casebridge-bundle': join(root, 'electron/cli/casebridge-bundle.ts') },
      output: { ...config.output, dir },
      logLevel: 'silent',
    });
    cli = join(dir, 'casebridge-bundle.js');
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // At most two CLI processes at a time on a 2-core machine.
  let running = 0;
  const waiting: (() => void)[] = [];
  const run = async (...args: string[]) => {
    if (running >= 2) await new Promise<void>((resume) => waiting.push(resume));
    running++;
    try {
      return await new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
        execFile(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
          done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
        });
      });
    } finally {
      running--;
      waiting.shift()?.();
    }
  };

  it('inspects a bundle: kind, fingerprints, times and sizes, and no secret', async () => {
    const [{ status, stdout, stderr }, publicBundle] = await Promise.all([
      run('inspect', vector('valid-request.bin')),
      run('inspect', vector('valid-key-card.bin')),
    ]);
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
    const [ok, card] = await Promise.all([
      run('verify', vector('valid-request.bin'), '--trust', vector('valid-key-card.bin'), '--at', AT),
      run('verify', vector('valid-key-card.bin'), '--at', AT),
    ]);
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
      run(
        'verify',
        vector('valid-request.bin'),
        '--trust',
        vector('valid-key-card.bin'),
        '--at',
        '2026-12-20T00:00:00Z',
      ),
      run('inspect', vector('bad-magic.bin')),
      run('inspect', vector('signature-zeroed.bin')),
    ]);
    expect(expired.stderr).toMatch(/^BUNDLE_EXPIRED: /);
    expect(badMagic.stderr).toMatch(/^BUNDLE_MALFORMED: /);
    expect(zeroed.status).toBe(1);
    expect(zeroed.stdout).toContain('signature:   INVALID');
    expect(zeroed.stderr).toMatch(/^BUNDLE_SIGNATURE_INVALID: /);
  });

  it('accepts a signed key card as JSON, refuses a tampered one, and explains usage', async () => {
    const manifest = JSON.parse(readFileSync(vector('manifest.json'), 'utf8')) as {
      offices: { alice: { card: { card: { name: string } } } };
    };
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
    expect(refused.stderr).toMatch(/^KEYCARD_SIGNATURE_INVALID: key card /);
    expect(noArgs.status).toBe(2);
    expect(noArgs.stderr).toMatch(/^CLI_USAGE: no command given\.\nusage: /);
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toMatch(/^CLI_USAGE: unexpected argument --bogus/);
    expect(missing.stderr).toMatch(/^BUNDLE_IO_FAILED/);
    expect(lateCard.status).toBe(1);
    expect(lateCard.stderr).toMatch(/^BUNDLE_SIGNER_EXPIRED: The key card of Office Berlin expired on /);
  });

  it("judges a trusted card at --at with the app's clock skew (rule 6.4), as the app does", async () => {
    const manifest = JSON.parse(readFileSync(vector('manifest.json'), 'utf8')) as {
      offices: { alice: { card: { card: { validUntil: number } } } };
    };
    const end = manifest.offices.alice.card.card.validUntil;
    const skew = 10 * 60 * 1000;
    const at = (ms: number) => ['--trust', vector('valid-key-card.bin'), '--at', String(ms)];
    const carol = JSON.parse(readFileSync(vector('manifest.json'), 'utf8')).offices.carol.card as {
      card: { validUntil: number };
    };
    const carolFile = join(dir, 'carol.json');
    writeFileSync(carolFile, JSON.stringify(carol));
    const [edge, over, revocation] = await Promise.all([
      run('verify', vector('signer-card-skew-edge.bin'), ...at(end + skew)),
      run('verify', vector('signer-card-skew-edge.bin'), ...at(end + skew + 1)),
      // Madrid's card has expired, but its key may still retire itself (the revocation exemption of rule 6.4).
      run(
        'verify',
        vector('revocation-after-card-expiry.bin'),
        '--trust',
        carolFile,
        '--at',
        String(carol.card.validUntil + 2 * 86_400_000),
      ),
    ]);
    expect(edge.status, edge.stderr).toBe(0);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/^BUNDLE_SIGNER_EXPIRED: /);
    expect(revocation.status, revocation.stderr).toBe(0);
    expect(revocation.stdout).toMatch(/^OK revocation [0-9a-f]{32} from Office Madrid/);
  });

  it('explains a code with its rules and their section of the specification', async () => {
    const [malformed, io, unknown] = await Promise.all([
      run('explain', 'BUNDLE_MALFORMED'),
      run('explain', 'bundle_io_failed'),
      run('explain', 'NOT_A_CODE'),
    ]);
    expect(malformed.status, malformed.stderr).toBe(0);
    expect(malformed.stdout).toMatch(/^BUNDLE_MALFORMED\n/);
    expect(malformed.stdout).toContain(
      '§11, rule 3.9.4 (step 3): A key-card or revocation bundle that carries an attachment (more than one item).',
    );
    expect(malformed.stdout).toContain('§11, rule 1.2 (step 1): ');
    expect(io.stdout).toContain('§11, rule IO (any step): ');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^CLI_USAGE: NOT_A_CODE is not a bundle error code/);
  });

  it('verifies the oversight kinds, refuses a period report without exactly one attachment, and explains the new rules', async () => {
    const manifest = JSON.parse(readFileSync(vector('manifest.json'), 'utf8')) as {
      offices: { bob: { card: unknown }; carol: { card: unknown } };
    };
    const paris = join(dir, 'paris.json');
    const madrid = join(dir, 'madrid.json');
    writeFileSync(paris, JSON.stringify(manifest.offices.bob.card));
    writeFileSync(madrid, JSON.stringify(manifest.offices.carol.card));
    const [report, recommendation, none, two, malformed, payload] = await Promise.all([
      run('verify', vector('valid-period-report.bin'), '--trust', paris, '--at', AT),
      run('verify', vector('valid-recommendation.bin'), '--trust', madrid, '--at', AT),
      // Rule 3.9.10 is on the header: refused without a secret and before the signer is even looked up.
      run('verify', vector('period-report-no-attachment.bin'), '--at', AT),
      run('verify', vector('period-report-two-attachments.bin'), '--trust', paris, '--at', AT),
      run('explain', 'BUNDLE_MALFORMED'),
      run('explain', 'BUNDLE_PAYLOAD_INVALID'),
    ]);
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/^OK period-report [0-9a-f]{32} from Office Paris\n.*not opened/);
    expect(recommendation.status, recommendation.stderr).toBe(0);
    expect(recommendation.stdout).toMatch(/^OK recommendation [0-9a-f]{32} from Office Madrid/);
    for (const refused of [none, two]) {
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/^BUNDLE_MALFORMED: .*a period report carries exactly one attachment/);
    }
    expect(malformed.stdout).toContain('§11, rule 3.9.10 (step 3): A period-report bundle whose items are not');
    expect(payload.stdout).toContain('§11, rule 13.10 (step 13): A period-report body whose attachment is not');
  });

  it('verify-audit checks an oversight audit export, and every event signature, against a trusted key card', async () => {
    const kit = await cryptoKit();
    const alice = makeOffice(kit, 1, 'Office Berlin', 'DE');
    const ana = '2b0c5f4e-4c1a-4c8e-9a57-1f0d6a3e9b11';
    const signer = testSigner(kit);
    const sealTrail = (details: readonly Record<string, number>[]) => {
      let head: AuditHead = EMPTY_AUDIT_HEAD;
      const events: AuditEvent[] = [];
      for (const [i, at] of ['2026-03-01T10:00:00.000Z', '2026-04-01T10:00:00.000Z'].entries()) {
        const sealed = sealAuditEvent(
          'case-1',
          head,
          {
            at,
            actor: { id: ana, role: 'caseworker' },
            type: 'stage-changed',
            action: 'step',
            fromStage: 'draft',
            toStage: 'draft',
            details: details[i] ?? {},
          },
          { hash: (b) => kit.hash(b, 32), signer },
        );
        events.push(sealed.event);
        head = sealed.head;
      }
      return { head, events };
    };
    const { head, events } = sealTrail([{ i: 0 }, { i: 1 }]);
    const aliceSigner = createOfficeSigner(kit, alice.identity);
    const certificate = issuePersonCertificate(
      aliceSigner,
      {
        personId: ana,
        name: 'Ana Weber',
        signingKey: toHex(signer.pairOf(ana).publicKey),
        validFrom: '2026-01-01T00:00:00.000Z',
        revokedAt: null,
      },
      '2026-01-01T00:00:00.000Z',
    );
    const exportOf = (trail: { head: AuditHead; events: AuditEvent[] }, certificates = [certificate]) =>
      createOversightExport(
        kit,
        {
          office: { name: 'Office Berlin', jurisdiction: 'DE' },
          scope: { kind: 'cases', caseIds: ['case-1'] },
          trails: [{ caseId: 'case-1', ...trail }],
          certificates,
          now: AT,
        },
        aliceSigner,
      );
    const exportFile = join(dir, 'audit.json');
    writeFileSync(exportFile, exportOf({ head, events }));
    // Someone with the vault key rewrote event 2 and re-hashed the chain; the signature is still Ana's old one.
    const [first, second] = events;
    if (second?.formatVersion !== 2 || !first) throw new Error('expected signed events');
    const { hash: _hash, signature, ...content } = second;
    const rewritten = { ...content, details: { i: 99 } };
    const rehash = toHex(eventDigest(rewritten, (b) => kit.hash(b, 32)));
    const forgedFile = join(dir, 'audit-forged.json');
    writeFileSync(
      forgedFile,
      exportOf({ head: { count: 2, headHash: rehash }, events: [first, { ...rewritten, hash: rehash, signature }] }),
    );
    // Ana's access was once reset: an older key of hers, retired, is certified too. That is not a removal.
    const retiredKey = issuePersonCertificate(
      aliceSigner,
      {
        personId: ana,
        name: 'Ana Weber',
        signingKey: toHex(kit.signKeyPair().publicKey),
        validFrom: '2025-01-01T00:00:00.000Z',
        revokedAt: '2025-12-31T00:00:00.000Z',
      },
      '2025-12-31T00:00:00.000Z',
    );
    const resetFile = join(dir, 'audit-reset.json');
    writeFileSync(resetFile, exportOf({ head, events }, [retiredKey, certificate]));
    const tampered = join(dir, 'audit-tampered.json');
    writeFileSync(tampered, readFileSync(exportFile, 'utf8').replace('"step"', '"stop"'));
    const [ok, untrusted, edited, forged, reset] = await Promise.all([
      run('verify-audit', exportFile, '--trust', vector('valid-key-card.bin'), '--at', AT),
      run('verify-audit', exportFile, '--at', AT),
      run('verify-audit', tampered, '--trust', vector('valid-key-card.bin'), '--at', AT),
      run('verify-audit', forgedFile, '--trust', vector('valid-key-card.bin'), '--at', AT),
      run('verify-audit', resetFile, '--trust', vector('valid-key-card.bin'), '--at', AT),
    ]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^OK oversight audit export from Office Berlin \(DE\), fingerprint \d{5}/);
    expect(ok.stdout).toContain('signed by:   Ana Weber: 2 event(s)');
    expect(ok.stdout).toContain('Signature valid; every hash chain and every event signature verified.');
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('signed by:   Ana Weber: 2 event(s)\n');
    expect(reset.stdout).not.toContain('access removed');
    expect(forged.status).toBe(1);
    expect(forged.stderr).toContain(
      `OVERSIGHT_CHAIN_BROKEN: case case-1: Audit event 2 (case-1#1), claimed by Ana Weber (${ana}), does not match its signature`,
    );
    expect(untrusted.stderr).toMatch(/^OVERSIGHT_SIGNER_UNTRUSTED: /);
    expect(edited.stderr).toMatch(/^OVERSIGHT_SIGNATURE_INVALID: /);
  });
});
