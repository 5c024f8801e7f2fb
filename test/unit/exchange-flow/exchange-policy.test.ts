import { describe, expect, it } from 'vitest';
import { kindOptions } from '@shared/exchange/exchange-policy';
import { describeWorkflowMessages } from '@shared/workflow/describe-workflow-message';
import { nextSequence, replayView, sentEntryFor, type LedgerEntry } from '@shared/exchange/ledger-entry';
import { defaultSelection, presentFields, shareCase, sharedCaseSchema } from '@shared/exchange/shared-case';
import { recordExport } from '@shared/exchange/export-record';
import { bundleFileName, groupHex } from '@shared/exchange/transmittal-slip';
import { keyCardFileName } from '@shared/offices/key-card-file-name';
import { exportRequestSchema } from '@shared/ipc/contract';
import { alice, makeContext, requestTo, rita } from '../workflow/workflow-fixtures';

const PEER = 'b'.repeat(64);

function entry(over: Partial<LedgerEntry>): LedgerEntry {
  const base: LedgerEntry = {
    id: 'x',
    direction: 'sent',
    bundleId: '1'.repeat(32),
    kind: 'request',
    peerKey: PEER,
    peerName: 'Partner',
    caseId: 'case-data-access-request',
    caseRef: 'DE-BFDI-2026-0042',
    sequence: 1,
    headerDigest: 'd'.repeat(128),
    fileHash: null,
    fileName: null,
    size: 1,
    recordedAt: 0,
    status: 'awaiting-receipt',
    deliveredAt: null,
    shared: null,
  };
  return { ...base, id: crypto.randomUUID(), ...over };
}

describe('minimisation', () => {
  const { context, clock } = makeContext();
  const c = requestTo('authorised', context, clock).case;

  it('offers only fields with content and leaves personal data unticked by default', () => {
    expect(presentFields(c)).toEqual(
      expect.arrayContaining(['title', 'purpose', 'legalBasis', 'dataCategories', 'affectedPeople', 'assessment']),
    );
    expect(presentFields(c)).not.toContain('emergency');
    expect(defaultSelection(c)).not.toContain('affectedPeople');
    expect(defaultSelection(c)).toContain('purpose');
  });

  it('puts exactly the chosen fields in the bundle, and nothing else of the case', () => {
    const shared = shareCase(c, ['purpose'], []);
    expect(shared).toEqual({ originatingJurisdiction: 'DE', procedure: c.procedure, purpose: c.purpose });
    const everything = shareCase(c, presentFields(c), [{ title: 'Log', contentHash: 'a'.repeat(64) }]);
    expect(sharedCaseSchema.parse(everything)).toEqual(everything);
    expect(everything.affectedPeople?.map((p) => p.name)).toEqual(['Person One', 'Person Two']);
    expect(JSON.stringify(everything)).not.toContain('"notice":');
    expect(JSON.stringify(shareCase(c, defaultSelection(c), []))).not.toContain('Person One');
  });
});

describe('which bundle a case may become', () => {
  const { context, clock } = makeContext();

  it('a request only where the engine allows sending, with the engine’s reasons otherwise', () => {
    const draft = requestTo('draft-complete', context, clock).case;
    const refused = kindOptions(draft, alice, context, []).find((option) => option.kind === 'request');
    expect(refused).toMatchObject({ available: false });
    expect(refused && !refused.available && describeWorkflowMessages(refused.reasons).join(' ')).toContain(
      'possible only in stage authorised',
    );
    const authorised = requestTo('authorised', context, clock).case;
    expect(kindOptions(authorised, alice, context, []).find((option) => option.kind === 'request')).toEqual({
      kind: 'request',
      available: true,
      recipients: 'any',
    });
  });

  it('a response only to the office that sent the request, once', () => {
    const c = requestTo('draft-complete', context, clock).case;
    const received = entry({ direction: 'received', caseId: c.id, kind: 'request', status: 'received' });
    expect(kindOptions(c, alice, context, [received]).find((option) => option.kind === 'response')).toEqual({
      kind: 'response',
      available: true,
      recipients: { only: PEER },
    });
    expect(kindOptions(c, alice, context, [received]).find((option) => option.kind === 'request')?.available).toBe(
      false,
    );
    const answered = [received, entry({ direction: 'sent', caseId: c.id, kind: 'response', bundleId: '2'.repeat(32) })];
    expect(kindOptions(c, alice, context, answered).find((option) => option.kind === 'response')?.available).toBe(
      false,
    );
  });

  it('a challenge once lodged; a decision only for a received challenge that was decided', () => {
    const lodged = requestTo('challenge-lodged', context, clock).case;
    expect(kindOptions(lodged, alice, context, []).find((option) => option.kind === 'challenge')?.available).toBe(true);
    expect(kindOptions(lodged, alice, context, []).find((option) => option.kind === 'decision')?.available).toBe(false);
    const decided = requestTo('remedies', makeContext().context, makeContext().clock).case;
    const origin = entry({ direction: 'received', caseId: decided.id, kind: 'challenge', status: 'received' });
    expect(kindOptions(decided, rita, context, [origin]).find((option) => option.kind === 'decision')).toEqual({
      kind: 'decision',
      available: true,
      recipients: { only: PEER },
    });
  });

  it('records an export: a request advances the case, and the audit event names bundle, recipient and fields only', () => {
    const c = requestTo('authorised', context, clock).case;
    const recorded = recordExport(c, alice, context, {
      bundleId: 'f'.repeat(32),
      kind: 'request',
      message: '',
      recipientKey: PEER,
      sequence: 3,
      fields: ['purpose'],
      files: 1,
    });
    expect(recorded.ok).toBe(true);
    if (!recorded.ok) return;
    expect(recorded.case.stage).toBe('request-sent');
    expect(recorded.events.map((event) => event.action)).toEqual(['send-request', 'bundle-exported']);
    expect(recorded.events[1]?.details).toEqual({
      bundleId: 'f'.repeat(32),
      kind: 'request',
      recipient: PEER.slice(0, 16),
      sequence: 3,
      fields: ['purpose'],
      files: 1,
    });
    expect(recorded.case.audit.count).toBe(c.audit.count + 2);
    const draft = requestTo('draft-complete', context, clock).case;
    expect(
      recordExport(draft, alice, context, {
        bundleId: 'f'.repeat(32),
        kind: 'request',
        message: '',
        recipientKey: PEER,
        sequence: 1,
        fields: [],
        files: 0,
      }).ok,
    ).toBe(false);
  });
});

