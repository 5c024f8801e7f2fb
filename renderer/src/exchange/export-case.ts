import { buildBundle, type AttachmentInput } from '@shared/bundle/build-bundle';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { fingerprintOf, type TrustStore } from '@shared/offices/trust-store';
import { caseBundleBody } from '@shared/exchange/bundle-bodies';
import { kindOptions, type CaseBundleKind } from '@shared/exchange/exchange-policy';
import { describeWorkflowMessages } from '@shared/workflow/describe-workflow-message';
import { recordExport } from '@shared/exchange/export-record';
import { nextSequence, sentLedgerEntry } from '@shared/exchange/ledger-entry';
import type { ShareableField } from '@shared/exchange/shared-case';
import { bundleFileName, type TransmittalSlip } from '@shared/exchange/transmittal-slip';
import { plainAttachmentNames } from '@shared/exchange/plain-attachment-names';
import { err, ok, type Result } from '@shared/result';
import { attachmentStream } from '../vault/attachments/attachment-store';
import { caseAttachments, streamChunks } from './case-attachments';
import { commitExchange } from './exchange-commit';
import type { ExchangeDeps } from './exchange-deps';
import { loadLedger } from './ledger-store';
import { writeBundleFile, type ExportProgress } from '../bundle-io/write-bundle-file';

/** A bundle is valid for this long after export: long enough for a courier, short enough to limit replay. */
export const BUNDLE_VALIDITY_MS = 30 * 24 * 60 * 60 * 1000;

export type CaseExportRequest = {
  readonly caseId: string;
  readonly kind: CaseBundleKind;
  readonly recipientKey: string;
  readonly fields: readonly ShareableField[];
  /** Ids of the case's stored files that travel along. */
  readonly attachmentIds: readonly string[];
  readonly message: string;
  readonly folderToken: string;
};

export type CaseExportResult = { readonly slip: TransmittalSlip; readonly caseRecorded: boolean };

/**
 * Exports a case as a bundle to a verified partner: checks the kind against the case's stage and the
 * recipient's trust, streams the bundle onto the drive, then records in ONE transaction what was sent, to
 * whom and when (ledger + audit event), advancing the workflow as the engine says.
 */
export async function exportCaseBundle(
  deps: ExchangeDeps,
  trust: TrustStore,
  request: CaseExportRequest,
  onProgress?: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<Result<CaseExportResult, string>> {
  const c = await deps.repository.get(request.caseId);
  if (!c) return err('case-not-found', 'This case is not in the vault any more.');
  const ledger = await loadLedger(deps.db);
  const option = kindOptions(c, deps.actor, deps.context, ledger).find((candidate) => candidate.kind === request.kind);
  if (!option?.available)
    return err(
      'kind-not-allowed',
      `This case cannot be sent as a ${request.kind} now: ${option && !option.available ? describeWorkflowMessages(option.reasons).join('; ') : 'unknown kind'}.`,
    );
  const recipient = Object.hasOwn(trust, request.recipientKey) ? trust[request.recipientKey] : undefined;
  if (!recipient || recipient.state !== 'verified') {
    return err(
      'recipient-unverified',
      'Bundles go only to offices you have verified. Compare the fingerprint with the office in Settings → Partner offices first.',
    );
  }
  if (option.recipients !== 'any' && option.recipients.only !== request.recipientKey) {
    return err('recipient-not-allowed', `A ${request.kind} goes back to the office that sent you this case.`);
  }
  const origin = ledger.find(
    (entry) =>
      entry.caseId === c.id &&
      entry.direction === 'received' &&
      (entry.kind === 'request' || entry.kind === 'challenge'),
  );
  const stored = await caseAttachments(deps.db, c.id);
  // Names are mapped over all of the case's files, as the preview shows them, so the two always agree.
  const plainNames = new Map(plainAttachmentNames(stored).map((entry) => [entry.id, entry.plain]));
  const files = stored.filter((record) => request.attachmentIds.includes(record.id));
  const evidence = files.map((record) => ({
    title: c.evidence.find((item) => item.contentHash === record.contentHash)?.title ?? record.fileName,
    contentHash: record.contentHash,
  }));
  const body = caseBundleBody(
    c,
    { kind: request.kind, fields: request.fields, evidence, message: request.message },
    origin,
  );
  if (!body.ok) return err('content-invalid', `The bundle cannot be made: ${body.reason}.`);
  const sequence = nextSequence(ledger, request.recipientKey);
  const facts = {
    kind: request.kind,
    recipientKey: request.recipientKey,
    sequence,
    fields: [...request.fields],
    files: files.length,
    message: request.message,
  };
  // Ask the workflow before writing anything: a refused step must not leave a bundle on the stick.
  const precheck = recordExport(c, deps.actor, deps.context, { ...facts, bundleId: '0'.repeat(32) });
  if (!precheck.ok)
    return err('workflow-refused', `The workflow does not allow this now: ${precheck.reasons.join('; ')}.`);
  const attachments: AttachmentInput[] = files.map((record) => ({
    // A stored name may hold what a bundle refuses (a backslash, from Linux): it travels under its plain name.
    name: plainNames.get(record.id) ?? record.fileName,
    mediaType: record.mediaType,
    size: record.size,
    bytes: streamChunks(attachmentStream(deps.db, record)),
  }));
  const createdAt = deps.now();
  const written = await writeBundleFile({
    kit: deps.kit,
    writer: deps.shell.exchange,
    folderToken: request.folderToken,
    expectedBytes: files.reduce((sum, record) => sum + record.size, 0) + 64 * 1024,
    fileName: (built) => bundleFileName(built.kind, built.bundleId),
    build: (sink) =>
      buildBundle(
        deps.kit,
        {
          ...body,
          sender: deps.own,
          recipients: [{ card: recipient.card, sequence }],
          attachments,
          createdAt,
          notAfter: createdAt + BUNDLE_VALIDITY_MS,
        },
        sink,
      ),
    onProgress,
    signal,
  });
  if (!written.ok) return written;
  const { built, fileHash, fileName } = written.value;
  const entry = sentLedgerEntry(written.value, {
    id: crypto.randomUUID(),
    kind: request.kind,
    peerKey: request.recipientKey,
    peerName: recipient.card.card.name,
    caseId: c.id,
    caseRef: c.references.local,
    sequence,
    recordedAt: deps.now(),
    status: 'awaiting-receipt',
    shared: { fields: [...request.fields], files: evidence.map((item) => item.title) },
  });
  // The bundle is on the stick: record it against the case as it is now (it may have changed meanwhile).
  const fresh = (await deps.repository.get(c.id)) ?? c;
  const update = recordExport(fresh, deps.actor, deps.context, { ...facts, bundleId: built.bundleId });
  const committed = update.ok
    ? await commitExchange(deps.db, {
        caseChange: { type: 'update', case: update.case, expectedHead: fresh.audit },
        events: update.events,
        ledgerPut: [entry],
      })
    : await commitExchange(deps.db, { ledgerPut: [entry] });
  const slip: TransmittalSlip = {
    bundleId: built.bundleId,
    kind: built.kind,
    senderName: deps.officeName,
    senderFingerprint: formatFingerprint(deps.own.fingerprint),
    recipientName: recipient.card.card.name,
    recipientFingerprint: formatFingerprint(fingerprintOf(deps.kit, recipient.card)),
    fileHash,
    fileName,
    size: built.size,
    createdAt,
    sequence,
  };
  if (!committed.ok)
    return err(
      'written-not-recorded',
      `The bundle was written to the drive, but recording it failed: ${committed.error.message}`,
    );
  return ok({ slip, caseRecorded: update.ok });
}
