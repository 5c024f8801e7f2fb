import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Case } from '@shared/domain/case';
import type { CaseListRow } from '../../../renderer/src/cases/case-list-row';
import { VirtualList } from '../../../renderer/src/components/VirtualList';

/** The case-list benches' baseline: a plain filter over the same cases already in memory, as naive code would write it. */
export function plainFilter(cases: readonly Case[], query: string): Case[] {
  const q = query.toLowerCase();
  return cases.filter(
    (c) =>
      c.references.local.toLowerCase().includes(q) ||
      c.title.toLowerCase().includes(q) ||
      c.affectedPeople.some((p) => p.name.toLowerCase().includes(q)) ||
      (c.partnerJurisdiction ?? '').toLowerCase().includes(q) ||
      c.parties.some((p) => p.name.toLowerCase().includes(q)),
  );
}

/** Renders `rows` in the app's virtual list, as the case list does, and returns the unmount. */
export function renderList(container: HTMLElement, rows: readonly CaseListRow[]): () => void {
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      createElement(VirtualList<CaseListRow>, {
        items: rows,
        rowHeight: 56,
        height: 520,
        label: 'Cases',
        getKey: (r) => r.id,
        onActivate: () => undefined,
        renderRow: (r) => createElement('span', null, `${r.reference} ${r.title}`),
      }),
    ),
  );
  if (container.querySelectorAll('[role=option]').length === 0) throw new Error('no rows rendered');
  return () => root.unmount();
}
