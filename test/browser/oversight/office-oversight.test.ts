import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '@shared/bytes/bytes';
import type { PayloadBody } from '@shared/bundle/bundle-payloads';
import { verifyOversightExport } from '@shared/oversight/oversight-audit-export';
import { yearPeriod } from '@shared/reports/report-period';
import { loadLedger } from '../../../renderer/src/exchange/ledger-store';
import { prepareImport } from '../../../renderer/src/exchange/import-bundle';
import {
  answerRecommendation,
  applyRecommendationImport,
} from '../../../renderer/src/exchange/recommendation-exchange';
import { AUDIT_EXPORT_NAME, sendPeriodReport } from '../../../renderer/src/exchange/send-period-report';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import {
  chooseOversightBody,
  loadOfficeOversight,
  openRecommendations,
} from '../../../renderer/src/oversight/office-oversight-store';
import { buildOversightFile } from '../../../renderer/src/screens/reports/build-oversight-file';
import { DAY, makeOffice, T0 } from '../../unit/bundle/bundle-fixtures';
import { sentRequest } from '../../unit/reports/sent-request';
import { withCard } from '../../support/office-cards';
import { kit } from '../vault/vault-test-kit';
import { officeWithBody, openAtBody, recommendationFile } from './office-oversight-fixture';

beforeAll(async () => {
  await initI18n('en');
});

const NOW = T0 + DAY;

const recommendation: PayloadBody<'recommendation'> = {
  findings: [
    {
      type: 'notice-late',
      caseRef: 'case-0123456789abcdef',
      eventHash: 'ab'.repeat(32),
      dueAt: '2026-09-01T00:00:00.000Z',
    },
  ],
  action: 'Give notice within the deferral you decided, and train the team on review dates.',
  answerBy: '2027-01-15T00:00:00.000Z',
};

/** An office whose administrator chose the Harbour Oversight Board. */
async function officeAnsweringToBody(label: string) {
  const office = await officeWithBody(label, NOW);
  const chosen = await chooseOversightBody(office.vault.db, kit, office.trust, {
    signingKey: office.body.card.card.signingKey,
    by: office.deps.actor.id,
    isAdministrator: true,
    now: NOW,
  });
  if (!chosen.ok) throw new Error(chosen.error.message);
  return office;
}

