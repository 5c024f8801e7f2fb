import { describe, expect, it } from 'vitest';
import { toHex } from '@shared/bytes/bytes';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { pseudonymousCaseRef } from '@shared/oversight/case-reference';
import { findCompliance } from '@shared/oversight/findings/find-compliance';
import { createOversightExport } from '@shared/oversight/oversight-audit-export';
import type { WorkflowAction } from '@shared/workflow/workflow-action';
import {
  AUTHORISER,
  CASEWORKER,
  COLLEAGUE,
  PERSON_ID,
  REVIEWER,
  Story,
  TRUSTED,
  certificates,
  exportOf,
  findingsOf,
  kit,
  office,
  ofType,
  officeSigner,
} from './desk-trails';

const defer = (reviewAt: string) =>
  ({ type: 'defer-notice', personId: PERSON_ID, reasons: 'Telling now would alert a suspect.', reviewAt }) as const;
const tell = { type: 'issue-notice', personId: PERSON_ID, method: 'email', language: 'fr' } as const;

describe('notice given late or never', () => {
  it('finds notice given after the deferral’s review date, at the notice event', () => {
    const story = new Story('bfdi-late').answered();
    const deferral = story.advance(1).iso(30);
    story.act(CASEWORKER, defer(deferral)).advance(45).act(CASEWORKER, tell);
    const findings = findingsOf([story], story.iso(1));
    expect(ofType(findings, 'notice-late')).toEqual([['notice-late', story.hashOf('issue-notice'), null]]);
    expect(findings.find((f) => f.type === 'notice-late')?.dueAt).toBe(deferral);
    expect(ofType(findings, 'notice-never')).toEqual([]);
  });

  it('finds a deferral whose review date passed with nothing decided, at the deferral, as of the date judged', () => {
    const story = new Story('bfdi-never').answered();
    story.advance(1).act(CASEWORKER, defer(story.iso(30)));
    const asOf = story.iso(45);
    expect(ofType(findingsOf([story], asOf), 'notice-never')).toEqual([
      ['notice-never', story.hashOf('defer-notice'), asOf],
    ]);
    // Judged before the review date, nothing was due yet.
    expect(ofType(findingsOf([story], story.iso(20)), 'notice-never')).toEqual([]);
  });

  it('finds a person still deferred when the case was purged: with the contact gone, notice can never be given', () => {
    const story = new Story('bfdi-purged-untold').answered();
    story.advance(1).act(CASEWORKER, defer(story.iso(150)));
    story.advance(2).act(CASEWORKER, { type: 'withdraw', reason: 'The platform fixed it.' });
    // The workflow now refuses this purge (purge-notice-deferred); a trail from software that did not is found.
    story.advance(360);
    expect(story.refuses(CASEWORKER, { type: 'purge' })).toBe(true);
    story.seal(CASEWORKER, {
      type: 'case-purged',
      action: 'purge',
      fromStage: 'closed',
      toStage: 'purged',
      details: {},
    });
    const purgedAt = story.events.at(-1)?.at ?? '';
    expect(ofType(findingsOf([story], story.iso(1)), 'notice-never')).toEqual([
      ['notice-never', story.hashOf('defer-notice'), purgedAt],
    ]);
  });

  it('finds nothing when notice was given before the review date, or the deferral renewed in time', () => {
    const told = new Story('bfdi-told').answered();
    told
      .advance(1)
      .act(CASEWORKER, defer(told.iso(30)))
      .advance(20)
      .act(CASEWORKER, tell);
    const renewed = new Story('bfdi-renewed').answered();
    renewed
      .advance(1)
      .act(CASEWORKER, defer(renewed.iso(30)))
      .advance(30);
    renewed.act(CASEWORKER, defer(renewed.iso(60)));
    const findings = findingsOf([told, renewed], renewed.iso(40));
    expect(findings.filter((f) => f.type === 'notice-late' || f.type === 'notice-never')).toEqual([]);
  });
});

describe('deferrals beyond their cap', () => {
  it('finds a deferral longer than one may run (the workflow refuses it; an office’s software that did not is found)', () => {
    const story = new Story('bfdi-cap').answered();
    const yearAhead = story.iso(365);
    expect(story.refuses(CASEWORKER, defer(yearAhead))).toBe(true);
    story.seal(CASEWORKER, {
      type: 'record-changed',
      action: 'defer-notice',
      fromStage: 'response-received',
      toStage: 'notice',
      details: { personId: PERSON_ID, reviewAt: yearAhead, deferralCount: 1 },
    });
    const [finding, ...rest] = findingsOf([story], story.iso(1)).filter((f) => f.type === 'deferral-beyond-cap');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ eventHash: story.hashOf('defer-notice'), asOf: null });
    // Six months from the day of the deferral, the workflow's default, which the source says is unverified.
    expect(finding?.dueAt?.slice(0, 10)).toBe('2026-07-16');
    expect(finding?.source).toMatch(/6 months per deferral.*unverified/);
  });

  it('finds nothing for a deferral within the cap', () => {
    const story = new Story('bfdi-within-cap').answered();
    story.act(CASEWORKER, defer(story.iso(170)));
    expect(ofType(findingsOf([story], story.iso(1)), 'deferral-beyond-cap')).toEqual([]);
  });
});

