import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@shared/audit/audit-chain';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { deadlineState } from '@shared/deadlines/tracked-deadline';
import { CASE_KINDS } from '@shared/domain/case-stage';
import { caseSide } from '@shared/domain/case-side';
import { LANGUAGES } from '@shared/domain/primitives';
import { storedCaseSchema } from '@shared/domain/stored-case-schema';
import { SAMPLE_STORIES, sampleCases, type SampleCase, type SampleOfficeOptions } from '@shared/samples/sample-office';
import { SAMPLE_PARTNER_OFFICES } from '@shared/samples/sample-words';
import { caseViolations } from '@shared/workflow/case-invariants';
import { SIDE_STAGES } from '@shared/workflow/stage-labels';
import { testSigner } from '../../support/test-signer';

const kit = await cryptoKit();
const signer = testSigner(kit);
const hash = (bytes: Uint8Array) => kit.hash(bytes, 32);
const NOW = new Date('2026-05-04T09:30:00Z');

const options = (seed: number): SampleOfficeOptions => ({
  seed,
  now: NOW,
  people: {
    caseworker: { id: 'sample-caseworker', role: 'caseworker' },
    authoriser: { id: 'sample-authoriser', role: 'authoriser' },
    reviewer: { id: 'sample-reviewer', role: 'redress-officer' },
  },
  sealing: { hash, signer },
});

const office = sampleCases(options(2026), 200);

describe('the sample office generator', () => {
  it('is deterministic for a seed: the same cases and the same signed events, and another seed gives another office', () => {
    expect(sampleCases(options(2026), 200)).toEqual(office);
    const other = sampleCases(options(7), 200);
    expect(other.map((s) => s.case.title)).not.toEqual(office.map((s) => s.case.title));
    // Any slice can be generated on its own (the app stores them in batches).
    expect(sampleCases(options(2026), 10, 150)).toEqual(office.slice(150, 160));
  });

  const retold = sampleCases(options(2026), 60, SAMPLE_STORIES);

  it('every case is legal, and its audit chain verifies with each event signed by the sample person who acted', () => {
    const all: SampleCase[] = [...office, ...retold];
    for (const { case: c, events } of all) {
      expect(caseViolations(c), c.id).toEqual([]);
      // What the vault will store: person ids in the office's own format only.
      expect(storedCaseSchema.safeParse(c).success, c.id).toBe(true);
      const verdict = verifyAuditChain(
        events,
        hash,
        { caseId: c.id, head: c.audit },
        { kit, keys: signer.keys(), since: null },
      );
      expect(verdict.ok, `${c.id}: ${verdict.ok ? '' : verdict.message}`).toBe(true);
      if (verdict.ok)
        expect(verdict.signatures.map((v) => (v.status === 'signed' ? v.personId : v.status))).toEqual(
          events.map((e) => e.actor.id),
        );
      // Nothing happens after the generator's "now".
      expect(events.every((e) => Date.parse(e.at) <= NOW.getTime())).toBe(true);
    }
  });

  it('spreads over every kind, side, stage, notice language, partner office and several procedures, with some deadlines overdue', () => {
    const cases = office.map((s) => s.case);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(CASE_KINDS));
    expect(new Set(cases.map(caseSide))).toEqual(new Set(['issuing', 'executing', 'redress-body']));
    const stages = new Set(cases.map((c) => c.stage));
    for (const stage of new Set(Object.values(SIDE_STAGES).flat()))
      if (stage !== 'purged') expect(stages, `no sample case at ${stage}`).toContain(stage);
    expect(cases.some((c) => c.closure?.reason === 'withdrawn')).toBe(true);
    expect(cases.some((c) => c.closure?.reason === 'window-closed-unchallenged')).toBe(true);
    expect(cases.some((c) => c.recognition?.outcome === 'refused')).toBe(true);
    const languages = new Set(cases.flatMap((c) => c.affectedPeople.map((p) => p.preferredLanguage)));
    expect(languages).toEqual(new Set(LANGUAGES));
    expect(new Set(cases.map((c) => c.textVersions?.original).filter(Boolean))).toEqual(new Set(LANGUAGES));
    const partners = new Set(cases.map((c) => c.partnerJurisdiction ?? c.incoming?.from.jurisdiction));
    for (const partner of SAMPLE_PARTNER_OFFICES) expect(partners).toContain(partner.jurisdiction);
    expect(new Set(cases.map((c) => c.procedure.id)).size).toBeGreaterThanOrEqual(6);
    const overdue = cases.filter((c) => c.deadlines.some((d) => deadlineState(d, NOW.getTime()) === 'lapsed'));
    expect(overdue.length).toBeGreaterThan(5);
    expect(new Set(cases.map((c) => c.references.local)).size).toBe(cases.length);
  });

  it('cases past the stories retell them as other cases: new id, reference, platform and names, the same steps', () => {
    const first = retold[0];
    const story = office.find((s) => s.case.id.endsWith('-0'));
    expect(first && story).toBeTruthy();
    if (!first || !story) return;
    expect(first.case.id).not.toBe(story.case.id);
    expect(first.case.references.local).toBe(
      `DE-TRN-${first.case.createdAt.slice(0, 4)}-${String(SAMPLE_STORIES + 1).padStart(4, '0')}`,
    );
    expect(first.case.stage).toBe(story.case.stage);
    expect(first.events.map((e) => e.action)).toEqual(story.events.map((e) => e.action));
    expect(first.events.every((e) => e.caseId === first.case.id)).toBe(true);
    const ids = new Set([...office, ...retold].map((s) => s.case.id));
    expect(ids.size).toBe(office.length + retold.length);
  });

  it('adds real signed notes when asked, so a large office’s trails reach about ten events a case', () => {
    const busy = { ...options(2026), notesPerCase: 6 };
    const noted = [...sampleCases(busy, 40), ...sampleCases(busy, 20, SAMPLE_STORIES)];
    const events = noted.reduce((sum, s) => sum + s.events.length, 0);
    const plain = office.slice(0, 40).reduce((sum, s) => sum + s.events.length, 0);
    expect(events).toBeGreaterThan(plain + 40 * 3);
    for (const { case: c, events: trail } of noted) {
      expect(trail.filter((e) => e.action === 'add-note').length, c.id).toBe(c.notes.length);
      expect(caseViolations(c), c.id).toEqual([]);
      expect(storedCaseSchema.safeParse(c).success, c.id).toBe(true);
      const verdict = verifyAuditChain(
        trail,
        hash,
        { caseId: c.id, head: c.audit },
        { kit, keys: signer.keys(), since: null },
      );
      expect(verdict.ok, `${c.id}: ${verdict.ok ? '' : verdict.message}`).toBe(true);
      expect(trail.every((e) => Date.parse(e.at) <= NOW.getTime())).toBe(true);
    }
    // The story before the notes is the same as without them.
    expect(noted.slice(0, 40).map((s) => s.events.filter((e) => e.action !== 'add-note').length)).toEqual(
      office.slice(0, 40).map((s) => s.events.length),
    );
  });
});
