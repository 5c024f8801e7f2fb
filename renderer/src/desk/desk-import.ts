import { verifyBundle, type OpenedBundle } from '@shared/bundle/verify-bundle';
import { bundleRefusalSchema, type BundleRefusal } from '@shared/bundle/bundle-refusal';
import { memorySink } from '@shared/bytes/byte-io';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { fingerprintOf, trustView, type TrustStore } from '@shared/offices/trust-store';
import { replayView, ledgerEntrySchema, type LedgerEntry } from '@shared/exchange/ledger-entry';
import { checkReportAgainstTrail, type Contradiction } from '@shared/oversight/check-report-against-trail';
import { combinePeriodCounts } from '@shared/oversight/combine-period-counts';
import { verifyOversightExport } from '@shared/oversight/oversight-audit-export';
import { err, ok, type Err, type Result } from '@shared/result';
import { openBundleFile } from '../bundle-io/ipc-byte-source';
import { vaultWrite } from '../vault/vault-write';
import type { ExchangeDeps } from '../exchange/exchange-deps';
import { loadLedger } from '../exchange/ledger-store';
import { recipientKeysFor } from '../exchange/recipient-keys';
import {
  deskRecommendationSchema,
  loadDeskRecommendations,
  loadDeskReports,
  type DeskPeriodReport,
  type DeskRecommendation,
} from '../oversight/desk-records';

/** What the desk stored from a bundle. */
/** What was stored, and the exchange-log entry it was recorded under (the desk's receipt names it). */
export type DeskImported = { readonly receivedEntryId: string } & (
  | { readonly kind: 'period-report'; readonly report: DeskPeriodReport }
  | { readonly kind: 'recommendation-response'; readonly recommendation: DeskRecommendation }
);

/** A refusal: a stable code (the screen words it), English for logs, and the verifier's refusal as data if any. */
export type DeskRefusal = Err & { readonly refusal?: BundleRefusal; readonly contradiction?: Contradiction };

export type DeskFile = { readonly fileToken: string; readonly name: string };

/**
 * Imports an office's bundle at the oversight body's desk: a `period-report` or a `recommendation-response`, nothing
 * else. The bundle is verified exactly as a case bundle is (signature, a trusted and verified sender, addressed to
 * this desk, times, replay ledger, every item hash); a period report's one attachment must be the same office's
 * signed audit export of the same period, whose trail must not contradict the report's counts; a response must
 * answer a recommendation this desk issued to that office. Everything is checked before anything is written; the
 * record and the ledger entry are then written in one transaction, so a refusal stores nothing.
 */
export async function importAtDesk(
  deps: ExchangeDeps,
  trust: TrustStore,
  file: DeskFile,
): Promise<Result<DeskImported> | DeskRefusal> {
  const ledger = await loadLedger(deps.db);
  const recipient = await recipientKeysFor(deps, file.fileToken);
  const opened = await openBundleFile(deps.shell.exchange, file.fileToken);
  if (!opened.ok) return opened;
  const size = opened.value.source.size;
  const sinks: ReturnType<typeof memorySink>[] = [];
  let verified;
  try {
    verified = await verifyBundle(deps.kit, {
      source: opened.value.source,
      trust: trustView(trust),
      recipient: recipient.keys,
      clock: deps.now,
      ledger: replayView(ledger),
      openAttachment: () => {
        const sink = memorySink();
        sinks.push(sink);
        let offset = 0;
        return {
          write: (bytes: Uint8Array) => {
            const at = offset;
            offset += bytes.length;
            return sink.writeAt(at, bytes);
          },
        };
      },
    });
  } finally {
    if (recipient.retired) deps.kit.wipe(recipient.keys.boxPrivateKeyPlaintext);
    await opened.value.close().catch(() => undefined);
  }
  if (!verified.ok) {
    const refusal = bundleRefusalSchema.safeParse(verified.error.refusal);
    return {
      ...err(verified.error.code, verified.error.message),
      refusal: refusal.success ? refusal.data : { code: verified.error.code, params: {} },
    };
  }
  const bundle = verified.value;
  if (!bundle.opened)
    return err('BUNDLE_NOT_FOR_US', 'This bundle is not addressed to this desk: it could not be opened with its key.');
  const office = bundle.senderOffice;
  if (office === undefined)
    return err('DESK_UNKNOWN_OFFICE', 'This bundle is not from an office whose key card this desk has verified.');
  const received = (kind: LedgerEntry['kind']): LedgerEntry => ({
    id: crypto.randomUUID(),
    direction: 'received',
    bundleId: bundle.header.bundleId,
    kind,
    peerKey: bundle.header.sender,
    peerName: office.card.card.name,
    caseId: null,
    caseRef: null,
    sequence: bundle.sequence ?? 0,
    headerDigest: bundle.headerDigest,
    fileHash: null,
    fileName: file.name,
    size,
    recordedAt: deps.now(),
    status: 'received',
    deliveredAt: null,
    shared: null,
  });
  const fingerprint = formatFingerprint(fingerprintOf(deps.kit, office.card));
  if (bundle.payload.kind === 'period-report') {
    const report = await checkedReport(deps, bundle, bundle.payload.body, sinks, fingerprint);
    if (!report.ok) return report;
    const entry = received('period-report');
    const stored = await store(deps, entry, report.value, () => overlapping(deps, report.value));
    return stored.ok ? ok({ kind: 'period-report', report: report.value, receivedEntryId: entry.id }) : stored;
  }
  if (bundle.payload.kind === 'recommendation-response') {
    const { inReplyTo, answer } = bundle.payload.body;
    const issued = (await loadDeskRecommendations(deps.db)).find((r) => r.bundleId === inReplyTo);
    if (issued === undefined)
      return err(
        'DESK_UNKNOWN_RECOMMENDATION',
        'This answer replies to a recommendation this desk has no record of. Nothing was stored; ask the office which recommendation it answers.',
      );
    if (issued.officeKey !== bundle.header.sender)
      return err(
        'DESK_RESPONSE_WRONG_OFFICE',
        `This answer comes from ${office.card.card.name}, but the recommendation it replies to was issued to ${issued.officeName}. Nothing was stored.`,
      );
    if (issued.answer !== null)
      return err('DESK_ALREADY_ANSWERED', 'This recommendation has already been answered. Nothing was stored.');
    const answered: DeskRecommendation = deskRecommendationSchema.parse({
      ...issued,
      answer: { text: answer, at: new Date(deps.now()).toISOString(), bundleId: bundle.header.bundleId },
    });
    const entry = received('recommendation-response');
    const stored = await store(deps, entry, answered, () => Promise.resolve(null));
    return stored.ok
      ? ok({ kind: 'recommendation-response', recommendation: answered, receivedEntryId: entry.id })
      : stored;
  }
  return err(
    'DESK_NOT_FOR_DESK',
    'This bundle is not one the oversight desk receives: it takes period reports and answers to recommendations only.',
  );
}

