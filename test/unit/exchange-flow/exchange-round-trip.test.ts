import { refusalGroundsFor } from '@shared/vocab/vocabulary';
import { describe, expect, it } from 'vitest';
import { receiptBodyFor } from '@shared/bundle/receipt-body';
import { caseBundleBody } from '@shared/exchange/bundle-bodies';
import { partnerActor } from '@shared/exchange/exchange-actors';
import { planImport } from '@shared/exchange/import-plan';
import { defaultSelection } from '@shared/exchange/shared-case';
import { transition } from '@shared/workflow/transition';
import { alice, bob, DAY, makeContext, requestTo, rita } from '../workflow/workflow-fixtures';
import { asImport, local, makeOffice, receive, receivedEntry, send, trustEachOther, verifyAt } from './office-fixtures';
import { describeWorkflowMessages } from '@shared/workflow/describe-workflow-message';

describe('exchange round trips through real bundles', () => {
  it('request → new partner case; response → response recorded; receipt → delivered; replay refused by the verifier', async () => {
    const { context, clock } = makeContext();
    const now = () => clock.ms;
    const a = makeOffice('Bureau of Quiet Harbours', 'DE', now());
    const b = makeOffice('Commission des Ports Calmes', 'FR', now());
    trustEachOther(a, b, now());
    const authorised = requestTo('authorised', context, clock).case;
    const requestBody = caseBundleBody(
      authorised,
      { kind: 'request', fields: defaultSelection(authorised), evidence: [], message: 'Urgent' },
      undefined,
    );
    expect(requestBody.ok).toBe(true);
    if (!requestBody.ok) return;
    const requestBytes = await send(a, b, 'request', requestBody.body, now(), {
      caseId: authorised.id,
      caseRef: authorised.references.local,
    });

    const atB = await receive(b, requestBytes, now());
    const plan = planImport(asImport(atB, a), local(b, context, [], 'FR-CPC-2026-0001'));
    expect(plan.ok).toBe(true);
    if (!plan.ok || plan.type !== 'create') throw new Error('expected a new case');
    expect(plan.case.references).toEqual({
      local: 'FR-CPC-2026-0001',
      partner: [{ jurisdiction: 'DE', reference: authorised.references.local }],
    });
    expect(plan.case.purpose).toBe(authorised.purpose);
    expect(plan.case.affectedPeople).toEqual([]);
    // Paris's own work: a received request on its own side, never a draft for Paris to authorise.
    expect(plan.case.stage).toBe('received');
    expect(plan.case.side).toBe('executing');
    expect(plan.case.authorisation).toBeNull();
    expect(plan.case.procedure).toEqual(authorised.procedure);
    expect(plan.case.incoming).toMatchObject({
      coveringNote: 'Urgent',
      from: { office: 'Bureau of Quiet Harbours', jurisdiction: 'DE', reference: authorised.references.local },
      ownJurisdiction: 'FR',
    });
    expect(plan.events.at(-1)?.action).toBe('bundle-imported');
    expect(plan.case.audit.count).toBe(plan.events.length);
    expect(plan.case.caseworkerIds).toEqual([partnerActor(a.key, 'caseworker').id]);
    b.ledger.push(receivedEntry(a, atB, now(), { caseId: plan.case.id, caseRef: authorised.references.local }));
    // The same file again: the verifier refuses it as a replay, so nothing is planned twice.
    const again = await verifyAt(b, requestBytes, now());
    expect(again.ok ? 'accepted' : again.error.code).toBe('BUNDLE_REPLAYED');

    // B answers: a receipt, then a response.
    const receiptBytes = await send(
      b,
      a,
      'receipt',
      receiptBodyFor(atB.header, atB.headerDigest, now(), { status: 'imported' }),
      now(),
    );
    const origin = b.ledger.find((e) => e.direction === 'received');
    const ground = refusalGroundsFor(plan.case.procedure.id)[0]?.code ?? 'none';
    const decided = transition(
      plan.case,
      bob,
      { type: 'decide-recognition', outcome: 'accepted-in-part', grounds: [ground], reasons: 'Part is privileged.' },
      context,
    );
    if (!decided.ok) throw new Error(JSON.stringify(decided.refusal));
    const responseBody = caseBundleBody(
      decided.case,
      { kind: 'response', fields: [], evidence: [], message: 'Record attached.' },
      origin,
    );
    if (!responseBody.ok) throw new Error(responseBody.reason);
    const responseBytes = await send(b, a, 'response', responseBody.body, now());

    const receipt = await receive(a, receiptBytes, now());
    const receiptPlan = planImport(asImport(receipt, b), local(a, context, [authorised], 'unused'));
    expect(receiptPlan).toMatchObject({ ok: true, type: 'receipt', sent: { bundleId: atB.header.bundleId } });
    a.ledger.push(receivedEntry(b, receipt, now()));
    const sent = await send(a, b, 'request', requestBody.body, now());
    expect(sent.length).toBeGreaterThan(0);

    const afterSend = transition(authorised, alice, { type: 'send-request' }, context);
    if (!afterSend.ok) throw new Error('send refused');
    const response = await receive(a, responseBytes, now());
    // The same response for the case before it was marked sent: the workflow refuses, and its reasons travel as data.
    const early = planImport(asImport(response, b), local(a, context, [authorised], 'unused'));
    expect(early).toMatchObject({ ok: false, code: 'IMPORT_WORKFLOW_REFUSED' });
    expect(early.ok ? [] : early.messages.map((m) => m.code)).not.toEqual([]);
    const responsePlan = planImport(asImport(response, b), local(a, context, [afterSend.case], 'unused'));
    if (!responsePlan.ok || responsePlan.type !== 'update') throw new Error(JSON.stringify(responsePlan));
    expect(responsePlan.case.stage).toBe('response-received');
    expect(responsePlan.case.response?.summary).toBe('Record attached.');
    // Bonn sees Paris's reference and its decision on recognition.
    expect(responsePlan.case.response).toMatchObject({
      responderReference: 'FR-CPC-2026-0001',
      recognition: { outcome: 'accepted-in-part', grounds: [ground] },
    });
    expect(responsePlan.case.references.partner).toContainEqual({ jurisdiction: 'FR', reference: 'FR-CPC-2026-0001' });
    expect(responsePlan.expectedHead).toEqual(afterSend.case.audit);
  });

  it('a response to a request never sent is refused by class; a decision drives review and decision at the challenger', async () => {
    const { context, clock } = makeContext();
    const now = () => clock.ms;
    const a = makeOffice('Bureau of Quiet Harbours', 'DE', now());
    const r = makeOffice('Harbour Redress Board', 'NL', now());
    trustEachOther(a, r, now());
    const stray = await send(
      r,
      a,
      'response',
      { caseRef: 'X-1', inReplyTo: '7'.repeat(32), case: { summary: 'hi', responderReference: 'NL-1' } },
      now(),
    );
    const strayPlan = planImport(asImport(await receive(a, stray, now()), r), local(a, context, [], 'unused'));
    expect(strayPlan).toMatchObject({ ok: false, code: 'IMPORT_NO_MATCHING_CASE' });

    const lodged = requestTo('challenge-lodged', context, clock).case;
    const challengeBody = caseBundleBody(
      lodged,
      { kind: 'challenge', fields: ['purpose', 'legalBasis'], evidence: [], message: '' },
      undefined,
    );
    if (!challengeBody.ok) throw new Error(challengeBody.reason);
    const challengeBytes = await send(a, r, 'challenge', challengeBody.body, now(), {
      caseId: lodged.id,
      caseRef: lodged.references.local,
    });

    const atR = await receive(r, challengeBytes, now());
    const rPlan = planImport(asImport(atR, a), local(r, context, [], 'NL-HRB-2026-0001'));
    if (!rPlan.ok || rPlan.type !== 'create') throw new Error(JSON.stringify(rPlan));
    expect(rPlan.case.stage).toBe('challenge-lodged');
    expect(rPlan.case.challenge?.grounds).toEqual(['disproportionate']);
    // The redress officer at R did not work the case, so the engine lets them review and decide.
    const reviewed = transition(rPlan.case, rita, { type: 'begin-review' }, context);
    if (!reviewed.ok) throw new Error(describeWorkflowMessages(reviewed.refusal.missing).join());
    const decided = transition(
      reviewed.case,
      rita,
      {
        type: 'decide',
        outcome: 'quashed',
        reasons: 'No necessity shown.',
        remedies: [{ code: 'erase-data', description: 'Erase all', dueAt: new Date(now() + 20 * DAY).toISOString() }],
      },
      context,
    );
    if (!decided.ok) throw new Error(describeWorkflowMessages(decided.refusal.missing).join());
    r.ledger.push(receivedEntry(a, atR, now(), { caseId: decided.case.id, caseRef: lodged.references.local }));
    const decisionBody = caseBundleBody(
      decided.case,
      { kind: 'decision', fields: [], evidence: [], message: '' },
      r.ledger.at(-1),
    );
    if (!decisionBody.ok) throw new Error(decisionBody.reason);
    expect(decisionBody.kind === 'decision' && decisionBody.body.outcome).toBe('upheld');
    const decisionBytes = await send(r, a, 'decision', decisionBody.body, now());

    const aPlan = planImport(
      asImport(await receive(a, decisionBytes, now()), r),
      local(a, context, [lodged], 'unused'),
    );
    if (!aPlan.ok || aPlan.type !== 'update') throw new Error(JSON.stringify(aPlan));
    expect(aPlan.case.stage).toBe('remedies');
    expect(aPlan.case.decision).toMatchObject({
      outcome: 'quashed',
      decidedBy: partnerActor(r.key, 'redress-officer').id,
    });
    expect(aPlan.events.map((event) => event.action)).toEqual(['begin-review', 'decide', 'bundle-imported']);
  });
});

