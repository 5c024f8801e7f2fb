import { verifyAuditChain, type ChainVerification } from '@shared/audit/audit-chain';
import type { AuditEvent, AuditHead } from '@shared/audit/audit-event';
import type { Actor } from '@shared/domain/actor';
import type { Case } from '@shared/domain/case';
import { err, ok, type Result } from '@shared/result';
import { applyAction, type CaseStore, type CaseStoreErrorCode } from '@shared/workflow/case-store';
import { summariseCase, type CaseSummary } from '@shared/workflow/case-summary';
import { openCase, type OpenCaseInput } from '@shared/workflow/open-case';
import { transition } from '@shared/workflow/transition';
import type { DraftChanges, WorkflowAction } from '@shared/workflow/workflow-action';
import { workflowMessage, type WorkflowMessage } from '@shared/workflow/workflow-message';
import type { Refusal, WorkflowContext } from '@shared/workflow/workflow-types';
import type { VaultDb } from '../vault/vault-db';
import { vaultWrite } from '../vault/vault-write';
import { personKeysForVerification, readPersonKeyRecords } from '../vault/person-keys-store';
import { readPersonRecords } from '../vault/persons-store';
import {
  isStorableCase,
  NOT_STORABLE,
  parseStoredCase,
  parseStoredEvent,
  toStoredEvent,
  untrustedEventOf,
} from './stored-case';
import { officeCode } from './office-code';

export { officeCode, REFERENCE_CODE_PATTERN } from './office-code';

/**
 * What a change to a case comes back as: the stored case, or every reason it was not made (the workflow's
 * messages, translated by code in the UI, or a storage error's text).
 */
export type CaseChange =
  | { readonly ok: true; readonly case: Case }
  | { readonly ok: false; readonly code: string; readonly messages: readonly (WorkflowMessage | string)[] };

const refused = (refusal: Refusal): CaseChange & { ok: false } => ({
  ok: false,
  code: refusal.code,
  messages: refusal.missing,
});

export type NewCaseInput = Omit<OpenCaseInput, 'id'> & { readonly changes: DraftChanges };

const headsEqual = (a: AuditHead, b: AuditHead) => a.count === b.count && a.headHash === b.headHash;

/**
 * The workflow's CaseStore over the encrypted vault. A case and its audit event are written in ONE IndexedDB
 * transaction (vaultWrite): both land or neither does. `commit` re-reads the stored head inside that transaction,
 * so two windows cannot both append event n (optimistic concurrency).
 */
export class CaseRepository implements CaseStore {
  constructor(
    readonly db: VaultDb,
    readonly context: WorkflowContext,
  ) {}

  async load(caseId: string): Promise<Result<Case, CaseStoreErrorCode>> {
    const untrusted: unknown = await this.db.cases.get(caseId);
    if (untrusted === undefined)
      return err('case-not-found', 'This case is not in the vault (or its record could not be opened).');
    const c = parseStoredCase(untrusted);
    return c ? ok(c) : err('case-corrupt', 'The stored case failed its schema check. Restore it from a backup.');
  }

