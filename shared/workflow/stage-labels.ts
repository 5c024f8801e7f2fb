import { type Case } from '../domain/case';
import { caseSide, type CaseSide } from '../domain/case-side';
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
  received: 'received',
  executing: 'executing',
  refused: 'refused',
  'response-sent': 'response sent',
  closed: 'closed',
  purged: 'purged',
};

/** The stages each kind of case passes through on the issuing side, in order. */
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

/** A request received from another office: recognised and executed, or refused; answered either way. */
const EXECUTING_PATH: readonly CaseStage[] = ['received', 'executing', 'response-sent', 'closed', 'purged'];
const REFUSED_PATH: readonly CaseStage[] = ['received', 'refused', 'response-sent', 'closed', 'purged'];
/** A challenge sent to this office as the redress body: reviewed and decided here. */
const REDRESS_BODY_PATH: readonly CaseStage[] = ['challenge-lodged', 'redress-review', 'remedies', 'closed', 'purged'];

/** The stages this case passes through, in order, given its side (and, once decided, whether it was refused). */
export function stagePath(c: Pick<Case, 'kind' | 'side' | 'recognition'>): readonly CaseStage[] {
  switch (caseSide(c)) {
    case 'issuing':
      return STAGE_PATHS[c.kind];
    case 'executing':
      return c.recognition?.outcome === 'refused' ? REFUSED_PATH : EXECUTING_PATH;
    case 'redress-body':
      return REDRESS_BODY_PATH;
  }
}

/** Every stage a case on this side can be in: an incoming case never reaches an issuing-side stage. */
export const SIDE_STAGES: Record<CaseSide, readonly CaseStage[]> = {
  issuing: [...new Set(Object.values(STAGE_PATHS).flat())],
  executing: [...new Set([...EXECUTING_PATH, ...REFUSED_PATH])],
  'redress-body': REDRESS_BODY_PATH,
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
  'received',
  'executing',
  'refused',
  'response-sent',
];
export const ACTIVE_STAGES: readonly CaseStage[] = LIVE_STAGES.filter((s) => s !== 'draft');

export const KIND_WORDS: Record<CaseKind, string> = {
  'data-access-request': 'a data-access request',
  'enforcement-action': 'an enforcement action',
  'rights-complaint': 'a rights complaint',
};