/** The period report, its export verified and its counts checked against the trail; not stored yet. */
async function checkedReport(
  deps: ExchangeDeps,
  bundle: OpenedBundle,
  body: Extract<OpenedBundle['payload'], { kind: 'period-report' }>['body'],
  sinks: readonly ReturnType<typeof memorySink>[],
  fingerprint: string,
): Promise<Result<DeskPeriodReport> | DeskRefusal> {
  const [only, ...more] = sinks;
  if (only === undefined || more.length > 0 || bundle.attachments[0]?.mediaType !== 'application/json')
    return err(
      'DESK_NO_EXPORT',
      'A period report must come with exactly one file: the office’s signed audit export of the same period. Ask the office to send the report again.',
    );
  const exportBytes = only.bytes();
  const exported = verifyOversightExport(deps.kit, exportBytes, [bundle.header.sender]);
  if (!exported.ok) {
    if (exported.error.code === 'OVERSIGHT_SIGNER_UNTRUSTED')
      return err(
        'DESK_EXPORT_OTHER_OFFICE',
        'The audit export with this report is not signed by the office that sent the report. Nothing was stored; ask the office for its own export.',
      );
    return exported;
  }
  const broken = exported.value.brokenChains.map((chain) => chain.caseId);
  // The office counted as it wrote the bundle: its emergency measures are lapsed or in force as of then.
  const countedAt = new Date(bundle.header.createdAt).toISOString();
  const checked = checkReportAgainstTrail({ ...body, countedAt }, exported.value.body, broken);
  if (!checked.ok) return checked;
  const report: DeskPeriodReport = {
    id: crypto.randomUUID(),
    type: 'desk-period-report',
    recordedAt: deps.now(),
    officeKey: bundle.header.sender,
    officeName: exported.value.body.office.name,
    jurisdiction: exported.value.body.office.jurisdiction,
    fingerprint,
    period: body.period,
    tables: body.tables,
    exportJson: new TextDecoder('utf-8', { fatal: true }).decode(exportBytes),
    receivedAt: new Date(deps.now()).toISOString(),
    bundleId: bundle.header.bundleId,
  };
  const overlap = await overlapping(deps, report);
  return overlap ?? ok(report);
}

/** The stored reports and this one must combine: the same office over overlapping periods would count twice. */
async function overlapping(deps: ExchangeDeps, report: DeskPeriodReport): Promise<Err | null> {
  const same = (await loadDeskReports(deps.db)).filter((r) => r.officeKey === report.officeKey);
  const combined = combinePeriodCounts([...same, report]);
  if (combined.ok) return null;
  return err(
    combined.error.code,
    combined.error.code === 'COMBINE_OVERLAP'
      ? `${report.officeName} already sent a report for a period overlapping ${report.period.from} to ${report.period.to}; its cases would be counted twice. Nothing was stored.`
      : `${combined.error.message} Nothing was stored.`,
  );
}

/**
 * Writes the record and the ledger entry in one transaction, after checking inside it that the bundle was not
 * recorded meanwhile and that `recheck` still passes (two imports at once).
 */
async function store(
  deps: ExchangeDeps,
  entry: LedgerEntry,
  record: DeskPeriodReport | DeskRecommendation,
  recheck: () => Promise<Err | null>,
): Promise<Result<null>> {
  const written = await vaultWrite(deps.db, [deps.db.oversight, deps.db.bundleLedger], async () => {
    const rows: unknown[] = await deps.db.bundleLedger.where('bundleId').equals(entry.bundleId).toArray();
    const seen = rows.some((row) => {
      const parsed = ledgerEntrySchema.safeParse(row);
      return parsed.success && parsed.data.direction === 'received' && parsed.data.peerKey === entry.peerKey;
    });
    if (seen) return err('BUNDLE_REPLAYED', 'This bundle was imported already. Nothing was stored again.');
    const refused = await recheck();
    if (refused) return refused;
    await deps.db.oversight.put({ ...record });
    await deps.db.bundleLedger.put({ ...entry });
    return ok(null);
  });
  return written.ok ? written.value : written;
}
