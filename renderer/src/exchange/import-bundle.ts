import { verifyBundle } from '@shared/bundle/verify-bundle';
import { bundleRefusalSchema, type BundleRefusal } from '@shared/bundle/bundle-refusal';
import type { WorkflowMessage } from '@shared/workflow/workflow-message';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { applyRevocation, fingerprintOf, trustView, type TrustStore } from '@shared/offices/trust-store';
import type { SignedRevocation } from '@shared/offices/revocation';
import { replayView, type LedgerEntry } from '@shared/exchange/ledger-entry';
import { isReceiptRefusalCode, type RefusableBundle } from '@shared/exchange/refusal-receipt';
import { planImport, type ImportPlan, type PreviewLine, type VerifiedImport } from '@shared/exchange/import-plan';
import { err, ok, type Result } from '@shared/result';
import type { Case } from '@shared/domain/case';
import type { AttachmentRecord } from '../vault/attachments/attachment-record';
import { measureSpace, storageFullText, type SpaceCheck } from '../vault/storage-space';
import { isStorageFull } from '../vault/vault-write';
import { saveTrustChanges } from '../offices/partner-offices';
import { discardStaged, stageAttachment, type StagedAttachment } from './attachment-staging';
import { commitExchange } from './exchange-commit';
import type { ExchangeDeps } from './exchange-deps';
import { openBundleFile } from '../bundle-io/ipc-byte-source';
import { loadLedger } from './ledger-store';
import { classifyBundleFile } from './inbox-scan';
import { recipientKeysFor } from './recipient-keys';
import type { PayloadBody } from '@shared/bundle/bundle-payloads';
import { loadOfficeOversight, verifiedOversightBody } from '../oversight/office-oversight-store';

export type ReadyImport = {
  readonly status: 'ready';
  readonly verified: VerifiedImport;
  readonly plan: Extract<ImportPlan, { ok: true }>;
  readonly staged: readonly AttachmentRecord[];
  readonly senderFingerprint: string;
  readonly fileName: string;
  readonly size: number;
};
export type RevocationImport = {
  readonly status: 'revocation';
  readonly revocation: SignedRevocation;
  readonly officeName: string;
  readonly senderFingerprint: string;
};
/** A corrective recommendation from the office's own oversight body, verified and ready to store (nothing staged). */
export type RecommendationImport = {
  readonly status: 'recommendation';
  readonly bundleId: string;
  readonly headerDigest: string;
  readonly sequence: number;
  readonly senderKey: string;
  readonly senderName: string;
  readonly senderFingerprint: string;
  readonly body: PayloadBody<'recommendation'>;
  readonly fileName: string;
  readonly size: number;
};
export type PreparedImport =
  | ReadyImport
  | RevocationImport
  | RecommendationImport
  | {
      readonly status: 'already';
      /** English, for logs and support; the screen words `refusal` or `answered` instead. */
      readonly message: string;
      /** Set when the bundle was verified earlier and refused with a receipt (not imported). */
      readonly refusedEarlier?: true;
      /** Set for a receipt whose bundle already has its answer (delivered or refused). */
      readonly answered?: true;
      /** The verifier's "already imported", as data. */
      readonly refusal?: BundleRefusal;
    }
  | {
      readonly status: 'refused';
      readonly code: string;
      /** English, for logs and support; the screen words `refusal` (or the code) from its catalogs instead. */
      readonly message: string;
      /** A verifier's refusal as data (rule, params), parsed, so the screen can word it in the reader's language. */
      readonly refusal?: BundleRefusal;
      /**
       * Set only when the bundle verified completely but the plan refused it: then, and only then, its sender can
       * be answered with a signed refusal receipt. A bundle that failed verification has no one we could trust to answer.
       */
      readonly refusable?: RefusableBundle;
      /** A failure of this computer rather than of the bundle, worded by the screen (`exchange.import.<failure>`). */
      readonly failure?: 'stagingFailed' | 'rereadFailed';
      /** When the workflow refused to apply a verified bundle: its own refusals, as data, for the screen to word. */
      readonly messages?: readonly WorkflowMessage[];
      /** The office that signed a refused bundle, where the screen's words name it. */
      readonly senderName?: string;
    };

/**
 * How long after its expiry a bundle may still be imported with a recorded reason (docs/exchange.md, Import 6):
 * long enough for a delayed courier, short enough that a withheld old bundle cannot be slipped in much later.
 */
export const EXPIRY_OVERRIDE_MAX_MS = 30 * 86_400_000;

/**
 * Verifies a bundle completely (signature, trusted and verified sender, addressed to us, times, replay and
 * sequence, every chunk, every hash) and plans what it would change. Nothing is stored: attachment bytes
 * are staged as invisible vault chunks and dropped again unless the user applies the import.
 */
