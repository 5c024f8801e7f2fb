import { buildBundle } from '@shared/bundle/build-bundle';
import { nextSequence, sentLedgerEntry } from '@shared/exchange/ledger-entry';
import { bundleFileName } from '@shared/exchange/transmittal-slip';
import type { TrustStore } from '@shared/offices/trust-store';
import { err, ok, type Result } from '@shared/result';
import { writeBundleFile } from '../bundle-io/write-bundle-file';
import { vaultWrite } from '../vault/vault-write';
import { BUNDLE_VALIDITY_MS } from '../exchange/export-case';
import type { ExchangeDeps } from '../exchange/exchange-deps';
import { loadLedger } from '../exchange/ledger-store';
import {
  deskRecommendationSchema,
  loadDeskRecommendations,
  type CitedFinding,
  type DeskRecommendation,
} from '../oversight/desk-records';

export type RecommendationRequest = {
  /** The office's signing key: every finding must be this office's. */
  readonly officeKey: string;
  readonly findings: readonly CitedFinding[];
  readonly action: string;
  /** ISO instant by which the office must answer. */
  readonly answerBy: string;
  readonly folderToken: string;
};

/**
 * Writes a signed `recommendation` bundle addressed to one verified office (to a folder or removable medium, through
 * the shell's atomic writer, as case bundles are written), then records it as a `desk-recommendation` with its sent
 * ledger entry. Nothing is recorded unless the file was written.
 */
export async function exportRecommendation(
  deps: ExchangeDeps,
  trust: TrustStore,
  request: RecommendationRequest,
): Promise<Result<DeskRecommendation, string>> {
  const office = Object.hasOwn(trust, request.officeKey) ? trust[request.officeKey] : undefined;
  if (office === undefined || office.state !== 'verified')
    return err(
      'recipient-unverified',
      'Recommendations go only to offices whose key card you verified. Compare its fingerprint in Partner offices first.',
    );
  const action = request.action.trim();
  if (request.findings.length === 0) return err('no-findings', 'Choose at least one finding.');
  if (action === '') return err('no-action', 'Write the action the office must take.');
  const createdAt = deps.now();
  if (!(Date.parse(request.answerBy) > createdAt))
    return err('answer-by-past', 'The answer-by date must be in the future.');
  const ledger = await loadLedger(deps.db);
  const sequence = nextSequence(ledger, request.officeKey);
  const written = await writeBundleFile({
    kit: deps.kit,
    writer: deps.shell.exchange,
    folderToken: request.folderToken,
    expectedBytes: 64 * 1024,
    fileName: (built) => bundleFileName(built.kind, built.bundleId),
    build: (sink) =>
      buildBundle(
        deps.kit,
        {
          kind: 'recommendation',
          body: { findings: [...request.findings], action, answerBy: request.answerBy },
          sender: deps.own,
          recipients: [{ card: office.card, sequence }],
          createdAt,
          notAfter: createdAt + BUNDLE_VALIDITY_MS,
        },
        sink,
      ),
  });
  if (!written.ok) return written;
  const record = deskRecommendationSchema.parse({
    id: crypto.randomUUID(),
    type: 'desk-recommendation',
    recordedAt: deps.now(),
    bundleId: written.value.built.bundleId,
    officeKey: request.officeKey,
    officeName: office.card.card.name,
    findings: request.findings,
    action,
    answerBy: request.answerBy,
    issuedAt: new Date(createdAt).toISOString(),
    answer: null,
    closed: null,
  });
  const entry = sentLedgerEntry(written.value, {
    id: crypto.randomUUID(),
    kind: 'recommendation',
    peerKey: request.officeKey,
    peerName: office.card.card.name,
    caseId: null,
    caseRef: null,
    sequence,
    recordedAt: deps.now(),
    status: 'sent',
    shared: null,
  });
  const stored = await vaultWrite(deps.db, [deps.db.oversight, deps.db.bundleLedger], async () => {
    await deps.db.oversight.put({ ...record });
    await deps.db.bundleLedger.put({ ...entry });
  });
  if (!stored.ok)
    return err('written-not-recorded', `The bundle was written, but recording it failed: ${stored.error.message}`);
  return ok(record);
}

/** An officer closes a recommendation with a note (answered or not: the note says why). */
export async function closeRecommendation(
  deps: Pick<ExchangeDeps, 'db' | 'now' | 'actor'>,
  id: string,
  note: string,
): Promise<Result<DeskRecommendation, string>> {
  const text = note.trim();
  if (text === '') return err('no-note', 'Write why the recommendation is closed.');
  const found = (await loadDeskRecommendations(deps.db)).find((r) => r.id === id);
  if (found === undefined) return err('not-found', 'This recommendation is not on record.');
  if (found.closed !== null) return err('already-closed', 'This recommendation is closed already.');
  const closed: DeskRecommendation = {
    ...found,
    closed: { note: text, at: new Date(deps.now()).toISOString(), by: deps.actor.id },
  };
  const stored = await vaultWrite(deps.db, [deps.db.oversight], async () => {
    await deps.db.oversight.put({ ...closed });
  });
  return stored.ok ? ok(closed) : stored;
}
