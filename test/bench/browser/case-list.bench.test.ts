import { it } from 'vitest';
import { testSigner } from '../../support/test-signer';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import type { Case } from '@shared/domain/case';
import { LIVE_STAGES } from '@shared/workflow/stage-labels';
import { openCase } from '@shared/workflow/open-case';
import { transition } from '@shared/workflow/transition';
import { TEST_KDF_FLOOR } from '@shared/vault/kdf-params';
import { CaseRepository } from '../../../renderer/src/cases/case-repository';
import { filterCases, NO_FILTER, toCaseListRow, type CaseListRow } from '../../../renderer/src/cases/case-list-row';
import { workflowContext } from '../../../renderer/src/cases/workflow-context';
import { VaultService } from '../../../renderer/src/vault/vault-service';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { bestOf, reportRatio } from '../report';
import { reportLongestTask } from './long-tasks';
import { plainFilter, renderList } from './case-list-render';
import { buildTransparencyReport } from '@shared/reports/transparency-report';
import { yearPeriod } from '@shared/reports/report-period';
import { loadReportCases } from '../../../renderer/src/screens/reports/load-report-cases';
import { describeWorkflowMessages } from '@shared/workflow/describe-workflow-message';
import { importedPersonId } from '@shared/domain/primitives';

const CASES = 10_000;
const PARTNERS = ['FR', 'NL', 'IE', 'PL', 'ES', 'IT', 'SE', 'AT'];
const PLATFORMS = [
  'Quiet Harbour Social',
  'Lanternmail',
  'Northwind Cloud',
  'Heron Messaging',
  'Copper Kettle Payments',
];
const SURNAMES = ['Durand', 'Kowalczyk', 'Murphy', 'García', 'Rossi', 'Svensson', 'de Vries', 'Novak'];

/** 10,000 realistic cases, derived from one real draft so every record parses with caseSchema. */
async function makeCases(): Promise<Case[]> {
  const kit = await cryptoKit();
  const context = workflowContext(kit, testSigner(kit), undefined, { now: () => new Date('2026-03-02T09:00:00Z') });
  const actor = { id: 'local-caseworker', role: 'caseworker' } as const;
  const opened = openCase(
    {
      id: 'seed',
      reference: 'DE-BQH-2026-0000',
      kind: 'data-access-request',
      title: 'seed',
      originatingJurisdiction: 'DE',
    },
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
        purpose: 'Identify an account holder',
        legalBasis: { code: 'gdpr-61', text: '' },
        dataCategoryCodes: ['subscriber', 'traffic'],
      },
    },
    context,
  );
  if (!filled.ok) throw new Error(describeWorkflowMessages(filled.refusal.missing).join('; '));
  const base = filled.case;
  return Array.from({ length: CASES }, (_, i): Case => {
    const partner = PARTNERS[i % PARTNERS.length] ?? 'FR';
    const at = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 3_600_000).toISOString();
    return {
      ...base,
      id: `case-${i}`,
      references: {
        local: `DE-BQH-2026-${String(i + 1).padStart(5, '0')}`,
        partner: [{ jurisdiction: partner, reference: `${partner}-${i}` }],
      },
      title: `Subscriber data for account ${i} on ${PLATFORMS[i % PLATFORMS.length] ?? ''}`,
      stage: LIVE_STAGES[i % LIVE_STAGES.length] ?? 'draft',
      createdAt: at,
      updatedAt: at,
      partnerJurisdiction: partner,
      parties: [
        { id: 'platform', role: 'controller', name: PLATFORMS[i % PLATFORMS.length] ?? '', jurisdiction: partner },
      ],
      affectedPeople: [
        {
          id: importedPersonId(0),
          name: `Person ${i} ${SURNAMES[i % SURNAMES.length] ?? ''}`,
          contactForNotice: `p${i}@example.org`,
          preferredLanguage: 'fr',
          notice: { state: 'pending' },
        },
      ],
    };
  });
}

it('case list at 10,000 cases: first rows after unlock and keystroke-to-results, against a plain in-memory filter', async () => {
  const kit = await cryptoKit();
  const vault = new VaultService(kit, {
    dbName: `case-list-bench-${Date.now()}`,
    kdf: TEST_KDF_FLOOR,
    derive: async (passphrase, salt, params) => kit.argon2id(passphrase, salt, params.iterations, params.memoryBytes),
  });
  const created = await vault.create('bench passphrase with 4 lanterns');
  if (!created.ok) throw new Error(created.error.message);
  const cases = await makeCases();
  const written = await vaultWrite(vault.db, [vault.db.cases], () => vault.db.cases.bulkPut(cases));
  if (!written.ok) throw new Error(written.error.message);
  const repository = new CaseRepository(vault.db, workflowContext(kit, vault.keyring));
  const nowMs = Date.parse('2026-03-02T09:00:00Z');
  const container = document.createElement('div');
  document.body.append(container);

  let rows: CaseListRow[] = [];
  // Everything from the unlocked store to rows on screen: read + decrypt + parse 10,000 records, derive list rows,
  // sort, render the virtual list.
  const firstRows = await bestOf(3, async () => {
    const loaded = await repository.all();
    rows = loaded.map((c) => toCaseListRow(c, nowMs));
    const shown = filterCases(rows, NO_FILTER);
    renderList(container, shown)();
  });
  const baselineQuery = 'kowalczyk';
  const baseline = await bestOf(20, () => plainFilter(cases, baselineQuery));
  reportRatio(
    'case list: unlock → first rows (10,000 cases, decrypt + rows + render)',
    firstRows,
    'plain in-memory filter',
    baseline,
  );
  const loadOnly = await bestOf(3, () => repository.all());
  reportRatio(
    'case list: of which read + decrypt + schema-parse 10,000 records',
    loadOnly,
    'plain in-memory filter',
    baseline,
  );

  // One keystroke: the query grows by a letter; the list filters and re-renders its first rows.
  const keystroke = await bestOf(20, () => {
    const shown = filterCases(rows, { ...NO_FILTER, query: 'kowalczyk 2026' });
    renderList(container, shown.length > 0 ? shown : rows)();
  });
  const filterOnly = await bestOf(20, () => filterCases(rows, { ...NO_FILTER, query: baselineQuery }));
  reportRatio('case list: keystroke → results rendered (10,000 cases)', keystroke, 'plain in-memory filter', baseline);
  reportRatio(
    'case list: keystroke → filtered and sorted rows, no render',
    filterOnly,
    'plain in-memory filter',
    baseline,
    `${filterCases(rows, { ...NO_FILTER, query: baselineQuery }).length} matches`,
  );
  const renderAll = await bestOf(3, () => {
    // What a non-virtual list would cost: one DOM row per case.
    const list = document.createElement('ul');
    for (const r of rows) {
      const li = document.createElement('li');
      li.textContent = `${r.reference} ${r.title}`;
      list.append(li);
    }
    container.append(list);
    list.getBoundingClientRect();
    list.remove();
  });
  reportRatio(
    'case list: non-virtual DOM of 10,000 rows (for comparison)',
    renderAll,
    'plain in-memory filter',
    baseline,
  );
  // The transparency report for a year, as the reports screen makes it: every case read and parsed, then counted.
  const report = await reportLongestTask('transparency report', async () => {
    const loaded = await loadReportCases(vault.db);
    return buildTransparencyReport(loaded.cases, {
      period: yearPeriod(2026),
      officeJurisdiction: 'DE',
      now: '2027-01-02T00:00:00Z',
    });
  });
  if (report.tables.length === 0) throw new Error('empty report');
  container.remove();
  vault.lock();
});