export async function prepareImport(
  deps: ExchangeDeps,
  trust: TrustStore,
  file: { fileToken: string; name: string },
  expiryOverride?: { reason: string },
): Promise<PreparedImport> {
  const ledger = await loadLedger(deps.db);
  const recipient = await recipientKeysFor(deps, file.fileToken);
  const opened = await openBundleFile(deps.shell.exchange, file.fileToken);
  if (!opened.ok) return { status: 'refused', code: opened.error.code, message: opened.error.message };
  const bundleBytes = opened.value.source.size;
  // Estimate first: a bundle that cannot fit is refused before anything is staged.
  const space = await measureSpace(bundleBytes);
  if (!space.enough) {
    await opened.value.close().catch(() => undefined);
    return noRoom(space);
  }
  const newCaseId = crypto.randomUUID();
  const staging: { id: string; staged: StagedAttachment }[] = [];
  const finishOpen = () => staging.at(-1)?.staged.finish();
  let verified;
  try {
    verified = await verifyBundle(deps.kit, {
      source: opened.value.source,
      trust: trustView(trust),
      recipient: recipient.keys,
      clock: deps.now,
      ledger: replayView(ledger),
      // The verifier applies it to the expiry of the header it verified, and to nothing else.
      ...(expiryOverride ? { expiryOverride: { maxPastExpiryMs: EXPIRY_OVERRIDE_MAX_MS } } : {}),
      openAttachment: (_index, descriptor) => {
        finishOpen();
        const id = crypto.randomUUID();
        const staged = stageAttachment(deps.db, {
          id,
          caseId: newCaseId,
          fileName: descriptor.name,
          mediaType: descriptor.mediaType,
          now: new Date(deps.now()),
        });
        staging.push({ id, staged });
        return staged.sink;
      },
    });
  } finally {
    if (recipient.retired) deps.kit.wipe(recipient.keys.boxPrivateKeyPlaintext);
    await opened.value.close().catch(() => undefined);
  }
  const drop = async () => {
    staging.at(-1)?.staged.fail(new Error('verification failed'));
    const results = await Promise.all(staging.map((item) => item.staged.stored));
    await discardStaged(
      deps.db,
      staging.map((item) => item.id),
    );
    return results;
  };
  if (!verified.ok) {
    // A staged file that hit a full disk stops the verifier too: say so, rather than what the verifier saw.
    if ((await drop()).some((result) => !result.ok && isStorageFull(result.error)))
      return noRoom(await measureSpace(bundleBytes));
    const refusal = bundleRefusalSchema.safeParse(verified.error.refusal);
    if (verified.error.code === 'BUNDLE_REPLAYED')
      return replayedOrAltered(deps, trust, ledger, file, {
        message: verified.error.message,
        ...(refusal.success ? { refusal: refusal.data } : {}),
      });
    return {
      status: 'refused',
      code: verified.error.code,
      message: verified.error.message,
      refusal: refusal.success ? refusal.data : { code: verified.error.code, params: {} },
    };
  }
  const bundle = verified.value;
  if (!bundle.opened) {
    await drop();
    return {
      status: 'refused',
      code: 'BUNDLE_NOT_FOR_US',
      message: 'This bundle could not be opened with your office key.',
      refusal: { code: 'BUNDLE_NOT_FOR_US', rule: '9.1', situation: 'noOfficeKey', params: {} },
    };
  }
  finishOpen();
  const stored = await Promise.all(staging.map((item) => item.staged.stored));
  const staged: AttachmentRecord[] = [];
  for (const result of stored) {
    if (!result.ok) {
      await discardStaged(
        deps.db,
        staging.map((item) => item.id),
      );
      if (isStorageFull(result.error)) return noRoom(await measureSpace(bundleBytes));
      return { status: 'refused', code: result.error.code, message: result.error.message, failure: 'stagingFailed' };
    }
    staged.push(result.value);
  }
  const office = bundle.senderOffice;
  const senderFingerprint = office ? formatFingerprint(fingerprintOf(deps.kit, office.card)) : '';
  const payload = bundle.payload;
  if (payload.kind === 'key-card' || payload.kind === 'revocation') {
    await discardStaged(
      deps.db,
      staging.map((item) => item.id),
    );
    if (payload.kind === 'key-card')
      return {
        status: 'refused',
        code: 'IMPORT_KEY_CARD',
        message:
          'This file is a key card, not a case bundle. Import it in Settings → Partner offices, then compare its fingerprint.',
      };
    return {
      status: 'revocation',
      revocation: payload.body.revocation,
      officeName: office?.card.card.name ?? '',
      senderFingerprint,
    };
  }
  if (
    payload.kind === 'period-report' ||
    payload.kind === 'recommendation' ||
    payload.kind === 'recommendation-response'
  ) {
    await discardStaged(
      deps.db,
      staging.map((item) => item.id),
    );
    if (payload.kind === 'recommendation') {
      // Verified, trusted and addressed to us; it is ALSO to come from the partner we chose as our oversight body.
      const ours = verifiedOversightBody(await loadOfficeOversight(deps.db), trust);
      if (ours?.record.signingKey !== bundle.header.sender)
        return {
          status: 'refused',
          code: 'IMPORT_NOT_OUR_OVERSIGHT_BODY',
          message: `This recommendation comes from ${office?.card.card.name ?? 'an office'}, which is not this office's oversight body. Nothing was stored. If it is, an administrator chooses it in Settings → Partner offices; then import the file again.`,
          senderName: office?.card.card.name ?? '',
        };
      return {
        status: 'recommendation',
        bundleId: bundle.header.bundleId,
        headerDigest: bundle.headerDigest,
        sequence: bundle.sequence ?? 0,
        senderKey: bundle.header.sender,
        senderName: office?.card.card.name ?? '',
        senderFingerprint,
        body: payload.body,
        fileName: file.name,
        size: opened.value.source.size,
      };
    }
    return {
      status: 'refused',
      code: 'IMPORT_OVERSIGHT_BUNDLE',
      message:
        'This bundle is between an office and its oversight body, not about a case. Open it on the Oversight page.',
    };
  }
  const cases = new Map((await deps.repository.all()).map((c): [string, Case] => [c.id, c]));
  const year = new Date(deps.now()).getUTCFullYear();
  const verifiedImport: VerifiedImport = {
    bundleId: bundle.header.bundleId,
    headerDigest: bundle.headerDigest,
    sequence: bundle.sequence ?? 0,
    senderKey: bundle.header.sender,
    senderName: office?.card.card.name ?? '',
    senderJurisdiction: office?.card.card.jurisdiction ?? '',
    createdAt: bundle.header.createdAt,
    attachments: bundle.attachments,
    payload,
  };
  const plan = planImport(verifiedImport, {
    actor: deps.actor,
    context: deps.context,
    ledger,
    findCase: (id) => cases.get(id),
    ownJurisdiction: deps.officeJurisdiction,
    newCaseId,
    newReference: await deps.repository.nextReference(deps.officeJurisdiction, deps.officeReferenceCode, year),
    ...(expiryOverride ? { expiryOverride } : {}),
  });
  if (!plan.ok) {
    await discardStaged(
      deps.db,
      staging.map((item) => item.id),
    );
    if (plan.code === 'IMPORT_ALREADY_DELIVERED')
      return { status: 'already', message: plan.reasons.join('; '), answered: true };
    const code = plan.code;
    return {
      status: 'refused',
      code,
      message: `This bundle was verified but cannot be applied: ${plan.reasons.join('; ')}.`,
      messages: plan.messages,
      ...(isReceiptRefusalCode(code) && payload.kind !== 'receipt'
        ? {
            refusable: {
              bundleId: verifiedImport.bundleId,
              kind: payload.kind,
              headerDigest: verifiedImport.headerDigest,
              sequence: verifiedImport.sequence,
              senderKey: verifiedImport.senderKey,
              senderName: verifiedImport.senderName,
              fileName: file.name,
              size: opened.value.source.size,
              code,
            },
          }
        : {}),
    };
  }
  const preview = expiryOverride
    ? { ...plan, preview: [{ key: 'expiredOverride', values: { reason: expiryOverride.reason } }, ...plan.preview] }
    : plan;
  return {
    status: 'ready',
    verified: verifiedImport,
    plan: preview,
    staged,
    senderFingerprint,
    fileName: file.name,
    size: opened.value.source.size,
  };
}

