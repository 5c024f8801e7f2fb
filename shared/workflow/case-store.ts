import { type AuditEvent, type AuditHead } from '../audit/audit-event';
import { type Actor } from '../domain/actor';
import { type Case } from '../domain/case';
import { type Result } from '../result';
import { type CaseSummary } from './case-summary';
import { openCase, type OpenCaseInput } from './open-case';
import { transition } from './transition';
import { type WorkflowAction } from './workflow-action';
import { type Refusal, type WorkflowContext } from './workflow-types';

/**
 * Why a case was not stored: the case store's own reasons, then the vault's (a full disk, a lock mid-write, a vault
 * open read-only, a write refused or failed). The UI words each one (`workflowMessages.params.failure.<code>`).
 */
export const CASE_STORE_ERROR_CODES = [
  'case-not-found',
  'case-exists',
  /** Someone else changed the case since it was loaded; reload and try again. */
  'case-conflict',
  /** Stored data failed its schema or its audit chain. */
  'case-corrupt',
  'store-unavailable',
  'storage-full',
  'vault-locked',
  'vault-read-only',
  'write-refused',
  'write-failed',
] as const;
export type CaseStoreErrorCode = (typeof CASE_STORE_ERROR_CODES)[number];

/**
 * The port the encrypted vault implements. Every write of a case goes with exactly one audit event, in one
 * transaction: either both are stored or neither is. Implementations parse what they read (caseSchema,
 * auditEventSchema) and keep a summary (summariseCase) next to each case for the dashboard.
 */
export interface CaseStore {
  load(caseId: string): Promise<Result<Case, CaseStoreErrorCode>>;
  /** Stores a new case with its first event; `case-exists` if the id is taken. */
  create(created: Case, genesis: AuditEvent): Promise<Result<void, CaseStoreErrorCode>>;
  /**
   * Replaces the case and appends `event` atomically, only if the stored case's audit head still equals
   * `expectedHead` (optimistic concurrency: two windows cannot both append event n).
   */
  commit(next: Case, event: AuditEvent, expectedHead: AuditHead): Promise<Result<void, CaseStoreErrorCode>>;
  auditTrail(caseId: string): Promise<Result<AuditEvent[], CaseStoreErrorCode>>;
  listSummaries(): Promise<Result<CaseSummary[], CaseStoreErrorCode>>;
}

export type StoredTransition =
  | { readonly ok: true; readonly case: Case; readonly event: AuditEvent }
  | { readonly ok: false; readonly refusal: Refusal }
  | { readonly ok: false; readonly error: { readonly code: CaseStoreErrorCode; readonly message: string } };

/** Load → transition → commit. The one path by which the UI and the importer change a stored case. */
export async function applyAction(
  store: CaseStore,
  caseId: string,
  actor: Actor,
  action: WorkflowAction,
  context: WorkflowContext,
): Promise<StoredTransition> {
  const loaded = await store.load(caseId);
  if (!loaded.ok) return loaded;
  const result = transition(loaded.value, actor, action, context);
  if (!result.ok) return result;
  const committed = await store.commit(result.case, result.event, loaded.value.audit);
  return committed.ok ? result : committed;
}

export async function openAndStore(
  store: CaseStore,
  input: OpenCaseInput,
  actor: Actor,
  context: WorkflowContext,
): Promise<StoredTransition> {
  const result = openCase(input, actor, context);
  if (!result.ok) return result;
  const created = await store.create(result.case, result.event);
  return created.ok ? result : created;
}
