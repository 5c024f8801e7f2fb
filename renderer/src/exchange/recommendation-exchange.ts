import { buildBundle } from '@shared/bundle/build-bundle';
import { nextSequence, sentLedgerEntry, type LedgerEntry } from '@shared/exchange/ledger-entry';
import { bundleFileName } from '@shared/exchange/transmittal-slip';
import type { TrustStore } from '@shared/offices/trust-store';
import { err, ok, type Result } from '@shared/result';
import { writeBundleFile } from '../bundle-io/write-bundle-file';
import type { OfficeRecommendation } from '../oversight/office-oversight-records';
import { loadOfficeOversight, verifiedOversightBody } from '../oversight/office-oversight-store';
import { commitExchange } from './exchange-commit';
import type { ExchangeDeps } from './exchange-deps';
import { BUNDLE_VALIDITY_MS } from './export-case';
import type { AppliedImport, RecommendationImport } from './import-bundle';
import { loadLedger } from './ledger-store';

/**
 * Stores a verified recommendation from our oversight body in ONE transaction: the ledger entry (the replay and
 * sequence checks hold from now on) and the open `office-recommendation` record. Refused whole if the bundle was
 * recorded meanwhile (two imports at once), so nothing is stored twice.
 */
export async function applyRecommendationImport(
  deps: ExchangeDeps,
  prepared: RecommendationImport,
): Promise<Result<AppliedImport, string>> {
  const now = deps.now();
  const ledgerId = crypto.randomUUID();
  const received: LedgerEntry = {
    id: ledgerId,
    direction: 'received',
    bundleId: prepared.bundleId,
    kind: 'recommendation',
    peerKey: prepared.senderKey,
    peerName: prepared.senderName,
    caseId: null,
    caseRef: null,
    sequence: prepared.sequence,
    headerDigest: prepared.headerDigest,
    fileHash: null,
    fileName: prepared.fileName,
    size: prepared.size,
    recordedAt: now,
    status: 'received',
    deliveredAt: null,
    shared: null,
  };
  const record: OfficeRecommendation = {
    id: crypto.randomUUID(),
    recordedAt: now,
    type: 'office-recommendation',
    bundleId: prepared.bundleId,
    senderKey: prepared.senderKey,
    senderName: prepared.senderName,
    findings: prepared.body.findings.map((finding) => ({ ...finding })),
    action: prepared.body.action,
    answerBy: prepared.body.answerBy,
    receivedAt: now,
    receivedBy: deps.actor.id,
    answer: null,
  };
  const committed = await commitExchange(deps.db, {
    ledgerPut: [received],
    oversightPut: [record],
    once: {
      direction: 'received',
      peerKey: prepared.senderKey,
      bundleId: prepared.bundleId,
      ...(prepared.sequence > 0 ? { sequence: { sender: prepared.senderKey, number: prepared.sequence } } : {}),
    },
  });
  if (!committed.ok) return err(committed.error.code, committed.error.message);
  return ok({ caseId: null, ledgerId });
}

export type AnswerError = 'not-found' | 'already-answered' | 'no-oversight-body' | 'answer-empty' | string;

/**
 * Answers a recommendation: a signed, encrypted `recommendation-response` (`inReplyTo`: the recommendation's bundle
 * id) addressed to our oversight body, written to the chosen folder; then, in ONE transaction, its ledger entry and
 * the recommendation marked answered (text, when, by whom, the answer's bundle id).
 */
export async function answerRecommendation(
  deps: ExchangeDeps,
  trust: TrustStore,
  request: { readonly recommendationId: string; readonly answer: string; readonly folderToken: string },
): Promise<Result<OfficeRecommendation, AnswerError>> {
  const answer = request.answer.trim();
  if (answer === '') return err('answer-empty', 'Write the answer first: what the office did, or will do, and when.');
  const oversight = await loadOfficeOversight(deps.db);
  const recommendation = oversight.recommendations.find((record) => record.id === request.recommendationId);
  if (!recommendation) return err('not-found', 'This recommendation is not in the vault any more.');
  if (recommendation.answer !== null) return err('already-answered', 'This recommendation was answered already.');
  const body = verifiedOversightBody(oversight, trust);
  // The answer goes to whoever sent the recommendation, and only while it is still our verified oversight body.
  if (!body || body.record.signingKey !== recommendation.senderKey)
    return err(
      'no-oversight-body',
      'The office that sent this recommendation is no longer your verified oversight body, so no answer can be addressed to it.',
    );
  const ledger = await loadLedger(deps.db);
  const sequence = nextSequence(ledger, recommendation.senderKey);
  const createdAt = deps.now();
  const written = await writeBundleFile({
    kit: deps.kit,
    writer: deps.shell.exchange,
    folderToken: request.folderToken,
    expectedBytes: 8192,
    fileName: (built) => bundleFileName(built.kind, built.bundleId),
    build: (sink) =>
      buildBundle(
        deps.kit,
        {
          kind: 'recommendation-response',
          body: { inReplyTo: recommendation.bundleId, answer },
          sender: deps.own,
          recipients: [{ card: body.partner.card, sequence }],
          createdAt,
          notAfter: createdAt + BUNDLE_VALIDITY_MS,
        },
        sink,
      ),
  });
  if (!written.ok) return written;
  const entry = sentLedgerEntry(written.value, {
    id: crypto.randomUUID(),
    kind: 'recommendation-response',
    peerKey: recommendation.senderKey,
    peerName: body.partner.card.card.name,
    caseId: null,
    caseRef: null,
    sequence,
    recordedAt: deps.now(),
    status: 'sent',
    shared: null,
  });
  const answered: OfficeRecommendation = {
    ...recommendation,
    answer: { text: answer, answeredAt: createdAt, answeredBy: deps.actor.id, bundleId: written.value.built.bundleId },
  };
  const committed = await commitExchange(deps.db, { ledgerPut: [entry], oversightPut: [answered] });
  if (!committed.ok)
    return err(
      'written-not-recorded',
      `The answer was written to the drive, but recording it failed: ${committed.error.message}`,
    );
  return ok(answered);
}