/**
 * Not enough room for the bundle: the file's size stands for its attachments' total (their ciphertext is a little
 * larger than what the vault stores), with the margin of `spaceNeededFor`.
 */
function noRoom(space: SpaceCheck): PreparedImport {
  return { status: 'refused', code: 'storage-full', message: storageFullText(space) };
}

/**
 * The verifier stops at "already imported" before it reads the content, so a changed copy of an imported bundle
 * would be called harmless. The inbox check (every signed hash, the recorded header digest) tells them apart.
 */
async function replayedOrAltered(
  deps: ExchangeDeps,
  trust: TrustStore,
  ledger: readonly LedgerEntry[],
  file: { fileToken: string; name: string },
  replayed: { readonly message: string; readonly refusal?: BundleRefusal },
): Promise<PreparedImport> {
  const entry = await classifyBundleFile(deps, trust, ledger, { ...file, bytes: 0, modifiedAt: '' });
  if (entry.state === 'unreadable')
    return {
      status: 'refused',
      code: entry.code,
      message: 'The file could not be read again to compare it with the imported bundle. Check the medium and retry.',
      failure: 'rereadFailed',
    };
  if (entry.state === 'refused')
    return {
      status: 'already',
      message: 'this bundle was refused earlier and a refusal receipt was written; nothing was changed',
      refusedEarlier: true,
    };
  if (entry.state !== 'altered-copy') return { status: 'already', ...replayed };
  return {
    status: 'refused',
    code: 'IMPORT_ALTERED_COPY',
    message:
      'This file carries the id of a bundle already imported, but its bytes differ from what was imported. Do not use it: keep it aside and tell the sender.',
  };
}

