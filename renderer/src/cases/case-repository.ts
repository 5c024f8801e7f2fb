import { verifyAuditChain, type ChainVerification } from '@shared/audit/audit-chain';
import type { AuditEvent } from '@shared/audit/audit-event';
import type { Actor } from '@shared/domain/actor';
import type { Case } from '@shared/domain/case';
import { openCase, type OpenCaseInput } from '@shared/workflow/open-case';
import { transition } from '@shared/workflow/transition';
import type { DraftChanges, WorkflowAction } from '@shared/workflow/workflow-action';
import type { Refusal, WorkflowContext } from '@shared/workflow/workflow-types';
import type { VaultDb } from '../vault/vault-db';
import { vaultWrite } from '../vault/vault-write';
import { parseStoredCase, parseStoredEvent, toStoredCase, toStoredEvent } from './stored-case';

/** What a change to a case comes back as: the stored case, or every reason it was not made. */
export type CaseChange =
  | { readonly ok: true; readonly case: Case }
  | { readonly ok: false; readonly code: string; readonly messages: readonly string[] };

const refused = (refusal: Refusal): CaseChange & { ok: false } => ({ ok: false, code: refusal.code, messages: refusal.missing });

export type NewCaseInput = Omit<OpenCaseInput, 'id'> & { readonly changes: DraftChanges };

/**
 * Cases over the vault store. Every change runs the shared workflow's `transition` and writes the new case and its
 * audit event in ONE IndexedDB transaction (through vaultWrite), reading the case inside it so two windows
 * cannot interleave. Transition and hashing are synchronous, so the transaction never awaits anything else.
 */
export class CaseRepository {
  constructor(
    readonly db: VaultDb,
    readonly context: WorkflowContext,
  ) {}

  /** Opens a draft and records the form's first content, as two audit events in one transaction. */
  async create(input: NewCaseInput, actor: Actor): Promise<CaseChange> {
    const id = crypto.randomUUID();
    const written = await vaultWrite(this.db, [this.db.cases, this.db.events], async () => {
      if ((await this.db.cases.where('reference').equals(input.reference).count()) > 0) {
        return refused({ code: 'invalid-input', missing: [`reference ${input.reference} is already used by another case; choose another`] });
      }
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
      await this.db.cases.add(toStoredCase(current));
      await this.db.events.bulkAdd(events.map(toStoredEvent));
      return { ok: true, case: current } satisfies CaseChange;
    });
    return this.#outcome(written);
  }

  /** Applies one workflow action. A refusal writes nothing and comes back as the list of what is missing. */
  async apply(caseId: string, action: WorkflowAction, actor: Actor): Promise<CaseChange> {
    const written = await vaultWrite(this.db, [this.db.cases, this.db.events], async () => {
      const current = parseStoredCase(await this.db.cases.get(caseId));
      // Refusals are decided before anything is written, so returning one leaves the transaction empty.
      if (current === null) return refused({ code: 'invalid-input', missing: ['this case is not in the vault (or could not be opened)'] });
      const result = transition(current, actor, action, this.context);
      if (!result.ok) return refused(result.refusal);
      await this.db.cases.put(toStoredCase(result.case));
      await this.db.events.add(toStoredEvent(result.event));
      return { ok: true, case: result.case } satisfies CaseChange;
    });
    return this.#outcome(written);
  }

  #outcome(written: Awaited<ReturnType<typeof vaultWrite<CaseChange>>>): CaseChange {
    if (written.ok) return written.value;
    return { ok: false, code: written.error.code, messages: [written.error.message] };
  }

  async get(caseId: string): Promise<Case | null> {
    return parseStoredCase(await this.db.cases.get(caseId));
  }

  /** Every case that opens and parses; damaged rows are reported by the vault and left out. */
  async all(): Promise<Case[]> {
    const rows: unknown[] = await this.db.cases.toArray();
    return rows.map(parseStoredCase).filter((c): c is Case => c !== null);
  }

  async eventsRaw(caseId: string): Promise<unknown[]> {
    const rows: unknown[] = await this.db.events.where('[caseId+seq]').between([caseId, 0], [caseId, Number.MAX_SAFE_INTEGER], true, true).toArray();
    return rows.map((row) => (typeof row === 'object' && row !== null ? Reflect.get(row, 'event') : undefined));
  }

  async events(caseId: string): Promise<AuditEvent[]> {
    const rows: unknown[] = await this.db.events.where('[caseId+seq]').between([caseId, 0], [caseId, Number.MAX_SAFE_INTEGER], true, true).toArray();
    return rows.map(parseStoredEvent).filter((e): e is AuditEvent => e !== null);
  }

  /** Walks the stored trail against the head the case record holds: a pass, or the first broken event. */
  async verify(caseId: string): Promise<ChainVerification> {
    const c = await this.get(caseId);
    const events = await this.eventsRaw(caseId);
    return verifyAuditChain(events, this.context.hash, { caseId, ...(c ? { head: c.audit } : {}) });
  }

  /** The next free reference for this office: JURISDICTION-OFFICE-YEAR-NNNN. */
  async nextReference(jurisdiction: string, officeName: string, year: number): Promise<string> {
    const office = officeCode(officeName);
    let n = (await this.db.cases.count()) + 1;
    for (;;) {
      const reference = `${jurisdiction}-${office}-${year}-${String(n).padStart(4, '0')}`;
      if ((await this.db.cases.where('reference').equals(reference).count()) === 0) return reference;
      n++;
    }
  }
}

/** Upper-case initials of the office's name ("Bureau of Quiet Harbours" → "BQH"), at most six letters. */
export function officeCode(officeName: string): string {
  const initials = officeName
    .normalize('NFKD')
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 2 || /^\p{Lu}/u.test(word))
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return (initials || 'OFFICE').slice(0, 6);
}
