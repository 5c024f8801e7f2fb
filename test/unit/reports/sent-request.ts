import type { ReportableCase } from '@shared/reports/transparency-report';

const DAY = 86_400_000;

/** A data-access request sent `day` days into 2025 to `partner` under `basis`: the report's unit of counting. */
export function sentRequest(partner: string, basis: string, day: number): ReportableCase {
  const sentAt = Date.UTC(2025, 0, 1) + day * DAY;
  return {
    kind: 'data-access-request',
    originatingJurisdiction: 'DE',
    partnerJurisdiction: partner,
    legalBasis: { code: basis, text: '' },
    createdAt: new Date(sentAt - 9 * DAY).toISOString(),
    emergency: null,
    challenge: null,
    decision: null,
    remedies: [],
    deadlines: [],
    authorisation: { by: 'cw-1', at: new Date(sentAt - 4 * DAY).toISOString(), secondPerson: false },
    request: { sentAt: new Date(sentAt).toISOString(), by: 'cw-1' },
    response: null,
    closure: null,
    affectedPeople: [],
  };
}
