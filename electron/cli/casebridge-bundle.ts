/**
 * casebridge-bundle: inspect and verify Casebridge bundles without any secret key.
 *
 *   casebridge-bundle inspect FILE
 *   casebridge-bundle verify FILE --trust KEYCARD [--trust KEYCARD…] [--at TIME]
 *   casebridge-bundle verify-audit FILE --trust KEYCARD [--trust KEYCARD…]
 *   casebridge-bundle explain CODE
 *
 * verify-audit checks an oversight audit export (a signed file of audit hash chains, see docs/reports.md).
 * KEYCARD is a key-card bundle (or a signed key card as JSON); the offices it names count as verified,
 * because whoever runs the command vouches for them; `--at` is checked with the app's policy (clock skew included),
 * so a trusted card outside its validity gives BUNDLE_SIGNER_EXPIRED as in the app. explain prints the rules of
 * docs/bundle-format.md §11 that produce a code. Exit status: 0 valid, 1 refused, 2 usage error (CLI_USAGE),
 * 3 libsodium unavailable (CRYPTO_UNAVAILABLE); every non-zero exit prints one line `CODE: message` first.
 */
import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { cryptoKit, type CryptoKit } from '../../shared/crypto/crypto-kit';
import { CryptoUnavailableError } from '../../shared/crypto/sodium';
import { BUNDLE_MAGIC } from '../../shared/bundle/bundle-layout';
import { memorySource } from '../../shared/bytes/byte-io';
import { fromHex } from '../../shared/bytes/bytes';
import { isBundleErrorCode, toBundleErr } from '../../shared/bundle/bundle-error';
import { DEFAULT_VERIFY_POLICY } from '../../shared/bundle/bundle-limits';
import { rulesForCode } from '../../shared/bundle/bundle-rules';
import { readKeyCardBundle } from '../../shared/bundle/key-card-bundle';
import { readBundleFrame } from '../../shared/bundle/read-bundle-frame';
import { verifyBundle } from '../../shared/bundle/verify-bundle';
import { formatFingerprint, officeFingerprint } from '../../shared/offices/fingerprint';
import { verifyKeyCard, type SignedKeyCard } from '../../shared/offices/key-card';
import { trustView, type TrustStore } from '../../shared/offices/trust-store';
import { verifyOversightExport, type OversightVerification } from '../../shared/oversight/oversight-audit-export';
import { openFileSource } from './file-io';

type Output = { out: (line: string) => void; err: (line: string) => void };

const USAGE = [
  'usage: casebridge-bundle inspect FILE',
  '       casebridge-bundle verify FILE --trust KEYCARD [--trust KEYCARD…] [--at TIME]',
  '       casebridge-bundle verify-audit FILE --trust KEYCARD [--trust KEYCARD…]',
  '       casebridge-bundle explain CODE',
].join('\n');

/** A usage error: the code line every non-zero exit starts with, then the usage text. */
function usage(io: Output, problem: string): number {
  io.err(`CLI_USAGE: ${problem}`);
  io.err(USAGE);
  return 2;
}

/** Oversight exports are read whole; this bounds what a stray file can make us allocate. */
const MAX_AUDIT_EXPORT_BYTES = 512 * 1024 * 1024;