  async create(created: Case, genesis: AuditEvent): Promise<Result<void, CaseStoreErrorCode>> {
    if (!isStorableCase(created)) return err('write-refused', NOT_STORABLE);
    return this.#write(async () => {
      if ((await this.db.cases.get(created.id)) !== undefined)
        return err('case-exists', `A case with id ${created.id} already exists.`);
      await this.db.cases.add(created);
      await this.db.events.add(toStoredEvent(genesis));
      return ok(undefined);
    });
  }

  async commit(next: Case, event: AuditEvent, expectedHead: AuditHead): Promise<Result<void, CaseStoreErrorCode>> {
    if (!isStorableCase(next)) return err('write-refused', NOT_STORABLE);
    return this.#write(async () => {
      const current = parseStoredCase(await this.db.cases.get(next.id));
      if (current === null)
        return err('case-not-found', 'This case is not in the vault (or its record could not be opened).');
      if (!headsEqual(current.audit, expectedHead) || event.prevHash !== current.audit.headHash) {
        return err(
          'case-conflict',
          'The case changed in another window since it was opened. Look at it again, then retry.',
        );
      }
      await this.db.cases.put(next);
      await this.db.events.add(toStoredEvent(event));
      return ok(undefined);
    });
  }

  async auditTrail(caseId: string): Promise<Result<AuditEvent[], CaseStoreErrorCode>> {
    const verdict = await this.verify(caseId);
    if (!verdict.ok) return err('case-corrupt', verdict.message);
    return ok(await this.events(caseId));
  }

  async listSummaries(): Promise<Result<CaseSummary[], CaseStoreErrorCode>> {
    return ok((await this.all()).map(summariseCase));
  }

  /** Runs `work` in one transaction over cases and events; a storage failure keeps the vault's code and message. */
  async #write(work: () => Promise<Result<void, CaseStoreErrorCode>>): Promise<Result<void, CaseStoreErrorCode>> {
    const written = await vaultWrite(this.db, [this.db.cases, this.db.events], work);
    return written.ok ? written.value : err(written.error.code, written.error.message);
  }

  /**
   * Opens a draft and records the form's first content: two audit events, one transaction. The reference must be
   * unique in the office (checked inside the transaction).
   */
  async createCase(input: NewCaseInput, actor: Actor): Promise<CaseChange> {
    const id = crypto.randomUUID();
    const opened = openCase({ ...input, id }, actor, this.context);
    if (!opened.ok) return refused(opened.refusal);
    const events: AuditEvent[] = [opened.event];
    let current = opened.case;
    if (Object.keys(input.changes).length > 0) {
      const filled = transition(current, actor, { type: 'update-draft', changes: input.changes }, this.context);
      if (!filled.ok) return refused(filled.refusal);
      events.push(filled.event);
      current = filled.case;
    }
    const reference = input.reference.trim();
    if (!isStorableCase(current))
      return {
        ok: false,
        code: 'write-refused',
        messages: [workflowMessage('case-not-stored', { failure: 'write-refused' })],
      };
    const written = await vaultWrite(this.db, [this.db.cases, this.db.events], async () => {
      if (await this.#referenceTaken(reference)) return false;
      await this.db.cases.add(current);
      await this.db.events.bulkAdd(events.map(toStoredEvent));
      return true;
    });
    if (!written.ok)
      return {
        ok: false,
        code: written.error.code,
        messages: [workflowMessage('case-not-stored', { failure: written.error.code })],
      };
    if (!written.value)
      return { ok: false, code: 'invalid-input', messages: [workflowMessage('reference-taken', { reference })] };
    return { ok: true, case: current };
  }

  /** Applies one workflow action through the port (load → transition → commit). A refusal writes nothing. */
  async apply(caseId: string, action: WorkflowAction, actor: Actor): Promise<CaseChange> {
    const result = await applyAction(this, caseId, actor, action, this.context);
    if (result.ok) return { ok: true, case: result.case };
    if ('refusal' in result) return refused(result.refusal);
    return {
      ok: false,
      code: result.error.code,
      messages: [workflowMessage('case-not-stored', { failure: result.error.code })],
    };
  }

  async get(caseId: string): Promise<Case | null> {
    const loaded = await this.load(caseId);
    return loaded.ok ? loaded.value : null;
  }

  /** Every case that opens and parses; damaged rows are reported by the vault and left out. */
  async all(): Promise<Case[]> {
    const rows: unknown[] = await this.db.cases.toArray();
    return rows.map(parseStoredCase).filter((c): c is Case => c !== null);
  }

  async #eventRows(caseId: string): Promise<unknown[]> {
    return this.db.events
      .where('[caseId+seq]')
      .between([caseId, 0], [caseId, Number.MAX_SAFE_INTEGER], true, true)
      .toArray();
  }

  async events(caseId: string): Promise<AuditEvent[]> {
    return (await this.#eventRows(caseId)).map(parseStoredEvent).filter((e): e is AuditEvent => e !== null);
  }

  /**
   * Walks the stored trail against the head the case record holds, and checks each event's signature against the
   * signing keys on record: a pass naming who signed each event, or the first broken or forged event.
   */
  async verify(caseId: string): Promise<ChainVerification> {
    const c = await this.get(caseId);
    const events = (await this.#eventRows(caseId)).map(untrustedEventOf);
    const [keyRecords, people] = await Promise.all([readPersonKeyRecords(this.db), readPersonRecords(this.db)]);
    const { keys, since } = personKeysForVerification(keyRecords, people);
    return verifyAuditChain(
      events,
      this.context.hash,
      { caseId, ...(c ? { head: c.audit } : {}) },
      { kit: this.db.keyring.kit, keys, since },
    );
  }

  // References are sealed inside the case record (the row is the case itself), so uniqueness is checked by scanning.
  async #referenceTaken(reference: string): Promise<boolean> {
    const wanted = reference.toLowerCase();
    return (await this.all()).some((c) => c.references.local.toLowerCase() === wanted);
  }

  /** The next free reference for this office: JURISDICTION-CODE-YEAR-NNNN (`referenceCodeOf` gives the code). */
  async nextReference(jurisdiction: string, code: string, year: number): Promise<string> {
    const prefix = `${jurisdiction}-${code}-${year}-`;
    const used = new Set((await this.all()).map((c) => c.references.local));
    let n = used.size + 1;
    while (used.has(`${prefix}${String(n).padStart(4, '0')}`)) n++;
    return `${prefix}${String(n).padStart(4, '0')}`;
  }
}

/** The office's code in references: the one chosen at setup, or the initials of its name for older profiles. */
export const referenceCodeOf = (profile: { readonly officeName: string; readonly referenceCode?: string } | null) =>
  profile?.referenceCode ?? officeCode(profile?.officeName ?? '');