/** Drops what a prepared import staged (the user cancelled the preview). */
export async function discardImport(deps: ExchangeDeps, prepared: PreparedImport): Promise<void> {
  if (prepared.status === 'ready')
    await discardStaged(
      deps.db,
      prepared.staged.map((record) => record.id),
    );
}

export type AppliedImport = { readonly caseId: string | null; readonly ledgerId: string };

/** Stores a prepared import in ONE transaction: the case (new or updated), its events, its files and the ledger. */
export async function applyImport(deps: ExchangeDeps, prepared: ReadyImport): Promise<Result<AppliedImport, string>> {
  const { plan, verified } = prepared;
  const ledgerId = crypto.randomUUID();
  const now = deps.now();
  const caseId = plan.type === 'receipt' ? (plan.sent.caseId ?? null) : plan.case.id;
  const payload = verified.payload;
  const received: LedgerEntry = {
    id: ledgerId,
    direction: 'received',
    bundleId: verified.bundleId,
    kind: payload.kind,
    peerKey: verified.senderKey,
    peerName: verified.senderName,
    caseId,
    caseRef: payload.kind === 'receipt' ? null : payload.body.caseRef,
    sequence: verified.sequence,
    headerDigest: verified.headerDigest,
    fileHash: null,
    fileName: prepared.fileName,
    size: prepared.size,
    recordedAt: now,
    status: payload.kind === 'receipt' ? 'receipt-sent' : 'received',
    deliveredAt: null,
    shared: null,
  };
  const linked = plan.type === 'receipt' ? [] : plan.evidence.map((link) => link.attachmentIndex);
  const attachments = prepared.staged
    .filter((_, index) => linked.includes(index))
    .map((record) => ({ ...record, caseId: caseId ?? record.caseId }));
  const caseChange =
    plan.type === 'create'
      ? { type: 'create' as const, case: plan.case }
      : plan.type === 'update'
        ? { type: 'update' as const, case: plan.case, expectedHead: plan.expectedHead }
        : plan.case && plan.expectedHead
          ? { type: 'update' as const, case: plan.case, expectedHead: plan.expectedHead }
          : undefined;
  // A receipt's plan carries the sent entry as it is to be stored: delivered, or refused with the partner's code.
  const ledgerPut = plan.type === 'receipt' ? [received, plan.sent] : [received];
  const committed = await commitExchange(deps.db, {
    caseChange,
    events: plan.events,
    attachments,
    ledgerPut,
    // The verifier checked the order against the ledger as it was; the commit checks it as it is (0 = no number).
    once: {
      direction: 'received',
      peerKey: verified.senderKey,
      bundleId: verified.bundleId,
      ...(verified.sequence > 0 ? { sequence: { sender: verified.senderKey, number: verified.sequence } } : {}),
    },
  });
  if (!committed.ok) {
    await discardStaged(
      deps.db,
      prepared.staged.map((record) => record.id),
    );
    // The staged chunks are gone again, so trying again needs room for the whole bundle.
    if (isStorageFull(committed.error)) return err('storage-full', storageFullText(await measureSpace(prepared.size)));
    return err(committed.error.code, committed.error.message);
  }
  const unused = prepared.staged.filter((_, index) => !linked.includes(index)).map((record) => record.id);
  await discardStaged(deps.db, unused);
  return ok({ caseId, ledgerId });
}

/** A partner's signed revocation of its own key: the office is marked revoked (nothing else changes). */
export async function applyRevocationImport(
  deps: ExchangeDeps,
  trust: TrustStore,
  prepared: RevocationImport,
): Promise<Result<TrustStore, string>> {
  const applied = applyRevocation(deps.kit, trust, prepared.revocation, deps.now());
  if (!applied.ok) return err(applied.error.code, applied.error.message);
  const saved = await saveTrustChanges(deps.db, deps.kit, trust, applied.value.store);
  return saved.ok ? ok(applied.value.store) : err(saved.error.code, saved.error.message);
}

export type { PreviewLine };
