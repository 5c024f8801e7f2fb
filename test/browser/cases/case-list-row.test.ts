import { describe, expect, it } from 'vitest';
import type { Case } from '@shared/domain/case';
import { openCase } from '@shared/workflow/open-case';
import { transition } from '@shared/workflow/transition';
import { dueWindow } from '@shared/deadlines/due-window';
import { startDeadline, type TrackedDeadline } from '@shared/deadlines/tracked-deadline';
import { findProcedureTemplate } from '@shared/procedures/procedure-registry';
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
        affectedPeople: [{ id: 'person-00000001', name: person, contactForNotice: 'x', preferredLanguage: 'fr' }],
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
  draft('d', 'DE-BQH-2026-0004', 'Müller & Søn payments', 'ES', 'Ana López', 'Straßenbahn GmbH'),
].map((c) => toCaseListRow(c, NOW));

/** A running period of a shipped template, started at `startedAt` (its due date follows the template's rule). */
function period(templateId: string, version: number, periodId: string, startedAt: string): TrackedDeadline {
  const template = findProcedureTemplate({ id: templateId, version });
  const found = template?.periods.find((p) => p.id === periodId);
  if (!template || !found) throw new Error(`no period ${templateId}/${periodId}`);
  const started = startDeadline({
    id: `d-${periodId}`,
    template,
    period: found,
    startedAt,
    emergency: false,
    clock: { timeZone: 'Europe/Berlin', jurisdiction: 'DE' },
  });
  if (!started.ok) throw new Error(started.error.message);
  return started.value;
}

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

  it('ignores accents and case: "lopez" finds "López", "muller" "Müller", "strassenbahn" "Straßenbahn"', () => {
    const ids = (query: string) => filterCases(rows, { ...NO_FILTER, query, sort: 'reference' }).map((r) => r.id);
    expect(ids('lopez')).toEqual(['d']);
    expect(ids('LÓPEZ')).toEqual(['d']);
    expect(ids('muller son')).toEqual(['d']);
    expect(ids('strassenbahn')).toEqual(['d']);
    expect(ids('CAMILLE durand')).toEqual(['a']);
  });

  it('finds a case by its partner’s country name in any language, and by its notes', () => {
    const ids = (query: string) => filterCases(rows, { ...NO_FILTER, query, sort: 'reference' }).map((r) => r.id);
    expect(ids('espana')).toEqual(['d']);
    expect(ids('pays-bas')).toEqual(['b', 'c']);
    const [a] = rows;
    const withNote = draft('n', 'DE-BQH-2026-0009', 'Plain title', 'FR', 'X', 'Y');
    const noted = toCaseListRow(
      {
        ...withNote,
        notes: [{ id: 'n1', at: withNote.createdAt, by: 'ana', text: 'Rückruf von Frau Ødegård erbeten' }],
      },
      NOW,
    );
    expect(
      filterCases([...(a ? [a] : []), noted], { ...NO_FILTER, query: 'odegard ruckruf' }).map((r) => r.id),
    ).toEqual(['n']);
  });

  it('due filters keep what this office must act on; a partner’s late reply is awaited, never our overdue', () => {
    const base = draft('e', 'DE-BQH-2026-0005', 'Deadlines', 'FR', 'Y', 'Z');
    // GDPR Art. 61(2): the requested authority (the partner) replies within a month of receipt; a month ago it was due.
    const partnerLate = toCaseListRow(
      {
        ...base,
        id: 'partner-late',
        deadlines: [period('gdpr-art61-mutual-assistance', 2, 'reply', '2026-01-20T09:00:00Z')],
      },
      NOW,
    );
    // The redress decision (60 days) is ours: started 1 December, it is overdue; started 20 January, due 21 March.
    const oursLate = toCaseListRow(
      {
        ...base,
        id: 'ours-late',
        deadlines: [period('generic-notice-challenge-decision', 1, 'redress-decision', '2025-12-01T09:00:00Z')],
      },
      NOW,
    );
    const oursSoon = toCaseListRow(
      {
        ...base,
        id: 'ours-soon',
        deadlines: [period('generic-notice-challenge-decision', 1, 'redress-decision', '2026-01-20T09:00:00Z')],
      },
      NOW,
    );
    expect(partnerLate).toMatchObject({ overdue: false, partnerOverdue: true, nextDueAt: null });
    expect(oursLate).toMatchObject({ overdue: true, partnerOverdue: false });
    expect(oursSoon.overdue).toBe(false);
    const all = [partnerLate, oursLate, oursSoon];
    const kept = (due: Parameters<typeof dueWindow>[0]) =>
      filterCases(all, { ...NO_FILTER, due, sort: 'reference' }, dueWindow(due, NOW, 'Europe/Berlin'))
        .map((r) => r.id)
        .sort();
    expect(kept({ window: 'overdue' })).toEqual(['ours-late']);
    expect(kept({ window: 'next-30-days' })).toEqual(['ours-soon']);
    expect(kept({ window: 'any' })).toEqual(['ours-late', 'ours-soon', 'partner-late']);
    const soonDue = oursSoon.nextDueAt?.slice(0, 10) ?? '';
    expect(kept({ window: 'range', from: soonDue, to: soonDue })).toEqual(['ours-soon']);
  });

  it('the redress queue is every case whose challenge is lodged or under review', () => {
    const [a, b, c] = rows;
    if (!a || !b || !c) throw new Error('rows missing');
    const staged = [a, { ...b, stage: 'challenge-lodged' as const }, { ...c, stage: 'redress-review' as const }];
    expect(filterCases(staged, { ...NO_FILTER, stage: 'redress-queue', sort: 'reference' }).map((r) => r.id)).toEqual([
      'b',
      'c',
    ]);
  });

  it('filters by partner and kind, sorts by reference or by next due date', () => {
    expect(filterCases(rows, { ...NO_FILTER, partner: 'NL', sort: 'reference' }).map((r) => r.id)).toEqual(['b', 'c']);
    expect(filterCases(rows, { ...NO_FILTER, kind: 'rights-complaint' })).toEqual([]);
    // Drafts have nothing due yet, so the overdue filter leaves nothing.
    const overdue = { window: 'overdue' } as const;
    expect(filterCases(rows, { ...NO_FILTER, due: overdue }, dueWindow(overdue, NOW, 'Europe/Berlin'))).toEqual([]);
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
