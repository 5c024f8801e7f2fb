/**
 * What the law behind a procedure says about how long the office keeps the case. None of the instruments the
 * templates follow sets a period for the authority's own file, so the guidance names the rule that bounds it and
 * leaves the date to the office's retention schedule. Sources and what could be confirmed: docs/legal-sources.md,
 * "Retention".
 */
export const RETENTION_RULES = ['gdpr-storage-limitation', 'criminal-matters-review', 'office-schedule'] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];

const RULE_OF_PROCEDURE: Readonly<Record<string, RetentionRule>> = {
  'gdpr-art61-mutual-assistance': 'gdpr-storage-limitation',
  'gdpr-art56-local-case': 'gdpr-storage-limitation',
  'gdpr-art60-draft-decision': 'gdpr-storage-limitation',
  'gdpr-art66-urgency-procedure': 'gdpr-storage-limitation',
  'gdpr-art12-data-subject-request': 'gdpr-storage-limitation',
  'gdpr-2025-2518-cross-border-enforcement': 'gdpr-storage-limitation',
  'eio-art12-recognition-execution': 'criminal-matters-review',
  'epo-2023-1543-production-order': 'criminal-matters-review',
  'epo-2023-1543-preservation-order': 'criminal-matters-review',
  'generic-notice-challenge-decision': 'office-schedule',
};

/** The retention rule for a procedure template; a procedure this table does not know follows the office's schedule. */
export function retentionRuleFor(procedureId: string): RetentionRule {
  return RULE_OF_PROCEDURE[procedureId] ?? 'office-schedule';
}

/** The procedure ids the table names, so a test can hold it to the registry. */
export const PROCEDURES_WITH_RETENTION_RULE: readonly string[] = Object.keys(RULE_OF_PROCEDURE);
