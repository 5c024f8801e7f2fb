import { describe, expect, it } from 'vitest';
import { actingParty } from '@shared/workflow/acting-party';
import { summariseCase } from '@shared/workflow/case-summary';
import { makeContext, requestTo } from './workflow-fixtures';

const period = (templateId: string, templateVersion: number, periodId: string) => ({
  templateId,
  templateVersion,
  periodId,
});

describe('actingParty', () => {
  it('on our own request, a partner-clock period waits for the partner and ours for us', () => {
    const reply = period('gdpr-art61-mutual-assistance', 2, 'reply');
    expect(actingParty({ side: 'issuing' }, reply)).toBe('partner');
    expect(actingParty({}, reply)).toBe('partner'); // cases from before sides were issuing cases
    expect(actingParty({ side: 'issuing' }, period('epo-2023-1543-production-order', 1, 'provider-delivers'))).toBe(
      'partner',
    );
    expect(actingParty({ side: 'issuing' }, period('generic-notice-challenge-decision', 1, 'redress-decision'))).toBe(
      'office',
    );
    expect(
      actingParty({ side: 'redress-body' }, period('generic-notice-challenge-decision', 1, 'redress-decision')),
    ).toBe('office');
  });

  it('on a request received from another office, the "partner" clock is ours and the originating one theirs', () => {
    expect(actingParty({ side: 'executing' }, period('gdpr-art61-mutual-assistance', 2, 'reply'))).toBe('office');
    expect(
      actingParty({ side: 'executing' }, period('eio-art12-recognition-execution', 1, 'provisional-measure')),
    ).toBe('office');
    expect(
      actingParty({ side: 'executing' }, period('gdpr-2025-2518-cross-border-enforcement', 1, 'investigation')),
    ).toBe('partner');
  });

  it('an unknown template or period counts as ours, so it is never hidden from our overdue list', () => {
    expect(actingParty({ side: 'issuing' }, period('no-such-template', 1, 'x'))).toBe('office');
    expect(actingParty({ side: 'issuing' }, period('gdpr-art61-mutual-assistance', 2, 'no-such-period'))).toBe(
      'office',
    );
  });

  it('the case summary carries it for each open deadline', () => {
    const { context, clock } = makeContext();
    const lodged = requestTo('challenge-lodged', context, clock);
    expect(summariseCase(lodged.case).deadlines.map((d) => [d.label, d.actingParty, d.lateWhenPassed])).toEqual([
      ['Redress decision', 'office', true],
    ]);
  });
});
