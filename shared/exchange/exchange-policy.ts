import type { BundleKind } from '../bundle/bundle-kinds';
import type { Actor } from '../domain/actor';
import type { Case } from '../domain/case';
import { caseSide } from '../domain/case-side';
import { availableActions } from '../workflow/available-actions';
import { workflowMessage, type WorkflowMessage } from '../workflow/workflow-message';
import type { WorkflowContext } from '../workflow/workflow-types';
import type { LedgerEntry } from './ledger-entry';

export type CaseBundleKind = Extract<BundleKind, 'request' | 'response' | 'challenge' | 'decision'>;
export const CASE_BUNDLE_KINDS: readonly CaseBundleKind[] = ['request', 'response', 'challenge', 'decision'];

export type KindOption =
  | { readonly kind: CaseBundleKind; readonly available: true; readonly recipients: 'any' | { readonly only: string } }
  | { readonly kind: CaseBundleKind; readonly available: false; readonly reasons: readonly WorkflowMessage[] };

/**
 * Which bundle kinds this case can be sent as now, and to whom. The request rides on the workflow engine's
 * own "send the request" step; a response or decision answers the office that sent us the case; a challenge
 * goes to a redress office once it is lodged.
 */
export function kindOptions(
  c: Case,
  actor: Actor,
  context: WorkflowContext,
  ledger: readonly LedgerEntry[],
): KindOption[] {
  const mine = ledger.filter((entry) => entry.caseId === c.id);
  const origin = mine.find(
    (entry) => entry.direction === 'received' && (entry.kind === 'request' || entry.kind === 'challenge'),
  );
  const sent = (kind: CaseBundleKind) => mine.some((entry) => entry.direction === 'sent' && entry.kind === kind);
  return CASE_BUNDLE_KINDS.map((kind): KindOption => {
    switch (kind) {
      case 'request': {
        if (origin)
          return {
            kind,
            available: false,
            reasons: [workflowMessage('bundle-case-came-from-partner')],
          };
        const step = availableActions(c, actor, context).find((action) => action.type === 'send-request');
        if (!step || !step.available)
          return {
            kind,
            available: false,
            reasons: step && !step.available ? step.reasons : [workflowMessage('bundle-workflow-forbids-sending')],
          };
        return { kind, available: true, recipients: 'any' };
      }
      case 'response':
        if (origin?.kind !== 'request')
          return {
            kind,
            available: false,
            reasons: [workflowMessage('bundle-response-needs-request')],
          };
        if (sent('response'))
          return { kind, available: false, reasons: [workflowMessage('bundle-response-already-sent')] };
        if (caseSide(c) === 'executing') {
          // The answer follows the recognition decision: what was executed, or the refusal and its grounds.
          const answer = availableActions(c, actor, context).find((action) => action.type === 'send-response');
          if (answer && !answer.available) return { kind, available: false, reasons: answer.reasons };
        }
        return { kind, available: true, recipients: { only: origin.peerKey } };
      case 'challenge':
        if (origin) return { kind, available: false, reasons: [workflowMessage('bundle-challenge-came-from-office')] };
        if (!c.challenge || (c.stage !== 'challenge-lodged' && c.stage !== 'redress-review')) {
          return {
            kind,
            available: false,
            reasons: [workflowMessage('bundle-challenge-not-lodged')],
          };
        }
        if (sent('challenge'))
          return { kind, available: false, reasons: [workflowMessage('bundle-challenge-already-sent')] };
        return { kind, available: true, recipients: 'any' };
      case 'decision':
        if (origin?.kind !== 'challenge')
          return {
            kind,
            available: false,
            reasons: [workflowMessage('bundle-decision-needs-challenge')],
          };
        if (!c.decision) return { kind, available: false, reasons: [workflowMessage('bundle-decide-first')] };
        if (sent('decision'))
          return { kind, available: false, reasons: [workflowMessage('bundle-decision-already-sent')] };
        return { kind, available: true, recipients: { only: origin.peerKey } };
    }
  });
}
