import { verifyAuditChain } from '@shared/audit/audit-chain';
import { auditEventSchema, type AuditEvent, type AuditHead, type HashFn } from '@shared/audit/audit-event';
import { caseSchema, type Case } from '@shared/domain/case';
import { err, ok } from '@shared/result';
import { summariseCase, type CaseSummary } from '@shared/workflow/case-summary';
import { type CaseStore } from '@shared/workflow/case-store';

/**
 * A reference CaseStore over plain maps, storing JSON text as a real store would. It exists to pin down the port's
 * contract in tests; the app's store is the encrypted vault.
 */
export class MemoryCaseStore implements CaseStore {
  readonly cases = new Map<string, string>();
  readonly trails = new Map<string, string[]>();
  readonly summaries = new Map<string, CaseSummary>();

  constructor(private readonly hash: HashFn) {}

  async load(caseId: string) {
    const text = this.cases.get(caseId);
    if (text === undefined) return err('case-not-found', `No case ${caseId}.`);
    const parsed = caseSchema.safeParse(JSON.parse(text));
    return parsed.success ? ok(parsed.data) : err('case-corrupt', `Case ${caseId} failed its schema.`);
  }

  async create(created: Case, genesis: AuditEvent) {
    if (this.cases.has(created.id)) return err('case-exists', `A case with id ${created.id} already exists.`);
    this.write(created, [JSON.stringify(genesis)]);
    return ok(undefined);
  }

  async commit(next: Case, event: AuditEvent, expectedHead: AuditHead) {
    const current = await this.load(next.id);
    if (!current.ok) return current;
    const head = current.value.audit;
    if (
      head.count !== expectedHead.count ||
      head.headHash !== expectedHead.headHash ||
      event.prevHash !== head.headHash
    ) {
      return err('case-conflict', 'The case changed since it was opened. Reload it and try again.');
    }
    this.write(next, [...(this.trails.get(next.id) ?? []), JSON.stringify(event)]);
    return ok(undefined);
  }

  async auditTrail(caseId: string) {
    const stored = this.trails.get(caseId);
    if (!stored) return err('case-not-found', `No case ${caseId}.`);
    const events = stored.map((text) => JSON.parse(text) as unknown);
    const current = await this.load(caseId);
    const verdict = verifyAuditChain(events, this.hash, { caseId, ...(current.ok && { head: current.value.audit }) });
    if (!verdict.ok) return err('case-corrupt', verdict.message);
    return ok(events.map((e) => auditEventSchema.parse(e)));
  }

  async listSummaries() {
    return ok([...this.summaries.values()]);
  }

  /** Both maps change together, standing in for one database transaction. */
  private write(c: Case, trail: string[]) {
    this.cases.set(c.id, JSON.stringify(c));
    this.trails.set(c.id, trail);
    this.summaries.set(c.id, summariseCase(c));
  }
}
