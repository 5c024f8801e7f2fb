import { sealAuditEvent } from '../audit/audit-chain';
import type { AuditEvent } from '../audit/audit-event';
import type { Actor } from '../domain/actor';
import type { Case } from '../domain/case';
import { caseSide } from '../domain/case-side';
import { describeWorkflowMessages } from '../workflow/describe-workflow-message';
import { transition } from '../workflow/transition';
import type { WorkflowAction } from '../workflow/workflow-action';
import type { WorkflowContext } from '../workflow/workflow-types';
import type { CaseBundleKind } from './exchange-policy';

export type SentBundleFacts = {
  readonly bundleId: string;
  readonly kind: CaseBundleKind;
  readonly recipientKey: string;
  readonly sequence: number;
  readonly fields: readonly string[];
  readonly files: number;
  /** What the sender wrote: for a response, the answer itself. */
  readonly message: string;
};

export type CaseUpdate =
  | { readonly ok: true; readonly case: Case; readonly events: readonly AuditEvent[] }
  | { readonly ok: false; readonly reasons: readonly string[] };

/**
 * What an export records in the case: the workflow step it completes (a request moves the case to
 * "request sent", an answer to a received request to "answer sent", as the engine says) and an audit event naming the bundle, the recipient and what left.
 * Audit details hold ids and field names only, never the content.
 */
export function recordExport(c: Case, actor: Actor, context: WorkflowContext, sent: SentBundleFacts): CaseUpdate {
  let current = c;
  const events: AuditEvent[] = [];
  // A request completes "send the request"; an answer to a request received here completes "send the answer".
  const step: WorkflowAction | null =
    sent.kind === 'request'
      ? { type: 'send-request' }
      : sent.kind === 'response' && caseSide(current) === 'executing'
        ? { type: 'send-response', summary: sent.message }
        : null;
  if (step) {
    const stepped = transition(current, actor, step, context);
    if (!stepped.ok) return { ok: false, reasons: describeWorkflowMessages(stepped.refusal.missing) };
    current = stepped.case;
    events.push(stepped.event);
  }
  const at = context.clock.now().toISOString();
  const { event, head } = sealAuditEvent(
    current.id,
    current.audit,
    {
      at,
      actor: { id: actor.id, role: actor.role },
      type: 'record-changed',
      action: 'bundle-exported',
      fromStage: current.stage,
      toStage: current.stage,
      details: {
        bundleId: sent.bundleId,
        kind: sent.kind,
        recipient: sent.recipientKey.slice(0, 16),
        sequence: sent.sequence,
        fields: [...sent.fields],
        files: sent.files,
      },
    },
    context,
  );
  events.push(event);
  return { ok: true, case: { ...current, updatedAt: at, audit: head }, events };
}

/** An audit event on the case without a change of state (a receipt came back, a receipt was sent). */
export function recordNote(
  c: Case,
  actor: Actor,
  context: WorkflowContext,
  action: string,
  details: Record<string, string | number>,
): { case: Case; event: AuditEvent } {
  const at = context.clock.now().toISOString();
  const { event, head } = sealAuditEvent(
    c.id,
    c.audit,
    {
      at,
      actor: { id: actor.id, role: actor.role },
      type: 'record-changed',
      action,
      fromStage: c.stage,
      toStage: c.stage,
      details,
    },
    context,
  );
  return { case: { ...c, audit: head }, event };
}