describe('emergency measures past their sunset', () => {
  const emergency = (story: Story, days: number) => ({
    emergency: { justification: 'Imminent risk to life.', sunsetAt: story.iso(days) },
  });

  it('finds a sunset passed with no review, at the authorisation that set it, as of the date judged', () => {
    const story = new Story('bfdi-sunset');
    story.authorised(emergency(story, 3));
    const asOf = story.iso(10);
    expect(ofType(findingsOf([story], asOf), 'emergency-past-sunset')).toEqual([
      ['emergency-past-sunset', story.hashOf('authorise'), asOf],
    ]);
  });

  it('finds a review that came after the sunset, at the review', () => {
    const story = new Story('bfdi-late-review');
    story.authorised(emergency(story, 3)).advance(8);
    story.act(CASEWORKER, { type: 'review-emergency', reasons: 'Still needed.', newSunsetAt: story.iso(20) });
    expect(ofType(findingsOf([story], story.iso(1)), 'emergency-past-sunset')).toEqual([
      ['emergency-past-sunset', story.hashOf('review-emergency'), null],
    ]);
  });

  it('finds nothing when the measure was reviewed before its sunset', () => {
    const story = new Story('bfdi-reviewed');
    story.authorised(emergency(story, 5)).advance(2);
    story.act(CASEWORKER, { type: 'review-emergency', reasons: 'Still needed.', newSunsetAt: story.iso(30) });
    expect(ofType(findingsOf([story], story.iso(10)), 'emergency-past-sunset')).toEqual([]);
  });
});

describe('missed deadlines', () => {
  it('finds the redress decision taken after its period ended, at the decision, citing the period’s source', () => {
    const story = new Story('bfdi-decided-late').challenged();
    story.advance(70).act(REVIEWER, { type: 'begin-review' });
    story.act(REVIEWER, { type: 'decide', outcome: 'upheld', reasons: 'Proportionate.', remedies: [] });
    const findings = findingsOf([story], story.iso(1)).filter((f) => f.type === 'deadline-missed');
    expect(findings.map((f) => [f.eventHash, f.asOf])).toEqual([[story.hashOf('decide'), null]]);
    expect(findings[0]?.source).toBe('Partner agreement, redress clause (default 60 days from the challenge)');
  });

  it('finds a decision still not taken after its period, at the challenge that started it', () => {
    const story = new Story('bfdi-undecided').challenged();
    const asOf = story.iso(70);
    expect(ofType(findingsOf([story], asOf), 'deadline-missed')).toEqual([
      ['deadline-missed', story.hashOf('lodge-challenge'), asOf],
    ]);
  });

  it('finds nothing for a decision in time (a challenge window that ran out is nobody’s failing)', () => {
    const story = new Story('bfdi-decided').challenged();
    story.advance(10).act(REVIEWER, { type: 'begin-review' });
    story.act(REVIEWER, { type: 'decide', outcome: 'upheld', reasons: 'Proportionate.', remedies: [] });
    expect(ofType(findingsOf([story], story.iso(100)), 'deadline-missed')).toEqual([]);
  });
});

describe('missed deadlines of a request received here', () => {
  const EIO = { id: 'eio-art12-recognition-execution', version: 2 };
  const accept: WorkflowAction = { type: 'decide-recognition', outcome: 'accepted', grounds: [], reasons: '' };

  it('finds the recognition decided after the period the Directive gives the executing authority', () => {
    const story = new Story('bfdi-recognised-late', { received: true, procedure: EIO }).advance(40);
    story.act(CASEWORKER, accept);
    const findings = findingsOf([story], story.iso(1)).filter((f) => f.type === 'deadline-missed');
    expect(findings.map((f) => [f.eventHash, f.asOf])).toEqual([[story.hashOf('decide-recognition'), null]]);
    expect(findings[0]?.source).toMatch(/^Art\. 12\(3\) Directive 2014\/41\/EU/);
  });

  it('finds nothing for a recognition in time, nor for a partner’s reply that is overdue', () => {
    const story = new Story('bfdi-recognised', { received: true, procedure: EIO }).advance(10);
    story.act(CASEWORKER, accept);
    expect(ofType(findingsOf([story], story.iso(5)), 'deadline-missed')).toEqual([]);
    // The provider's 10 days under a European Production Order run out: the provider's lapse, not this office's.
    const order = new Story('bfdi-order', {
      procedure: { id: 'epo-2023-1543-production-order', version: 2 },
      start: '2026-09-01T09:00:00.000Z',
    }).authorised();
    order.act(CASEWORKER, { type: 'send-request' });
    expect(order.case.deadlines.some((d) => d.purpose === 'response')).toBe(true);
    expect(ofType(findingsOf([order], order.iso(30)), 'deadline-missed')).toEqual([]);
  });
});

