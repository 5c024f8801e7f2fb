import type { Case } from '@shared/domain/case';
import { caseSide } from '@shared/domain/case-side';
import type { CaseStage } from '@shared/domain/case-stage';

/** The steps the stepper shows; stages map onto them. The last three are the side that received a request. */
export const CASE_STEPS = [
  'draft',
  'authorised',
  'request',
  'notice',
  'challenge',
  'redress',
  'received',
  'execution',
  'answer',
  'closed',
] as const;
export type CaseStep = (typeof CASE_STEPS)[number] | 'overview';

export function stepForStage(stage: CaseStage): (typeof CASE_STEPS)[number] {
  switch (stage) {
    case 'draft':
      return 'draft';
    case 'authorised':
      return 'authorised';
    case 'request-sent':
      return 'request';
    // Once the response is in, the work is notice.
    case 'response-received':
    case 'notice':
    case 'challenge-window':
      return 'notice';
    case 'challenge-lodged':
      return 'challenge';
    case 'redress-review':
    case 'remedies':
      return 'redress';
    case 'received':
      return 'received';
    case 'executing':
    case 'refused':
      return 'execution';
    case 'response-sent':
      return 'answer';
    case 'closed':
    case 'purged':
      return 'closed';
  }
}

const ISSUING_STEPS = ['draft', 'authorised', 'request', 'notice', 'challenge', 'redress', 'closed'] as const;

/**
 * Steps a case passes, by side and kind: a received request is received, executed (or refused) and answered; a
 * challenge received as the redress body is reviewed and decided; on the issuing side a rights complaint has no
 * request or notice, and an enforcement action no request.
 */
export function stepsFor(c: Pick<Case, 'kind' | 'side'>): readonly (typeof CASE_STEPS)[number][] {
  switch (caseSide(c)) {
    case 'executing':
      return ['received', 'execution', 'answer', 'closed'];
    case 'redress-body':
      return ['challenge', 'redress', 'closed'];
    case 'issuing':
      if (c.kind === 'data-access-request') return ISSUING_STEPS;
      if (c.kind === 'enforcement-action') return ISSUING_STEPS.filter((s) => s !== 'request');
      return ISSUING_STEPS.filter((s) => s !== 'request' && s !== 'notice');
  }
}

/**
 * For a withdrawn case, the step it stood at when withdrawn, read from what the case holds (a response, a request,
 * an authorisation). Steps after it were never reached: the stepper must not show them as done.
 */
export function withdrawnAtStep(c: Case): (typeof CASE_STEPS)[number] | null {
  // A complaint declared inadmissible stopped at its draft just as a withdrawn one did.
  if (c.closure?.reason !== 'withdrawn' && c.closure?.reason !== 'inadmissible') return null;
  const steps = stepsFor(c);
  const reached =
    c.response && steps.includes('notice')
      ? 'notice'
      : c.request && steps.includes('request')
        ? 'request'
        : c.authorisation
          ? 'authorised'
          : 'draft';
  return reached;
}