/** Runs the command and returns the exit status (kept separate from process handling so tests can call it). */
export async function runBundleCli(args: readonly string[], io: Output): Promise<number> {
  const [command, file, ...rest] = args;
  if (command === 'explain') return explain(file, rest, io);
  if (command !== 'inspect' && command !== 'verify' && command !== 'verify-audit')
    return usage(io, command ? `unknown command ${command}.` : 'no command given.');
  if (!file) return usage(io, `${command} needs a FILE.`);
  let kit: CryptoKit;
  try {
    kit = await cryptoKit();
  } catch (caught) {
    // libsodium refuses to run when its WebAssembly build is not the one that loaded.
    if (!(caught instanceof CryptoUnavailableError)) throw caught;
    io.err(`CRYPTO_UNAVAILABLE: ${caught.message} Reinstall Casebridge's tools (npm ci) and try again.`);
    return 3;
  }
  if (command === 'inspect') return inspect(kit, file, io);
  const trustFiles: string[] = [];
  let now = Date.now();
  for (let i = 0; i < rest.length; i++) {
    const option = rest[i];
    const value = rest[i + 1];
    if (option === '--trust' && value) trustFiles.push(value);
    else if (option === '--at' && value) now = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    else return usage(io, `unexpected argument ${option ?? ''}${value === undefined ? ' (a value is missing)' : ''}.`);
    i++;
  }
  if (Number.isNaN(now)) return usage(io, '--at needs an ISO 8601 time or milliseconds since 1970.');
  return command === 'verify-audit'
    ? verifyAudit(kit, file, trustFiles, now, io)
    : verify(kit, file, trustFiles, now, io);
}

async function verifyAudit(
  kit: CryptoKit,
  file: string,
  trustFiles: readonly string[],
  now: number,
  io: Output,
): Promise<number> {
  const trusted: string[] = [];
  for (const trustFile of trustFiles) {
    const card = await readKeyCard(kit, trustFile, io);
    if (!card || !checkCardValidity(card, trustFile, now, io)) return 1;
    trusted.push(card.card.signingKey);
  }
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.size > MAX_AUDIT_EXPORT_BYTES)
      return report(
        { code: 'OVERSIGHT_MALFORMED', message: `${file} is larger than any audit export Casebridge writes.` },
        io,
      );
    bytes = new Uint8Array(await readFile(file));
  } catch (caught) {
    return report(
      {
        code: 'OVERSIGHT_IO_FAILED',
        message: `cannot read ${file} (${caught instanceof Error ? caught.message : 'error'}).`,
      },
      io,
    );
  }
  const result = verifyOversightExport(kit, bytes, trusted);
  if (!result.ok) return report(result.error, io);
  const { body, fingerprint, brokenChains, signers, people, partnerPersonIds } = result.value;
  io.out(
    `OK oversight audit export from ${body.office.name} (${body.office.jurisdiction}), fingerprint ${fingerprint}`,
  );
  io.out(
    body.scope.kind === 'period'
      ? `scope:       ${body.scope.from} to ${body.scope.to}`
      : `scope:       ${body.scope.caseIds.length} chosen case(s)`,
  );
  io.out(`generated:   ${body.generatedAt}`);
  io.out(
    `cases:       ${body.chains.length}, events in scope: ${body.chains.reduce((n, c) => n + c.eventsInScope, 0)}`,
  );
  io.out(`people:      ${people.length} certified signing key(s)`);
  for (const line of signerSummary(signers, people)) io.out(line);
  for (const kept of partnerPersonIds)
    io.out(
      `kept as signed: case ${kept.caseId}, event(s) ${kept.seqs.join(', ')} name a person by a partner office's id (recorded before such ids were replaced by local pseudonyms)`,
    );
  for (const broken of brokenChains) io.err(`OVERSIGHT_CHAIN_BROKEN: case ${broken.caseId}: ${broken.message}`);
  if (brokenChains.length > 0) return 1;
  io.out('Signature valid; every hash chain and every event signature verified.');
  return 0;
}