describe('a decision by someone who worked the case', () => {
  it('finds a challenge decided by the caseworker (the workflow refuses it; the trail still shows it)', () => {
    const story = new Story('bfdi-not-independent').challenged();
    story.advance(2).act(REVIEWER, { type: 'begin-review' });
    story.seal(COLLEAGUE, {
      type: 'stage-changed',
      action: 'decide',
      fromStage: 'redress-review',
      toStage: 'closed',
      details: { outcome: 'upheld', remedies: [] },
    });
    // The colleague had not worked on it: no finding. The caseworker who sent the request had.
    expect(ofType(findingsOf([story], story.iso(1)), 'decision-by-caseworker')).toEqual([]);
    const worked = new Story('bfdi-caseworker-decides').challenged();
    worked.advance(2).act(REVIEWER, { type: 'begin-review' });
    worked.seal(CASEWORKER, {
      type: 'stage-changed',
      action: 'decide',
      fromStage: 'redress-review',
      toStage: 'closed',
      details: { outcome: 'upheld', remedies: [] },
    });
    expect(ofType(findingsOf([worked], worked.iso(1)), 'decision-by-caseworker')).toEqual([
      ['decision-by-caseworker', worked.hashOf('decide'), null],
    ]);
  });

  it('finds a decision by the person who authorised the case', () => {
    const story = new Story('bfdi-authoriser-decides').challenged();
    story.seal(AUTHORISER, {
      type: 'stage-changed',
      action: 'decide',
      fromStage: 'challenge-lodged',
      toStage: 'closed',
      details: { outcome: 'upheld', remedies: [] },
    });
    expect(ofType(findingsOf([story], story.iso(1)), 'decision-by-caseworker')).toHaveLength(1);
  });

  it('finds nothing when an independent reviewer decides', () => {
    const story = new Story('bfdi-independent').challenged();
    story.advance(2).act(REVIEWER, { type: 'begin-review' });
    story.act(REVIEWER, { type: 'decide', outcome: 'upheld', reasons: 'Proportionate.', remedies: [] });
    expect(ofType(findingsOf([story], story.iso(1)), 'decision-by-caseworker')).toEqual([]);
  });
});

describe('authorisations without a second person where the office’s rule required one', () => {
  it('finds a case its opener authorised under an office rule the oversight body holds it to', () => {
    const story = new Story('bfdi-self-authorised', { secondPerson: false }).authorised({}, CASEWORKER);
    const required = { rules: { requireSecondPersonAuthorisation: true } };
    expect(ofType(findingsOf([story], story.iso(1), required), 'authorisation-without-second-person')).toEqual([
      ['authorisation-without-second-person', story.hashOf('authorise'), null],
    ]);
    // Without that rule, the office's own setting (no second person) allowed it.
    expect(ofType(findingsOf([story], story.iso(1)), 'authorisation-without-second-person')).toEqual([]);
  });

  it('finds a self-authorisation the trail records as made under the second-person rule', () => {
    const story = new Story('bfdi-rule-broken', { secondPerson: true });
    story.act(CASEWORKER, { type: 'update-draft', changes: { purpose: 'Identify an account' } });
    story.seal(CASEWORKER, {
      type: 'stage-changed',
      action: 'authorise',
      fromStage: 'draft',
      toStage: 'authorised',
      details: { secondPerson: true, emergency: false },
    });
    expect(ofType(findingsOf([story], story.iso(1)), 'authorisation-without-second-person')).toHaveLength(1);
  });

  it('finds nothing when another person authorised', () => {
    const story = new Story('bfdi-second-person').authorised();
    const required = { rules: { requireSecondPersonAuthorisation: true } };
    expect(ofType(findingsOf([story], story.iso(1), required), 'authorisation-without-second-person')).toEqual([]);
  });
});

