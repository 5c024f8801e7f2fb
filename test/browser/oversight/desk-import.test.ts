import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleKind } from '@shared/bundle/bundle-kinds';
import type { PayloadBody } from '@shared/bundle/bundle-payloads';
import { memorySource } from '@shared/bytes/byte-io';
import { readBundleFrame } from '@shared/bundle/read-bundle-frame';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { trustView, type TrustStore } from '@shared/offices/trust-store';
import { exportReceipt } from '../../../renderer/src/exchange/export-receipt';
import { loadLedger } from '../../../renderer/src/exchange/ledger-store';
import { withCard } from '../../support/office-cards';
import { recordingWriter } from '../exchange/recording-writer';
import { importAtDesk } from '../../../renderer/src/desk/desk-import';
import { loadDeskRecommendations, loadDeskReports } from '../../../renderer/src/oversight/desk-records';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { DAY, makeOffice, storeWith, T0, type TestOffice } from '../../unit/bundle/bundle-fixtures';
import { busyStories, officeReport, oversightBundle, type OfficeReport } from '../../unit/oversight/desk-reports';
import { kit } from '../vault/vault-test-kit';
import { receivingOffice } from '../exchange/receiving-office';

beforeAll(async () => {
  await initI18n('en');
});

const berlin = makeOffice(kit, 11, 'Office Berlin', 'DE');
const hamburg = makeOffice(kit, 12, 'Office Hamburg', 'DE');
const stranger = makeOffice(kit, 13, 'Office Nobody Verified', 'DE');
const H1 = { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' };
const EXPORTED = '2026-11-20T00:00:00.000Z';

const reportOf = (office: TestOffice, period = H1): OfficeReport =>
  officeReport(
    office.identity,
    office.name,
    busyStories(office.name.toLowerCase().replace(/ /g, '-')),
    period,
    EXPORTED,
  );

/** A bundle from `from` to the desk (whose card is `desk`), built with the real builder. */
async function bundle<K extends BundleKind>(
  kind: K,
  body: PayloadBody<K>,
  from: TestOffice,
  desk: TestOffice['card'],
  sequence: number,
  exportBytes?: Uint8Array,
): Promise<Uint8Array> {
  return oversightBundle(kind, body, from.identity, desk, sequence, T0, exportBytes);
}

const periodBundle = (report: OfficeReport, from: TestOffice, desk: TestOffice['card'], sequence: number) =>
  bundle(
    'period-report',
    // The body's cells are plain arrays (what the wire carries); the counts are the office's own.
    { period: report.period, tables: structuredClone(report.tables) as PayloadBody<'period-report'>['tables'] },
    from,
    desk,
    sequence,
    report.exportBytes,
  );

/** A desk (real vault in IndexedDB) trusting Berlin and Hamburg, with `files` on its stick. */
async function desk(label: string, files: Record<string, (deskCard: TestOffice['card']) => Promise<Uint8Array>>) {
  const made = new Map<string, Uint8Array>();
  const office = await receivingOffice(`desk-${label}`, T0 + DAY, made);
  for (const [token, make] of Object.entries(files)) made.set(token, await make(office.deps.own.card));
  const trust: TrustStore = storeWith(kit, [berlin, hamburg]);
  const stored = async () => ({
    reports: (await loadDeskReports(office.deps.db)).length,
    recommendations: await loadDeskRecommendations(office.deps.db),
    ledger: await office.deps.db.bundleLedger.count(),
  });
  const load = (token: string) => importAtDesk(office.deps, trust, { fileToken: token, name: `${token}.cbundle` });
  return { office, load, stored };
}

describe('importing at the oversight desk', () => {
  it('stores a verified period report whose counts agree with its trail, and records it in the ledger', async () => {
    const report = reportOf(berlin);
    const d = await desk('valid', { a: (card) => periodBundle(report, berlin, card, 1) });
    const result = await d.load('a');
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    const [stored] = await loadDeskReports(d.office.deps.db);
    expect(stored).toMatchObject({ officeName: 'Office Berlin', period: H1, tables: report.tables });
    expect(new TextEncoder().encode(stored?.exportJson)).toEqual(report.exportBytes);
    expect(await d.office.deps.db.bundleLedger.count()).toBe(1);
  });

  it('answers an imported report with a signed receipt that names it exactly, for its office', async () => {
    const report = reportOf(berlin);
    let sent: Uint8Array = new Uint8Array();
    const d = await desk('receipt', {
      a: async (card) => (sent = await periodBundle(report, berlin, card, 1)),
    });
    const imported = await d.load('a');
    if (!imported.ok) throw new Error(imported.error.message);
    const { writer, files } = recordingWriter();
    const deps = {
      ...d.office.deps,
      shell: { ...d.office.deps.shell, exchange: { ...d.office.deps.shell.exchange, ...writer } },
    };
    const trust = storeWith(kit, [berlin, hamburg]);
    const written = await exportReceipt(deps, trust, imported.value.receivedEntryId, 'folder-token');
    expect(written.ok, written.ok ? '' : written.error.message).toBe(true);
    expect(files).toHaveLength(1);

    // Berlin opens it: signed by the desk, addressed to Berlin, naming the report it sent by id and header digest.
    const frame = await readBundleFrame(kit, memorySource(sent));
    const opened = await verifyBundle(kit, {
      source: memorySource(files[0] ?? new Uint8Array()),
      trust: trustView(withCard(kit, {}, d.office.deps.own.card, T0 + DAY)),
      recipient: {
        signingPublicKey: berlin.identity.signingPublicKey,
        boxPrivateKeyPlaintext: berlin.identity.boxPrivateKeyPlaintext,
      },
      clock: () => T0 + DAY,
      ledger: { hasSeen: () => false, lastSequence: () => undefined },
    });
    if (!opened.ok || !opened.value.opened) throw new Error('the receipt did not verify');
    expect(opened.value.payload).toMatchObject({
      kind: 'receipt',
      body: {
        receivedBundleId: frame.header.bundleId,
        receivedKind: 'period-report',
        headerDigest: frame.headerDigest,
        status: 'imported',
      },
    });
    const ledger = await loadLedger(d.office.deps.db);
    expect(ledger.find((entry) => entry.direction === 'received')).toMatchObject({ status: 'receipt-sent' });
    expect(ledger.find((entry) => entry.direction === 'sent')).toMatchObject({
      kind: 'receipt',
      peerKey: frame.header.sender,
    });
  });

  it('refuses a report from an office whose key card it has not verified; nothing is stored', async () => {
    const d = await desk('unknown', { a: (card) => periodBundle(reportOf(stranger), stranger, card, 1) });
    const result = await d.load('a');
    expect(result.ok ? '' : result.error.code).toMatch(/^BUNDLE_/);
    expect(await d.stored()).toEqual({ reports: 0, recommendations: [], ledger: 0 });
  });

  it('refuses a report whose counts contradict its trail, naming the table and both figures; nothing is stored', async () => {
    const report = reportOf(berlin);
    const issued = report.tables['notices-issued'] ?? [];
    const inflated = {
      ...report,
      tables: { ...report.tables, 'notices-issued': issued.map((c) => ({ ...c, count: c.count + 2 })) },
    };
    const d = await desk('contradicts', { a: (card) => periodBundle(inflated, berlin, card, 1) });
    const result = await d.load('a');
    expect(result.ok ? '' : result.error.code).toBe('REPORT_CONTRADICTS_TRAIL');
    expect(result.ok ? '' : result.error.message).toContain(
      'table notices-issued, after-deferral says 3, the trail shows 1',
    );
    expect(await d.stored()).toEqual({ reports: 0, recommendations: [], ledger: 0 });
  });

  it('refuses a report whose audit export another office signed', async () => {
    const report = { ...reportOf(berlin), exportBytes: reportOf(hamburg).exportBytes };
    const d = await desk('other-export', { a: (card) => periodBundle(report, berlin, card, 1) });
    const result = await d.load('a');
    expect(result.ok ? '' : result.error.code).toBe('DESK_EXPORT_OTHER_OFFICE');
    expect(await d.stored()).toEqual({ reports: 0, recommendations: [], ledger: 0 });
  });

  it('refuses the same bundle twice, and an overlapping period from the same office; the first stays alone', async () => {
    const q2 = { from: '2026-04-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };
    const d = await desk('twice', {
      a: (card) => periodBundle(reportOf(berlin), berlin, card, 1),
      overlap: (card) => periodBundle(reportOf(berlin, q2), berlin, card, 2),
      hamburg: (card) => periodBundle(reportOf(hamburg), hamburg, card, 1),
    });
    expect((await d.load('a')).ok).toBe(true);
    const again = await d.load('a');
    expect(again.ok ? '' : again.error.code).toBe('BUNDLE_REPLAYED');
    const overlap = await d.load('overlap');
    expect(overlap.ok ? '' : overlap.error.code).toBe('COMBINE_OVERLAP');
    expect(await d.stored()).toEqual({ reports: 1, recommendations: [], ledger: 1 });
    // Another office over the same period is no overlap.
    expect((await d.load('hamburg')).ok).toBe(true);
    expect((await d.stored()).reports).toBe(2);
  });

  it('marks a recommendation answered by its office, and refuses an answer from another office or to none', async () => {
    const bundleId = 'cd'.repeat(16);
    const d = await desk('answers', {
      wrong: (card) => bundle('recommendation-response', { inReplyTo: bundleId, answer: 'Done.' }, hamburg, card, 1),
      unknown: (card) =>
        bundle('recommendation-response', { inReplyTo: 'ef'.repeat(16), answer: 'Done.' }, berlin, card, 1),
      right: (card) =>
        bundle(
          'recommendation-response',
          { inReplyTo: bundleId, answer: 'Notices are now tracked weekly.' },
          berlin,
          card,
          2,
        ),
    });
    const issued = {
      id: 'rec-1',
      type: 'desk-recommendation',
      recordedAt: T0 - DAY,
      bundleId,
      officeKey: berlin.card.card.signingKey,
      officeName: 'Office Berlin',
      findings: [{ type: 'notice-late', caseRef: 'case-0123456789abcdef', eventHash: 'ab'.repeat(32), dueAt: null }],
      action: 'Give notice on time.',
      answerBy: new Date(T0 + 30 * DAY).toISOString(),
      issuedAt: new Date(T0 - DAY).toISOString(),
      answer: null,
      closed: null,
    };
    await d.office.deps.db.oversight.put(issued);
    const wrong = await d.load('wrong');
    expect(wrong.ok ? '' : wrong.error.code).toBe('DESK_RESPONSE_WRONG_OFFICE');
    const unknown = await d.load('unknown');
    expect(unknown.ok ? '' : unknown.error.code).toBe('DESK_UNKNOWN_RECOMMENDATION');
    expect(await d.stored()).toEqual({ reports: 0, recommendations: [issued], ledger: 0 });
    const right = await d.load('right');
    expect(right.ok, right.ok ? '' : right.error.message).toBe(true);
    const [answered] = (await d.stored()).recommendations;
    expect(answered?.answer).toMatchObject({
      text: 'Notices are now tracked weekly.',
      at: new Date(T0 + DAY).toISOString(),
    });
    expect(await d.office.deps.db.bundleLedger.count()).toBe(1);
  });
});
