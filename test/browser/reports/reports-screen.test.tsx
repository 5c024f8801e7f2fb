import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { ReportsScreen } from '../../../renderer/src/screens/reports/ReportsScreen';
import { seededCases } from '../../unit/reports/seeded-cases';

// Renders the real Reports screen in Chromium over the hand-checked seeded office. Saving goes through the
// shell, which the e2e suite covers for real; here it records what the screen hands over.
const saved: { name: string; text: string }[] = [];
const shell = {
  document: {
    saveFile: async ({ suggestedName, bytes }: { suggestedName: string; bytes: Uint8Array }) => {
      saved.push({ name: suggestedName, text: new TextDecoder().decode(bytes) });
      return { ok: true as const, value: { path: `/tmp/${suggestedName}`, name: suggestedName, bytes: bytes.length } };
    },
  },
} as unknown as CasebridgeApi;

let root: Root | null = null;
let container: HTMLElement;
beforeAll(async () => {
  await initI18n();
});
afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});

async function renderReports(cases = seededCases()) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root?.render(
      <ReportsScreen
        shell={shell}
        officeName="BfDI"
        officeJurisdiction="DE"
        now={new Date('2026-02-01T00:00:00Z')}
        loadCases={async () => ({ cases, unreadable: 0 })}
      />,
    );
  });
  const select = container.querySelector('select');
  if (!select) throw new Error('no period picker');
  await act(async () => {
    select.value = '2025-q1'; // a quarter first, then the year: the screen must follow the choice
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await act(async () => {
    select.value = 'last-year';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const rowsOf = (title: string) => {
  const section = [...container.querySelectorAll('section')].find(
    (s) => s.querySelector(':scope > h2')?.textContent === title,
  );
  return Object.fromEntries(
    [...(section?.querySelectorAll('tr') ?? [])]
      .slice(1)
      .map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]),
  );
};

describe('Reports screen', () => {
  it('prints the suppressed tables with vocabulary labels, a chart per table and the method', async () => {
    await renderReports();
    expect(container.textContent).toContain('Period: 2025');
    expect(rowsOf('Requests sent, by partner jurisdiction')).toMatchObject({
      France: '120',
      Ireland: '<5',
      Austria: 'x',
      Total: '250',
    });
    expect(rowsOf('Redress decisions, by outcome')).toMatchObject({
      Upheld: '12',
      'Modified (narrowed)': '10',
      Quashed: '8',
      Total: '30',
    });
    // The charts load on demand (their own chunk): a loading line first, then one chart per table. The first load
    // in this project also transforms the chart library, which took over 15 s on a loaded 2-core machine.
    await expect
      .poll(() => container.querySelectorAll('figure.report-chart svg').length, { timeout: 45_000 })
      .toBeGreaterThan(5);
    expect(container.querySelectorAll('figure.report-chart [role=status]')).toHaveLength(0);
    expect(container.textContent).toContain('Counts below 5 are shown as “<5”');
  });
});

describe('Reports screen CSV', () => {
  it('hands the shell the published figures, never a withheld count', async () => {
    await renderReports();
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Export CSV');
    await act(async () => {
      button?.click();
    });
    await expect.poll(() => saved.length).toBe(1);
    const [file] = saved;
    expect(file?.name).toBe('Casebridge report 2025.csv');
    expect(file?.text).toContain('"Requests sent, by partner jurisdiction",requests-sent-by-partner,Ireland,IE,<5');
    expect(file?.text).toContain('"Requests sent, by partner jurisdiction",requests-sent-by-partner,Austria,AT,x');
    expect(file?.text).not.toMatch(/,AT,7\r\n/);
  });
});

describe('Reports screen for a custom period', () => {
  it('marks the report internal — not for publication — on screen and in the CSV', async () => {
    await renderReports();
    expect(container.textContent).not.toContain('Internal — not for publication');
    const select = container.querySelector('select');
    await act(async () => {
      if (select) select.value = 'custom';
      select?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const mark = container.querySelector('.report__header [role="note"]');
    expect(mark, 'the internal mark in the report header').not.toBeNull();
    expect(mark?.textContent).toContain('Internal — not for publication');
    expect(mark?.closest('.no-print')).toBeNull(); // printed into the PDF too
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Export CSV');
    const before = saved.length;
    await act(async () => {
      button?.click();
    });
    await expect.poll(() => saved.length).toBe(before + 1);
    const file = saved.at(-1);
    expect(file?.name).toBe('Casebridge report 2026-01-01 - 2026-02-01 internal.csv');
    expect(file?.text.split('\r\n')[2]).toBe('Publication,internal,Internal — not for publication');
  });
});

describe('Reports screen, a table whose categories would give counts away', () => {
  it('lists no partner when four partners had one request each, and says why', async () => {
    const [first] = seededCases();
    const request = first?.request;
    if (!first || !request) throw new Error('the seeded office starts with a sent request');
    const cases = ['AT', 'ES', 'FR', 'NL'].map((partner, i) => ({
      ...first,
      partnerJurisdiction: partner,
      request: { ...request, sentAt: new Date(Date.UTC(2025, 4, 1 + i)).toISOString() },
    }));
    await renderReports(cases);
    expect(rowsOf('Requests sent, by partner jurisdiction')).toEqual({ Total: '<5' });
    const section = [...container.querySelectorAll('section')].find((s) =>
      s.textContent.startsWith('Requests sent, by partner jurisdiction'),
    );
    expect(section?.textContent).toContain('Categories not listed');
    expect(section?.textContent).not.toContain('Nothing to count');
  });
});
