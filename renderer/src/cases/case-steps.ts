import type { CaseKind, CaseStage } from '@shared/domain/case-stage';

/** The seven steps the stepper shows; stages map onto them. */
export const CASE_STEPS = ['draft', 'authorised', 'request', 'notice', 'challenge', 'redress', 'closed'] as const;
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
    case 'closed':
    case 'purged':
      return 'closed';
  }
}

/** Steps a kind of case passes: a rights complaint has no request or notice; an enforcement action no request. */
export function stepsFor(kind: CaseKind): readonly (typeof CASE_STEPS)[number][] {
  if (kind === 'data-access-request') return CASE_STEPS;
  if (kind === 'enforcement-action') return CASE_STEPS.filter((s) => s !== 'request');
  return CASE_STEPS.filter((s) => s !== 'request' && s !== 'notice');
}
