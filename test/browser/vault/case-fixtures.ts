/** Realistic case records (≈1.5 KB each), as the case screens will store them. */

const jurisdictions = ['DE', 'FR', 'NL', 'IE', 'PL', 'ES', 'IT', 'SE'];
const stages = ['draft', 'authorised', 'requested', 'notice', 'challenge', 'redress', 'closed'];
const categories = ['subscriber', 'traffic', 'location', 'content', 'biometric'];

export type CaseFixture = {
  id: string;
  reference: string;
  title: string;
  kind: 'data-access-request' | 'enforcement-action' | 'rights-complaint';
  stage: string;
  createdAt: Date;
  updatedAt: Date;
  originatingJurisdiction: string;
  partnerJurisdiction: string;
  platform: string;
  legalBasis: { code: string; text: string };
  purpose: string;
  dataCategories: { code: string; sensitive: boolean }[];
  dataFrom: Date;
  dataTo: Date;
  threshold: { necessity: string; proportionality: string; nonDiscrimination: string; minimisation: string };
  emergency: { flagged: boolean; justification: string | null; sunset: Date | null };
  retentionUntil: Date;
  notes: string;
};

export function makeCase(i: number): CaseFixture {
  const from = jurisdictions[i % jurisdictions.length] ?? 'DE';
  const to = jurisdictions[(i + 3) % jurisdictions.length] ?? 'FR';
  const created = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000);
  return {
    id: `case-${String(i).padStart(6, '0')}-${(i * 2654435761) % 1_000_000}`,
    reference: `${from}-BFDI-2026-${String(i).padStart(4, '0')}`,
    title: `Access to subscriber records held by Platform ${i % 97} concerning account cluster ${i}`,
    kind: i % 3 === 0 ? 'data-access-request' : i % 3 === 1 ? 'enforcement-action' : 'rights-complaint',
    stage: stages[i % stages.length] ?? 'draft',
    createdAt: created,
    updatedAt: new Date(created.getTime() + 86_400_000),
    originatingJurisdiction: from,
    partnerJurisdiction: to,
    platform: `Platform ${i % 97} Ltd.`,
    legalBasis: {
      code: 'eu-2023-1543-art5',
      text: 'Production order under Article 5 of Regulation (EU) 2023/1543 for subscriber data.',
    },
    purpose:
      'Identify the holder of the account used to coordinate the intimidation of a journalist in the partner jurisdiction.',
    dataCategories: categories
      .slice(0, 1 + (i % categories.length))
      .map((code) => ({ code, sensitive: code === 'content' || code === 'biometric' })),
    dataFrom: new Date(Date.UTC(2025, 5, 1)),
    dataTo: new Date(Date.UTC(2025, 8, 30)),
    threshold: {
      necessity: 'No less intrusive means are available: the platform is the only holder of the subscriber record.',
      proportionality:
        'Limited to one account and a four-month window, weighed against a serious threat to a journalist.',
      nonDiscrimination: 'The request targets conduct, not any protected characteristic of the account holder.',
      minimisation: 'Only subscriber data is requested; content and location are excluded.',
    },
    emergency: {
      flagged: i % 11 === 0,
      justification: i % 11 === 0 ? 'Imminent risk to life reported by the police.' : null,
      sunset: i % 11 === 0 ? new Date(Date.UTC(2026, 2, 1)) : null,
    },
    retentionUntil: new Date(Date.UTC(2028, 0, 1)),
    notes: `Case note ${i}: partner office acknowledged receipt; awaiting the platform's response.`,
  };
}
