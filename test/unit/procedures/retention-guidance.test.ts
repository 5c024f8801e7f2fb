import { describe, expect, it } from 'vitest';
import { PROCEDURE_TEMPLATES } from '@shared/procedures/procedure-registry';
import { PROCEDURES_WITH_RETENTION_RULE, retentionRuleFor } from '@shared/procedures/retention-guidance';

describe('retention guidance', () => {
  it('names the rule for every procedure template, and no template that does not exist', () => {
    const ids = [...new Set(PROCEDURE_TEMPLATES.map((p) => p.id))].sort();
    expect([...PROCEDURES_WITH_RETENTION_RULE].sort()).toEqual(ids);
  });

  it('bounds GDPR cases by storage limitation and criminal-matters cases by time limits or review', () => {
    expect(retentionRuleFor('gdpr-art61-mutual-assistance')).toBe('gdpr-storage-limitation');
    expect(retentionRuleFor('epo-2023-1543-production-order')).toBe('criminal-matters-review');
    expect(retentionRuleFor('generic-notice-challenge-decision')).toBe('office-schedule');
    expect(retentionRuleFor('no-such-procedure')).toBe('office-schedule');
  });
});