describe('importing an expired bundle on a person’s decision', () => {
  it('keeps the reason as a case note and marks the import event; an empty reason is refused', async () => {
    const { context, clock } = makeContext();
    const now = () => clock.ms;
    const a = makeOffice('Bureau of Quiet Harbours', 'DE', now());
    const b = makeOffice('Commission des Ports Calmes', 'FR', now());
    trustEachOther(a, b, now());
    const authorised = requestTo('authorised', context, clock).case;
    const body = caseBundleBody(
      authorised,
      { kind: 'request', fields: ['purpose'], evidence: [], message: '' },
      undefined,
    );
    if (!body.ok) throw new Error(body.reason);
    const bundle = asImport(await receive(b, await send(a, b, 'request', body.body, now()), now()), a);
    const plan = planImport(bundle, {
      ...local(b, context, [], 'FR-CPC-2026-0002'),
      expiryOverride: { reason: 'Courier delayed by a strike; content confirmed by phone.' },
    });
    if (!plan.ok || plan.type !== 'create') throw new Error(JSON.stringify(plan));
    expect(plan.case.notes.map((note) => note.text)).toEqual([
      `Bundle ${bundle.bundleId} was imported after it expired. Reason: Courier delayed by a strike; content confirmed by phone.`,
    ]);
    expect(plan.events.at(-1)?.details).toMatchObject({ expiryOverridden: 'yes', bundleId: bundle.bundleId });
    expect(
      planImport(bundle, { ...local(b, context, [], 'FR-CPC-2026-0003'), expiryOverride: { reason: '  ' } }),
    ).toMatchObject({ ok: false, code: 'IMPORT_CONTENT_INVALID' });
  });
});