describe('ledger', () => {
  it('answers replay questions from received entries only, per sender', () => {
    const ledger = [
      entry({ direction: 'received', sequence: 4, bundleId: 'a'.repeat(32) }),
      entry({ direction: 'received', sequence: 2, bundleId: 'c'.repeat(32) }),
      entry({ direction: 'sent', sequence: 9, bundleId: 'e'.repeat(32) }),
    ];
    const view = replayView(ledger);
    expect(view.hasSeen(PEER, 'a'.repeat(32))).toBe(true);
    expect(view.hasSeen(PEER, 'e'.repeat(32))).toBe(false);
    expect(view.hasSeen('c'.repeat(64), 'a'.repeat(32))).toBe(false);
    expect(view.lastSequence(PEER)).toBe(4);
    expect(view.lastSequence('c'.repeat(64))).toBeUndefined();
  });

  it('counts sequence numbers per recipient from 1, and matches receipts by id and digest', () => {
    const sent = entry({ sequence: 2 });
    expect(nextSequence([], PEER)).toBe(1);
    expect(nextSequence([sent, entry({ direction: 'received', sequence: 7, bundleId: '9'.repeat(32) })], PEER)).toBe(3);
    expect(nextSequence([sent], 'c'.repeat(64))).toBe(1);
    expect(sentEntryFor([sent], PEER, sent.bundleId, sent.headerDigest)).toBe(sent);
    expect(sentEntryFor([sent], PEER, sent.bundleId, 'e'.repeat(128))).toBeUndefined();
    expect(sentEntryFor([sent], 'c'.repeat(64), sent.bundleId, sent.headerDigest)).toBeUndefined();
  });

  it('names files after kind and id only, and groups hashes for reading aloud', () => {
    expect(bundleFileName('request', '0123456789abcdef0123456789abcdef')).toBe(
      'casebridge-request-0123456789abcdef.cbundle',
    );
    expect(groupHex('0123456789abcdef01')).toBe('01234567 89abcdef 01');
  });

  it('names a key-card file after the office and its first fingerprint groups, in plain ASCII the writer accepts', () => {
    const name = keyCardFileName(
      'Commission des Ports Calmes — Île-de-France',
      ['01234', '56789', '13579'],
      'ab'.repeat(16),
    );
    expect(name).toBe('casebridge-key-card-Commission-des-Ports-Calmes-Ile-de-France-01234-56789-abababab.cbundle');
    expect(keyCardFileName('Ελληνική Αρχή', ['01234', '56789'], 'cd'.repeat(16))).toBe(
      'casebridge-key-card-01234-56789-cdcdcdcd.cbundle',
    );
    for (const office of ['Bureau of Quiet Harbours', 'x'.repeat(300), '../../etc', 'Ελληνική Αρχή']) {
      const fileName = keyCardFileName(office, ['01234', '56789'], 'ef'.repeat(16));
      expect(exportRequestSchema.shape.fileName.safeParse(fileName).success).toBe(true);
    }
  });
});
