import { type CaseKind, type CaseStage } from '../domain/case-stage';

export const STAGE_LABELS: Record<CaseStage, string> = {
  draft: 'draft',
  authorised: 'authorised',
  'request-sent': 'request sent',
  'response-received': 'response received',
  notice: 'notice',
  'challenge-window': 'challenge window',
  'challenge-lodged': 'challenge lodged',
  'redress-review': 'redress review',
  remedies: 'remedies',
  closed: 'closed',
  purged: 'purged',
};

/** The stages each kind of case passes through, in order. */
export const STAGE_PATHS: Record<CaseKind, readonly CaseStage[]> = {
  'data-access-request': [
    'draft',
    'authorised',
    'request-sent',
    'response-received',
    'notice',
    'challenge-window',
    'challenge-lodged',
    'redress-review',
    'remedies',
    'closed',
    'purged',
  ],
  'enforcement-action': [
    'draft',
    'authorised',
    'notice',
    'challenge-window',
    'challenge-lodged',
    'redress-review',
    'remedies',
    'closed',
    'purged',
  ],
  'rights-complaint': ['draft', 'authorised', 'challenge-lodged', 'redress-review', 'remedies', 'closed', 'purged'],
};

/** Stages in which the case is live (not yet closed). */
export const LIVE_STAGES: readonly CaseStage[] = [
  'draft',
  'authorised',
  'request-sent',
  'response-received',
  'notice',
  'challenge-window',
  'challenge-lodged',
  'redress-review',
  'remedies',
];
export const ACTIVE_STAGES: readonly CaseStage[] = LIVE_STAGES.filter((s) => s !== 'draft');

export const KIND_WORDS: Record<CaseKind, string> = {
  'data-access-request': 'a data-access request',
  'enforcement-action': 'an enforcement action',
  'rights-complaint': 'a rights complaint',
};
