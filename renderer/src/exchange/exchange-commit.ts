import type { AuditEvent, AuditHead } from '@shared/audit/audit-event';
import type { Case } from '@shared/domain/case';
import {
  isEntryFor,
  ledgerEntrySchema,
  replayView,
  type LedgerBundleRef,
  type LedgerEntry,
} from '@shared/exchange/ledger-entry';
import { err, ok, type Result } from '@shared/result';
import { isStorableCase, NOT_STORABLE, parseStoredCase, toStoredEvent } from '../cases/stored-case';
import type { AttachmentRecord } from '../vault/attachments/attachment-record';
import type { VaultDb } from '../vault/vault-db';
import { vaultWrite } from '../vault/vault-write';

/** Everything one exchange step stores, written in ONE vault transaction: all of it lands or none does. */
export type ExchangeWrite = {
  readonly caseChange?:
    | { readonly type: 'create'; readonly case: Case }
    | { readonly type: 'update'; readonly case: Case; readonly expectedHead: AuditHead };
  readonly events?: readonly AuditEvent[];
  readonly attachments?: readonly AttachmentRecord[];
  readonly ledgerPut?: readonly LedgerEntry[];
  /** Records of the `oversight` table (an office's reports, recommendations and answers), already parsed by their store. */
  readonly oversightPut?: readonly OversightRow[];
  /**
   * For imports: refuse if this bundle was recorded meanwhile (two imports at once: a harmless no-op), and, given
   * its sender and our sequence number in it, if a bundle from that sender with the same or a higher number was
   * (two bundles prepared at once both passed the verifier's check against the ledger as it was then).
   */
  readonly once?: LedgerBundleRef & {
    readonly sequence?: { readonly sender: string; readonly number: number };
  };
};

/** A row of the `oversight` table as the exchange writes it: its own store's schema has checked the rest. */
export type OversightRow = { readonly id: string; readonly recordedAt: number; readonly type: string };

export type ExchangeWriteErrorCode =
  'already-recorded' | 'sequence-old' | 'case-conflict' | 'case-exists' | 'storage-full' | 'store-failed';

const headsEqual = (a: AuditHead, b: AuditHead) => a.count === b.count && a.headHash === b.headHash;

class WriteRefused extends Error {
  constructor(
    readonly code: ExchangeWriteErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Whether the ledger holds an entry for this bundle (rows have random ids: found through the bundleId blind index). */
async function isRecorded(db: VaultDb, ref: LedgerBundleRef): Promise<boolean> {
  const rows: unknown[] = await db.bundleLedger.where('bundleId').equals(ref.bundleId).toArray();
  return rows.some((row) => {
    const parsed = ledgerEntrySchema.safeParse(row);
    return parsed.success && isEntryFor(parsed.data, ref);
  });
}

export async function commitExchange(db: VaultDb, write: ExchangeWrite): Promise<Result<void, ExchangeWriteErrorCode>> {
  // A case the vault would refuse to read back (a partner's person id) is never written.
  if (write.caseChange && !isStorableCase(write.caseChange.case)) return err('store-failed', NOT_STORABLE);
  let refused: WriteRefused | null = null;
  const written = await vaultWrite(
    db,
    [db.cases, db.events, db.attachments, db.bundleLedger, db.oversight],
    async () => {
      try {
        if (write.once && (await isRecorded(db, write.once))) {
          throw new WriteRefused(
            'already-recorded',
            'This bundle was already imported; nothing was changed. You can safely remove it.',
          );
        }
        if (write.once?.sequence) await checkSequence(db, write.once.sequence);
        const change = write.caseChange;
        if (change?.type === 'create') {
          if ((await db.cases.get(change.case.id)) !== undefined)
            throw new WriteRefused('case-exists', 'A case with this id already exists; import again.');
          await db.cases.add(change.case);
        } else if (change?.type === 'update') {
          const current = parseStoredCase(await db.cases.get(change.case.id));
          if (!current || !headsEqual(current.audit, change.expectedHead)) {
            throw new WriteRefused(
              'case-conflict',
              'The case changed while the bundle was being processed. Nothing was stored; import the bundle again.',
            );
          }
          await db.cases.put(change.case);
        }
        if (write.events && write.events.length > 0) await db.events.bulkAdd(write.events.map(toStoredEvent));
        if (write.attachments && write.attachments.length > 0) await db.attachments.bulkAdd([...write.attachments]);
        for (const entry of write.ledgerPut ?? []) await db.bundleLedger.put({ ...entry });
        for (const row of write.oversightPut ?? []) await db.oversight.put({ ...row });
      } catch (caught) {
        if (caught instanceof WriteRefused) refused = caught;
        // Rethrow so the transaction aborts: nothing of this write is kept.
        throw caught;
      }
    },
  );
  if (refused !== null) {
    const { code, message } = refused;
    return err(code, message);
  }
  if (written.ok) return ok(undefined);
  // A full disk keeps its own code, so the caller can say how much space the import needs.
  return err(written.error.code === 'storage-full' ? 'storage-full' : 'store-failed', written.error.message);
}

/** The verifier's order check again, inside the transaction, against the ledger as it is now. */
async function checkSequence(db: VaultDb, sequence: { sender: string; number: number }): Promise<void> {
  const rows: unknown[] = await db.bundleLedger.toArray();
  const entries = rows.flatMap((row) => {
    const parsed = ledgerEntrySchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
  const last = replayView(entries).lastSequence(sequence.sender);
  if (last !== undefined && sequence.number <= last) {
    throw new WriteRefused(
      'sequence-old',
      `This bundle (number ${sequence.number}) is not newer than one imported from the same office while it was being checked (number ${last}). Nothing was stored: it may be a stale or replayed copy, so ask the sender whether it is still current.`,
    );
  }
}