describe('cases past retention and not purged', () => {
  it('finds a case kept past its purge date, at the authorisation that set the date', () => {
    const story = new Story('bfdi-kept').authorised().advance(5);
    story.act(CASEWORKER, { type: 'withdraw', reason: 'The platform fixed it.' });
    const asOf = story.iso(400);
    const findings = findingsOf([story], asOf).filter((f) => f.type === 'retention-not-purged');
    expect(findings.map((f) => [f.eventHash, f.asOf])).toEqual([[story.hashOf('authorise'), asOf]]);
    expect(findings[0]?.source).toBe('The office’s retention schedule (no instrument sets the period)');
  });

  it('finds nothing for a case purged once its date came, or one still within it', () => {
    const purged = new Story('bfdi-purged').authorised().advance(5);
    purged.act(CASEWORKER, { type: 'withdraw', reason: 'The platform fixed it.' }).advance(362);
    purged.act(CASEWORKER, { type: 'purge' });
    const kept = new Story('bfdi-within').authorised();
    expect(ofType(findingsOf([purged], purged.iso(30)), 'retention-not-purged')).toEqual([]);
    expect(ofType(findingsOf([kept], kept.iso(300)), 'retention-not-purged')).toEqual([]);
  });
});

describe('what the desk reads', () => {
  /** A trail that shows a late notice. */
  function lateNotice() {
    const story = new Story('bfdi-tamper').answered();
    story
      .act(CASEWORKER, defer(story.iso(30)))
      .advance(45)
      .act(CASEWORKER, tell);
    return story;
  }

  it('refuses a file changed after the office signed it, before any finding is computed', () => {
    const story = lateNotice();
    const text = new TextDecoder().decode(exportOf([story], story.iso(1)));
    // The review date moved later, so the notice would no longer look late.
    const reviewAt = story.events.find((e) => e.action === 'defer-notice')?.details['reviewAt'];
    if (typeof reviewAt !== 'string') throw new Error('fixture');
    const edited = text.replace(reviewAt, story.iso(400));
    expect(edited).not.toBe(text);
    const result = findCompliance(kit, new TextEncoder().encode(edited), TRUSTED);
    expect(result).toMatchObject({ ok: false, error: { code: 'OVERSIGHT_SIGNATURE_INVALID' } });
    expect('value' in result).toBe(false);
  });

  it('refuses a file from an office whose key card it has not verified', () => {
    const story = lateNotice();
    const stranger = toHex(generateOfficeIdentity(kit).signingPublicKey);
    expect(findCompliance(kit, exportOf([story], story.iso(1)), [stranger])).toMatchObject({
      ok: false,
      error: { code: 'OVERSIGHT_SIGNER_UNTRUSTED' },
    });
  });

  it('concludes nothing from a chain that does not verify, and lists it to follow up', () => {
    const story = lateNotice();
    // An event edited at the office after it was recorded: its hash no longer matches; the office re-signs the file.
    const events = story.events.map((e) =>
      e.action === 'defer-notice' ? { ...e, details: { ...e.details, reviewAt: story.iso(400) } } : e,
    );
    const file = createOversightExport(
      kit,
      {
        office: { name: 'BfDI', jurisdiction: 'DE' },
        scope: { kind: 'cases', caseIds: [story.case.id] },
        trails: [{ caseId: story.case.id, head: story.case.audit, events }],
        certificates,
        now: story.iso(1),
      },
      officeSigner,
    );
    const result = findCompliance(kit, file, TRUSTED);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.findings).toEqual([]);
    expect(result.value.casesChecked).toBe(0);
    expect(result.value.unreadable[0]?.message).toMatch(/content does not match its hash/);
    expect(result.value.unreadable.map((u) => u.caseRef)).toEqual([
      pseudonymousCaseRef(kit, toHex(office.signingPublicKey), story.case.id),
    ]);
  });

  it('names each case by a reference the office can work out and nobody else can link to it', () => {
    const story = lateNotice();
    const [finding] = findingsOf([story], story.iso(1));
    const key = toHex(office.signingPublicKey);
    expect(finding?.caseRef).toBe(pseudonymousCaseRef(kit, key, story.case.id));
    expect(finding?.caseRef).toMatch(/^case-[0-9a-f]{16}$/);
    expect(pseudonymousCaseRef(kit, toHex(new Uint8Array(32)), story.case.id)).not.toBe(finding?.caseRef);
    expect(finding?.office).toMatchObject({ name: 'BfDI', jurisdiction: 'DE' });
  });

  it('judges no later than the export was made: nothing after it is known', () => {
    const story = new Story('bfdi-as-of').answered();
    story.act(CASEWORKER, defer(story.iso(30)));
    const made = story.iso(10);
    const result = findCompliance(kit, exportOf([story], made), TRUSTED, { asOf: story.iso(90) });
    expect(result.ok && result.value.asOf).toBe(made);
    expect(result.ok && result.value.findings.filter((f) => f.type === 'notice-never')).toEqual([]);
  });
});
