import { describe, expect, it } from 'vitest';
import type { Case } from '@shared/domain/case';
import { openCase } from '@shared/workflow/open-case';
import { transition } from '@shared/workflow/transition';
import { filterCases, NO_FILTER, toCaseListRow } from '../../../renderer/src/cases/case-list-row';
import { workflowContext } from '../../../renderer/src/cases/workflow-context';
import { kit } from '../vault/vault-test-kit';
import { testSigner } from '../../support/test-signer';
import { describeWorkflowMessages } from '@shared/workflow/describe-workflow-message';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const context = workflowContext(kit, testSigner(kit), undefined, { now: () => new Date(NOW) });
const actor = { id: 'local-caseworker', role: 'caseworker' } as const;

function draft(id: string, reference: string, title: string, partner: string, person: string, platform: string): Case {
  const opened = openCase(
    { id, reference, kind: 'data-access-request', title, originatingJurisdiction: 'DE' },
    actor,
    context,
  );
  if (!opened.ok) throw new Error(describeWorkflowMessages(opened.refusal.missing).join('; '));
  const filled = transition(
    opened.case,
    actor,
    {
      type: 'update-draft',
      changes: {
        partnerJurisdiction: partner,
        parties: [{ id: 'platform', role: 'controller', name: platform, jurisdiction: partner }],
        affectedPeople: [{ id: 'p1', name: person, contactForNotice: 'x', preferredLanguage: 'fr' }],
      },
    },
    context,
  );
  if (!filled.ok) throw new Error(describeWorkflowMessages(filled.refusal.missing).join('; '));
  return filled.case;
}

const rows = [
  draft('a', 'DE-BQH-2026-0001', 'Heron account', 'FR', 'Camille Durand', 'Quiet Harbour Social'),
  draft('b', 'DE-BQH-2026-0002', 'Lantern payments', 'NL', 'Zofia Kowalczyk', 'Copper Kettle Payments'),
  draft('c', 'DE-BQH-2026-0003', 'Second heron lead', 'NL', 'Sean Murphy', 'Lanternmail'),
].map((c) => toCaseListRow(c, NOW, { requireSecondPersonAuthorisation: false, holidayRegions: {} }));

describe('case list search and filters', () => {
  it('search as you type matches reference, title, person, partner and platform; every word must match', () => {
    const ids = (query: string) => filterCases(rows, { ...NO_FILTER, query, sort: 'reference' }).map((r) => r.id);
    expect(ids('heron')).toEqual(['a', 'c']);
    expect(ids('kowalczyk')).toEqual(['b']);
    expect(ids('2026-0003')).toEqual(['c']);
    expect(ids('copper kettle')).toEqual(['b']);
    expect(ids('heron murphy')).toEqual(['c']);
    expect(ids('heron kowalczyk')).toEqual([]);
  });

  it('filters by partner and kind, sorts by reference or by next due date', () => {
    expect(filterCases(rows, { ...NO_FILTER, partner: 'NL', sort: 'reference' }).map((r) => r.id)).toEqual(['b', 'c']);
    expect(filterCases(rows, { ...NO_FILTER, kind: 'rights-complaint' })).toEqual([]);
    // Drafts have nothing due yet, so the "overdue only" filter leaves nothing.
    expect(filterCases(rows, { ...NO_FILTER, overdueOnly: true })).toEqual([]);
    expect(rows.every((r) => r.nextDueAt === null && !r.overdue)).toBe(true);
  });

  it('"my cases" keeps the cases a person owns or reviews', () => {
    const [a, b, c] = rows;
    if (!a || !b || !c) throw new Error('rows missing');
    const office = [a, { ...b, ownerId: 'ben' }, { ...c, ownerId: 'ben', reviewerId: 'clara' }];
    const mine = (personId: string) =>
      filterCases(office, { ...NO_FILTER, mineOf: personId })
        .map((r) => r.id)
        .sort();
    expect(a.ownerId).toBe('local-caseworker');
    expect(mine('local-caseworker')).toEqual(['a']);
    expect(mine('ben')).toEqual(['b', 'c']);
    expect(mine('clara')).toEqual(['c']);
    expect(filterCases(office, NO_FILTER)).toHaveLength(3);
  });
});