/** One line per person: how many events they signed, and when their access was removed, if it was. */
function signerSummary(signers: OversightVerification['signers'], people: OversightVerification['people']): string[] {
  const counts = new Map<string, number>();
  let unsigned = 0;
  for (const verdict of signers.flatMap((chain) => chain.verdicts)) {
    if (verdict.status === 'signed') counts.set(verdict.personId, (counts.get(verdict.personId) ?? 0) + 1);
    else if (verdict.status === 'before-personal-signing') unsigned++;
  }
  const lines = [...counts].map(([personId, count]) => {
    const keys = people.filter((key) => key.personId === personId);
    // A key retired by an access reset is not a removal: access is gone only when every key of theirs is revoked.
    const removed = keys.length > 0 && keys.every((key) => key.revokedAt !== null);
    const removedAt = removed
      ? keys
          .map((key) => key.revokedAt ?? '')
          .sort()
          .at(-1)
      : undefined;
    const name = keys[0]?.name ?? personId;
    return `signed by:   ${name}: ${count} event(s)${removedAt ? `, access removed on ${removedAt}` : ''}`;
  });
  if (unsigned > 0) lines.push(`unsigned:    ${unsigned} event(s) from before personal signing`);
  return lines;
}

async function inspect(kit: CryptoKit, file: string, io: Output): Promise<number> {
  const source = await openSource(file, io);
  if (!source) return 1;
  try {
    const frame = await readBundleFrame(kit, source, false);
    const { header } = frame;
    const fingerprint = (key: string) =>
      formatFingerprint(officeFingerprint(kit, fromHex(key, 32) ?? new Uint8Array(32)));
    io.out(`kind:        ${header.kind}`);
    io.out(`bundle id:   ${header.bundleId}`);
    io.out(`format:      version ${header.version}, suite ${header.suite}`);
    io.out(`sender:      ${fingerprint(header.sender)}  (key ${header.sender})`);
    io.out(
      `signature:   ${frame.signatureValid ? 'valid for the sender key above (trust not checked: use verify)' : 'INVALID'}`,
    );
    if (header.recipients.length === 0) io.out('recipients:  none (public bundle)');
    for (const entry of header.recipients)
      io.out(`recipient:   ${fingerprint(entry.signingKey)}  sequence ${entry.sequence}`);
    io.out(`created:     ${new Date(header.createdAt).toISOString()}`);
    io.out(`not after:   ${new Date(header.notAfter).toISOString()}`);
    io.out(`chunk size:  ${header.chunkSize} bytes`);
    io.out(`payload:     ${header.items[0]?.size ?? 0} bytes`);
    header.items.slice(1).forEach((item, index) => io.out(`attachment ${index + 1}: ${item.size} bytes`));
    io.out(`file size:   ${frame.fileSize} bytes`);
    io.out(`header hash: ${frame.headerDigest}`);
    if (frame.signatureValid) return 0;
    return report(
      {
        code: 'BUNDLE_SIGNATURE_INVALID',
        message: 'The outer signature does not verify with the sender key above: the header was altered or damaged.',
      },
      io,
    );
  } catch (caught) {
    return report(toBundleErr(caught).error, io);
  } finally {
    await source.close();
  }
}

async function verify(
  kit: CryptoKit,
  file: string,
  trustFiles: readonly string[],
  now: number,
  io: Output,
): Promise<number> {
  // Trusted cards go into the store whatever their validity: step 6 of the verifier then judges them at `--at` with
  // the app's clock skew (BUNDLE_SIGNER_EXPIRED), and lets a revocation through as the app does.
  let store: TrustStore = {};
  for (const trustFile of trustFiles) {
    const card = await readKeyCard(kit, trustFile, io);
    if (!card) return 1;
    store = { ...store, [card.card.signingKey]: { card, state: 'verified', importedAt: now, verifiedAt: now } };
  }
  const source = await openSource(file, io);
  if (!source) return 1;
  try {
    const result = await verifyBundle(kit, {
      source,
      trust: trustView(store),
      recipient: null,
      clock: () => now,
      ledger: null,
      policy: DEFAULT_VERIFY_POLICY,
    });
    if (!result.ok) return report(result.error, io);
    const { header, senderOffice } = result.value;
    io.out(`OK ${header.kind} ${header.bundleId} from ${senderOffice?.card.card.name ?? 'a self-signed key card'}`);
    io.out(
      result.value.opened
        ? 'Signature, trust, times, every chunk and the signed content verified.'
        : 'Signature, trust, times and every item hash verified; the content is encrypted for its recipients and was not opened.',
    );
    return 0;
  } finally {
    await source.close();
  }
}

