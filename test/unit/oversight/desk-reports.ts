import { buildBundle } from '@shared/bundle/build-bundle';
import type { BundleKind } from '@shared/bundle/bundle-kinds';
import type { PayloadBody } from '@shared/bundle/bundle-payloads';
import { memorySink } from '@shared/bytes/byte-io';
import type { SignedKeyCard } from '@shared/offices/key-card';
import type { OfficeIdentity } from '@shared/offices/office-identity';
import { signingOffice } from '@shared/offices/signing-office';
import { createOfficeSigner } from '@shared/offices/office-signer';
import { createOversightExport } from '@shared/oversight/oversight-audit-export';
import type { ReportPeriod } from '@shared/reports/report-period';
import { countReportTables, type ReportCounts } from '@shared/reports/transparency-report';
import { AUTHORISER, CASEWORKER, PERSON_ID, REVIEWER, Story, certifiedBy, kit } from './desk-trails';

/**
 * What an office sends its oversight body for a period, made with the real code: the true counts of the transparency
 * report (`countReportTables` over the cases the workflow produced) and the signed audit export of the same period.
 */
export type OfficeReport = {
  readonly period: { readonly from: string; readonly to: string };
  readonly tables: ReportCounts;
  readonly exportBytes: Uint8Array;
};

export function officeReport(
  identity: OfficeIdentity,
  name: string,
  stories: readonly Story[],
  period: Pick<ReportPeriod, 'from' | 'to'>,
  now: string,
): OfficeReport {
  const signer = createOfficeSigner(kit, identity);
  const exportBytes = createOversightExport(
    kit,
    {
      office: { name, jurisdiction: 'DE' },
      scope: { kind: 'period', from: period.from, to: period.to },
      trails: stories.map((s) => ({ caseId: s.case.id, head: s.case.audit, events: s.events })),
      certificates: certifiedBy(signer),
      now,
    },
    signer,
  );
  const tables = countReportTables(
    stories.map((s) => s.case),
    { period: { ...period, label: 'period' }, officeJurisdiction: 'DE', now },
  );
  return { period: { from: period.from, to: period.to }, tables, exportBytes };
}

const tell = { type: 'issue-notice', personId: PERSON_ID, method: 'email', language: 'fr' } as const;
const defer = (reviewAt: string) =>
  ({ type: 'defer-notice', personId: PERSON_ID, reasons: 'Telling now would alert a suspect.', reviewAt }) as const;

/**
 * Cases that fill every table the trail can check: requests sent and received, notices issued (with and without a
 * deferral), deferred and withheld, a challenge decided with a remedy ordered and completed. `prefix` keeps case ids
 * apart between offices.
 */
export function busyStories(prefix: string): Story[] {
  const decided = new Story(`${prefix}-decided`).challenged();
  decided.advance(5).act(REVIEWER, { type: 'begin-review' });
  decided.act(REVIEWER, {
    type: 'decide',
    outcome: 'modified',
    reasons: 'Less should have been taken.',
    remedies: [{ code: 'erase-data', description: 'Erase the extra data', dueAt: decided.iso(20) }],
  });
  const remedyId = decided.case.remedies[0]?.id ?? '';
  decided.advance(3).act(CASEWORKER, { type: 'complete-remedy', remedyId, note: 'Erased.' });

  const withheld = new Story(`${prefix}-withheld`).answered();
  withheld.advance(1).act(CASEWORKER, defer(withheld.iso(40)));
  withheld.advance(2).act(AUTHORISER, {
    type: 'withhold-notice',
    personId: PERSON_ID,
    ground: 'omitted-by-law',
    reasons: 'The law provides no notice here.',
  });

  const deferred = new Story(`${prefix}-deferred`).answered();
  deferred.advance(1).act(CASEWORKER, defer(deferred.iso(20)));

  const toldLate = new Story(`${prefix}-told-after-deferral`).answered();
  toldLate.advance(1).act(CASEWORKER, defer(toldLate.iso(10)));
  toldLate.advance(5).act(CASEWORKER, tell);

  const received = new Story(`${prefix}-received`, { received: true });
  return [decided, withheld, deferred, toldLate, received];
}

/**
 * A bundle between an office and its oversight body (`to`), built with the real builder, valid for 7 days from
 * `createdAt`; a period report carries `exportBytes`, its signed audit export, as its one attachment.
 */
export async function oversightBundle<K extends BundleKind>(
  kind: K,
  body: PayloadBody<K>,
  from: OfficeIdentity,
  to: SignedKeyCard,
  sequence: number,
  createdAt: number,
  exportBytes?: Uint8Array,
): Promise<Uint8Array> {
  const sink = memorySink();
  const built = await buildBundle(
    kit,
    {
      kind,
      body,
      sender: signingOffice(kit, from),
      recipients: [{ card: to, sequence }],
      createdAt,
      notAfter: createdAt + 7 * 86_400_000,
      ...(exportBytes && {
        attachments: [
          { name: 'audit-export.json', mediaType: 'application/json', size: exportBytes.length, bytes: [exportBytes] },
        ],
      }),
    },
    sink,
  );
  if (!built.ok) throw new Error(built.error.message);
  return sink.bytes();
}