describe('the office and its oversight body', () => {
  it('chooses only a verified partner, only by an administrator, and one body at a time', async () => {
    const office = await officeWithBody('oversight-choose', NOW);
    const stranger = makeOffice(kit, 63, 'Unverified Board', 'DE');
    const trust = withCard(kit, office.trust, stranger.card, NOW, false);
    const choose = (signingKey: string, isAdministrator = true) =>
      chooseOversightBody(office.vault.db, kit, trust, { signingKey, by: 'p-admin', isAdministrator, now: NOW });

    expect(await choose(stranger.card.card.signingKey)).toMatchObject({ ok: false, error: { code: 'not-verified' } });
    expect(await choose(office.body.card.card.signingKey, false)).toMatchObject({
      ok: false,
      error: { code: 'not-administrator' },
    });
    expect(await office.oversightCount()).toBe(0);

    expect((await choose(office.body.card.card.signingKey)).ok).toBe(true);
    const again = await chooseOversightBody(office.vault.db, kit, trust, {
      signingKey: office.partner.card.card.signingKey,
      by: 'p-admin',
      isAdministrator: true,
      now: NOW + 1000,
    });
    expect(again.ok).toBe(true);
    // Replaced, not added: the office has one oversight body.
    expect(await office.oversightCount()).toBe(1);
    expect((await loadOfficeOversight(office.vault.db)).body).toMatchObject({
      signingKey: office.partner.card.card.signingKey,
      officeName: 'Commission des Ports Calmes',
      chosenBy: 'p-admin',
    });
  });

  it('sends a period report the body opens: the true counts and the signed audit export of the period', async () => {
    const office = await officeAnsweringToBody('oversight-send');
    const period = yearPeriod(2025);
    // Three requests to France: "<5" in the public report, 3 in what the body is entitled to.
    const cases = [
      sentRequest('FR', 'art-6-1-c', 10),
      sentRequest('FR', 'art-6-1-c', 40),
      sentRequest('FR', 'art-6-1-e', 90),
    ];
    cases.push(sentRequest('IT', 'art-6-1-e', 200));
    const auditExport = await buildOversightFile(office.vault.db, office.own, period, new Date(NOW));
    if (!auditExport.ok) throw new Error(auditExport.error.message);

    const sent = await sendPeriodReport(office.deps, office.trust, {
      period,
      cases,
      auditExport: auditExport.value,
      folderToken: 'stick',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    expect(office.drive.files).toHaveLength(1);

    const { bundle, attachments } = await openAtBody(
      office.drive.files[0] ?? new Uint8Array(),
      office.body,
      office.own.card,
      NOW,
    );
    expect(bundle.header.bundleId).toBe(sent.value.bundleId);
    if (bundle.payload.kind !== 'period-report') throw new Error(`a ${bundle.payload.kind} arrived`);
    expect(bundle.payload.body.period).toEqual({ from: period.from, to: period.to });
    expect(bundle.payload.body.tables['requests-sent-by-partner']).toEqual([
      { key: 'FR', count: 3 },
      { key: 'IT', count: 1 },
    ]);
    expect(bundle.payload.body.tables['requests-sent-by-legal-basis']).toEqual([
      { key: 'art-6-1-c', count: 2 },
      { key: 'art-6-1-e', count: 2 },
    ]);
    expect(bundle.attachments).toEqual([
      expect.objectContaining({ name: AUDIT_EXPORT_NAME, mediaType: 'application/json' }),
    ]);
    expect(attachments).toHaveLength(1);
    const verified = verifyOversightExport(kit, attachments[0] ?? new Uint8Array(), [
      toHex(office.own.signer.publicKey),
    ]);
    if (!verified.ok) throw new Error(verified.error.message);
    expect(verified.value.body.scope).toEqual({ kind: 'period', from: period.from, to: period.to });

    // Recorded: the ledger's sent entry, and exactly what was sent, by whom.
    const ledger = await loadLedger(office.vault.db);
    expect(ledger).toEqual([
      expect.objectContaining({
        direction: 'sent',
        kind: 'period-report',
        bundleId: sent.value.bundleId,
        peerKey: office.body.card.card.signingKey,
        status: 'sent',
      }),
    ]);
    const stored = await loadOfficeOversight(office.vault.db);
    expect(stored.reportsSent).toEqual([
      expect.objectContaining({
        bundleId: sent.value.bundleId,
        period,
        sentBy: office.deps.actor.id,
        sentAt: NOW,
        bodyName: 'Harbour Oversight Board',
        exportHash: toHex(kit.hash(auditExport.value, 32)),
      }),
    ]);
    expect(stored.reportsSent[0]?.totals).toMatchObject({
      'requests-sent-by-partner': 4,
      'requests-sent-by-legal-basis': 4,
      'requests-received-by-partner': 0,
    });
  });

  it('sends nothing while no oversight body is chosen', async () => {
    const office = await officeWithBody('oversight-send-none', NOW);
    const sent = await sendPeriodReport(office.deps, office.trust, {
      period: yearPeriod(2025),
      cases: [],
      auditExport: new Uint8Array([123, 125]),
      folderToken: 'stick',
    });
    expect(sent).toMatchObject({ ok: false, error: { code: 'no-oversight-body' } });
    expect(office.drive.files).toHaveLength(0);
    expect(await office.counts()).toMatchObject({ ledger: 0 });
  });

  it('takes a recommendation from its oversight body, once, and answers it with a signed response', async () => {
    const office = await officeAnsweringToBody('oversight-recommendation');
    office.stickFiles.set('rec', await recommendationFile(office.body, office.own.card, recommendation, NOW));
    const prepared = await prepareImport(office.deps, office.trust, { fileToken: 'rec', name: 'rec.cbundle' });
    if (prepared.status !== 'recommendation') throw new Error(`prepared as ${prepared.status}`);
    // Verifying stores nothing.
    expect(await office.oversightCount()).toBe(1);
    const applied = await applyRecommendationImport(office.deps, prepared);
    if (!applied.ok) throw new Error(applied.error.message);

    const stored = await loadOfficeOversight(office.vault.db);
    expect(openRecommendations(stored)).toEqual([
      expect.objectContaining({
        bundleId: prepared.bundleId,
        senderName: 'Harbour Oversight Board',
        findings: recommendation.findings,
        action: recommendation.action,
        answerBy: recommendation.answerBy,
        receivedAt: NOW,
        answer: null,
      }),
    ]);
    expect(await loadLedger(office.vault.db)).toEqual([
      expect.objectContaining({ direction: 'received', kind: 'recommendation', bundleId: prepared.bundleId }),
    ]);

    // The same file again: the replay ledger stops it, and nothing more is stored.
    const replayed = await prepareImport(office.deps, office.trust, { fileToken: 'rec', name: 'rec.cbundle' });
    expect(replayed.status).toBe('already');
    expect(await office.oversightCount()).toBe(2);
    expect(await office.counts()).toMatchObject({ ledger: 1 });

    // The answer: a recommendation-response to the body, naming the recommendation.
    const id = openRecommendations(stored)[0]?.id ?? '';
    const answer = 'We gave notice on 2 December and set a review reminder for every deferral.';
    const answered = await answerRecommendation(office.deps, office.trust, {
      recommendationId: id,
      answer,
      folderToken: 'stick',
    });
    if (!answered.ok) throw new Error(answered.error.message);
    const { bundle } = await openAtBody(office.drive.files[0] ?? new Uint8Array(), office.body, office.own.card, NOW);
    expect(bundle.payload).toEqual({
      kind: 'recommendation-response',
      body: { inReplyTo: prepared.bundleId, answer },
    });
    const after = await loadOfficeOversight(office.vault.db);
    expect(openRecommendations(after)).toEqual([]);
    expect(after.recommendations[0]?.answer).toEqual({
      text: answer,
      answeredAt: NOW,
      answeredBy: office.deps.actor.id,
      bundleId: bundle.header.bundleId,
    });
    expect((await loadLedger(office.vault.db)).map((entry) => `${entry.direction} ${entry.kind}`).sort()).toEqual([
      'received recommendation',
      'sent recommendation-response',
    ]);
    // Answered once: a second answer writes nothing.
    const twice = await answerRecommendation(office.deps, office.trust, {
      recommendationId: id,
      answer,
      folderToken: 'stick',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'already-answered' } });
    expect(office.drive.files).toHaveLength(1);
  });

  it('refuses a recommendation from a partner that is not its oversight body, and stores nothing', async () => {
    const office = await officeAnsweringToBody('oversight-wrong-sender');
    office.stickFiles.set('rec', await recommendationFile(office.partner, office.own.card, recommendation, NOW));
    const before = await office.counts();
    const prepared = await prepareImport(office.deps, office.trust, { fileToken: 'rec', name: 'rec.cbundle' });
    expect(prepared).toMatchObject({
      status: 'refused',
      code: 'IMPORT_NOT_OUR_OVERSIGHT_BODY',
      senderName: 'Commission des Ports Calmes',
    });
    expect(await office.counts()).toEqual(before);
    expect(await office.oversightCount()).toBe(1);
  });

  it('refuses a recommendation for another office (not for us) and stores nothing', async () => {
    const office = await officeAnsweringToBody('oversight-not-for-us');
    const elsewhere = makeOffice(kit, 64, 'Office Elsewhere', 'IT');
    office.stickFiles.set('rec', await recommendationFile(office.body, elsewhere.card, recommendation, NOW));
    const before = await office.counts();
    const prepared = await prepareImport(office.deps, office.trust, { fileToken: 'rec', name: 'rec.cbundle' });
    expect(prepared).toMatchObject({ status: 'refused', code: 'BUNDLE_NOT_FOR_US' });
    expect(await office.counts()).toEqual(before);
    expect(await office.oversightCount()).toBe(1);
  });
});