/** Reads a --trust file (a key-card bundle, verified as of its own creation, or a signed card as JSON). */
async function readKeyCard(kit: CryptoKit, path: string, io: Output): Promise<SignedKeyCard | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (caught) {
    report(
      {
        code: 'BUNDLE_IO_FAILED',
        message: `cannot read key card ${path} (${caught instanceof Error ? caught.message : 'error'}).`,
      },
      io,
    );
    return undefined;
  }
  const isBundle = BUNDLE_MAGIC.every((byte, i) => bytes[i] === byte);
  if (isBundle) {
    const card = await readKeyCardBundle(kit, memorySource(bytes));
    if (card.ok) return card.value;
    report({ code: card.error.code, message: `key card ${path} is not valid: ${card.error.message}` }, io);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    report({ code: 'KEYCARD_MALFORMED', message: `${path} is neither a key-card bundle nor a key card in JSON.` }, io);
    return undefined;
  }
  const card = verifyKeyCard(kit, json);
  if (card.ok) return card.value;
  report({ code: card.error.code, message: `key card ${path}: ${card.error.message}` }, io);
  return undefined;
}

/** verify-audit has no bundle to run step 6 on, so it applies the same rule (with the app's skew) itself. */
function checkCardValidity(card: SignedKeyCard, path: string, now: number, io: Output): boolean {
  const skew = DEFAULT_VERIFY_POLICY.clockSkewMs;
  if (now >= card.card.validFrom - skew && now <= card.card.validUntil + skew) return true;
  report(
    {
      code: 'BUNDLE_SIGNER_EXPIRED',
      message: `key card ${path} (${card.card.name}) is not valid at ${new Date(now).toISOString()} (valid ${new Date(card.card.validFrom).toISOString()} to ${new Date(card.card.validUntil).toISOString()}): ask the office for its current key card.`,
    },
    io,
  );
  return false;
}

/** `explain CODE`: the rules of §11 that produce the code, from the table the specification is checked against. */
function explain(code: string | undefined, rest: readonly string[], io: Output): number {
  if (!code || rest.length > 0) return usage(io, 'explain needs exactly one error code, e.g. BUNDLE_TRUNCATED.');
  const wanted = code.toUpperCase();
  if (!isBundleErrorCode(wanted)) return usage(io, `${code} is not a bundle error code (docs/bundle-format.md §12).`);
  const rules = rulesForCode(wanted);
  io.out(`${wanted}`);
  if (rules.length === 0) io.out('  Writer only: the input cannot make a valid bundle (docs/bundle-format.md §13).');
  for (const rule of rules) {
    const where =
      rule.rule === 'IO' ? '§11, rule IO (any step)' : `§11, rule ${rule.rule} (step ${rule.rule.split('.')[0] ?? ''})`;
    io.out(`  ${where}: ${rule.text}`);
  }
  return 0;
}

async function openSource(file: string, io: Output) {
  try {
    return await openFileSource(file);
  } catch (caught) {
    io.err(`BUNDLE_IO_FAILED: cannot open ${file} (${caught instanceof Error ? caught.message : 'error'}).`);
    return undefined;
  }
}

function report(error: { code: string; message: string }, io: Output): number {
  io.err(`${error.code}: ${error.message}`);
  return 1;
}

// Run only as a program (also through an npm bin symlink), not when a test imports runBundleCli.
const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  runBundleCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }).then(
    (status) => {
      process.exitCode = status;
    },
    (caught: unknown) => {
      console.error(`BUNDLE_IO_FAILED: ${caught instanceof Error ? caught.message : String(caught)}`);
      process.exitCode = 1;
    },
  );
}
