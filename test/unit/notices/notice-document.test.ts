import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@shared/domain/primitives';
import {
  buildDecisionLetter,
  buildNotice,
  formatDocumentDate,
  isNoticeProblem,
  type PrintableDocument,
} from '@shared/notices/notice-document';
import { NOTICE_TEXTS } from '@shared/notices/notice-texts';
import { citizenLabel, termLabel, VOCABULARIES } from '@shared/vocab/vocabulary';
import { alice, apply, completeDraftChanges, DAY, makeContext, open, rita } from '../workflow/workflow-fixtures';

function noticedCase() {
  const { clock, context } = makeContext('2026-03-02T09:00:00Z');
  let trail = open('data-access-request', context);
  trail = apply(
    trail,
    alice,
    { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) },
    context,
  );
  trail = apply(trail, alice, { type: 'authorise' }, context);
  trail = apply(trail, alice, { type: 'send-request' }, context);
  clock.advance(DAY);
  trail = apply(trail, alice, { type: 'record-response', summary: 'Data received' }, context);
  trail = apply(trail, alice, { type: 'issue-notice', personId: 'p1', method: 'post', language: 'fr' }, context);
  return { clock, context, trail };
}

const text = (doc: PrintableDocument) =>
  [
    doc.title,
    ...doc.fields.flatMap((f) => [f.label, f.value]),
    doc.salutation,
    ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...(s.list ?? [])]),
    doc.closing,
    doc.signature,
  ].join('\n');
const options = (language: (typeof LANGUAGES)[number]) => ({
  language,
  officeName: 'Bureau of Quiet Harbours',
  at: '2026-03-03T10:00:00Z',
  timeZone: 'Europe/Berlin',
});

describe('the standard notice', () => {
  it.each(LANGUAGES)('in %s carries every required particular, with vocabulary labels in that language', (language) => {
    const { trail } = noticedCase();
    const doc = buildNotice(trail.case, 'p1', { ...options(language), challengeDeadline: '2026-04-02T21:59:59Z' });
    if (isNoticeProblem(doc)) throw new Error(doc.message);
    const all = text(doc);
    expect(doc.language).toBe(language);
    expect(doc.title).toBe(NOTICE_TEXTS[language].noticeTitle);
    for (const needed of [
      'DE-BFDI-2026-0042',
      'Person One',
      'p1@example.org',
      'Bureau of Quiet Harbours',
      termLabel('legal-bases', 'gdpr-61', language),
      citizenLabel('data-categories', 'subscriber', language),
      'Identify the operator of an account used for fraud',
      NOTICE_TEXTS[language].body.rights,
      ...VOCABULARIES.remedies.terms.map((term) => citizenLabel('remedies', term.code, language)),
    ]) {
      expect(all).toContain(needed);
    }
    // Traffic data follows subscriber data in one list: lower-cased where the language does so.
    expect(doc.fields.find((f) => f.label === NOTICE_TEXTS[language].fields.dataCategories)?.value).toContain(
      language === 'de'
        ? `, ${citizenLabel('data-categories', 'traffic', language)}`
        : `, ${citizenLabel('data-categories', 'traffic', language).toLocaleLowerCase(language)}`,
    );
    // The salutation is its own paragraph; the notice closes with the notice's formula, then the signature.
    expect(doc.salutation).toBe(NOTICE_TEXTS[language].salutation.replace('{name}', 'Person One'));
    expect(doc.sections[0]?.paragraphs[0]).not.toContain(doc.salutation);
    expect(doc.closing).toBe(NOTICE_TEXTS[language].closings.notice);
    // The challenge deadline is a date in the reader's language, in the office's time zone.
    const deadline = new Intl.DateTimeFormat({ en: 'en-GB', fr: 'fr-FR', de: 'de-DE', es: 'es-ES' }[language], {
      dateStyle: 'long',
      timeZone: 'Europe/Berlin',
    }).format(new Date('2026-04-02T21:59:59Z'));
    expect(doc.fields.find((f) => f.label === NOTICE_TEXTS[language].fields.challengeBy)?.value).toBe(deadline);
    expect(all).not.toMatch(/\{\w+\}/); // no placeholder left unfilled
  });

  it.each(LANGUAGES)('in %s names every remedy: the challenge does not limit the courts or a complaint', (language) => {
    const { trail } = noticedCase();
    const t = NOTICE_TEXTS[language];
    const withDate = buildNotice(trail.case, 'p1', { ...options(language), challengeDeadline: '2026-04-02T21:59:59Z' });
    if (isNoticeProblem(withDate)) throw new Error(withDate.message);
    const challenge = withDate.sections.find((section) => section.heading === t.headings.challenge);
    expect(challenge?.paragraphs).toContain(t.body.notLimiting);
    const other = withDate.sections.find((section) => section.heading === t.headings.otherRemedies);
    // The case was opened in Germany: the courts of the State whose authority acted, named in the reader's language.
    expect(other?.paragraphs).toEqual([
      t.body.judicialRemedy.replace('{state}', termLabel('jurisdictions', 'DE', language)),
      t.body.complaint,
    ]);
    const noDate = buildNotice(trail.case, 'p2', { ...options(language), challengeDeadline: null });
    if (isNoticeProblem(noDate)) throw new Error(noDate.message);
    expect(noDate.sections.find((section) => section.heading === t.headings.challenge)?.paragraphs).not.toContain(
      t.body.notLimiting,
    );
    expect(noDate.sections.some((section) => section.heading === t.headings.otherRemedies)).toBe(true);
  });

  it.each(LANGUAGES)('in %s carries the letterhead and is signed by the person who made it', (language) => {
    const { trail } = noticedCase();
    const t = NOTICE_TEXTS[language];
    const letterhead = {
      postalAddress: '12 Harbour Lane\n10115 Berlin',
      email: 'poststelle@example.org',
      phone: '+49 228 0000',
    };
    const signed = buildNotice(trail.case, 'p1', {
      ...options(language),
      challengeDeadline: null,
      letterhead,
      signer: 'Ana Silva',
    });
    if (isNoticeProblem(signed)) throw new Error(signed.message);
    expect(signed.fields.find((f) => f.label === t.fields.from)?.value).toBe(
      'Bureau of Quiet Harbours, 12 Harbour Lane, 10115 Berlin',
    );
    expect(signed.fields.find((f) => f.label === t.fields.contact)?.value).toBe(
      'poststelle@example.org · +49 228 0000',
    );
    expect(signed.signature).toBe(
      t.signatureSigned.replace('{signer}', 'Ana Silva').replace('{office}', 'Bureau of Quiet Harbours'),
    );
    // Without a letterhead or a signer: the office name alone, no empty contact line, the office signs.
    const bare = buildNotice(trail.case, 'p1', { ...options(language), challengeDeadline: null });
    if (isNoticeProblem(bare)) throw new Error(bare.message);
    expect(bare.fields.find((f) => f.label === t.fields.from)?.value).toBe('Bureau of Quiet Harbours');
    expect(bare.fields.some((f) => f.label === t.fields.contact)).toBe(false);
    expect(bare.signature).toBe(t.signature.replace('{office}', 'Bureau of Quiet Harbours'));
  });

  it('writes dates as each language does, the French first of the month as « 1er »', () => {
    expect(formatDocumentDate('2026-04-01T10:00:00Z', 'fr', 'Europe/Paris')).toBe('1er avril 2026');
    expect(formatDocumentDate('2026-04-11T10:00:00Z', 'fr', 'Europe/Paris')).toBe('11 avril 2026');
    expect(formatDocumentDate('2026-04-21T10:00:00Z', 'fr', 'Europe/Paris')).toBe('21 avril 2026');
    expect(formatDocumentDate('2026-04-01T10:00:00Z', 'en', 'Europe/Paris')).toBe('1 April 2026');
    expect(formatDocumentDate('2026-04-01T10:00:00Z', 'de', 'Europe/Berlin')).toBe('1. April 2026');
    expect(formatDocumentDate('2026-04-01T10:00:00Z', 'es', 'Europe/Madrid')).toBe('1 de abril de 2026');
  });

  it('the French notice reads French: dates and headings', () => {
    const { trail } = noticedCase();
    const doc = buildNotice(trail.case, 'p1', { ...options('fr'), challengeDeadline: '2026-04-02T10:00:00Z' });
    if (isNoticeProblem(doc)) throw new Error(doc.message);
    expect(text(doc)).toContain('2 avril 2026');
    expect(doc.sections.map((s) => s.heading)).toContain('Comment contester cette mesure');
  });

  it('without a running window it still tells the person how to challenge, with no empty date', () => {
    const { trail } = noticedCase();
    const doc = buildNotice(trail.case, 'p2', { ...options('en'), challengeDeadline: null });
    if (isNoticeProblem(doc)) throw new Error(doc.message);
    expect(doc.fields.some((f) => f.label === 'Challenge deadline')).toBe(false);
    expect(text(doc)).toContain('You may challenge this measure. State your grounds');
    expect(doc.salutation).toBe('Dear Person Two,');
  });

  it('refuses a person who is not on the case', () => {
    const { trail } = noticedCase();
    const doc = buildNotice(trail.case, 'nobody', { ...options('en'), challengeDeadline: null });
    expect(isNoticeProblem(doc) && doc.code).toBe('unknown-person');
  });

  it('every language has the same fields filled (no language falls behind)', () => {
    const keys = (value: object): string[] =>
      Object.entries(value).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? keys(v).map((inner) => `${k}.${inner}`) : [k],
      );
    const english = keys(NOTICE_TEXTS.en).sort();
    for (const language of LANGUAGES) expect(keys(NOTICE_TEXTS[language]).sort()).toEqual(english);
  });
});

describe('the decision letter', () => {
  it('is refused before there is a decision, then lists outcome, reasons and remedies with due dates', () => {
    const { clock, context, trail: noticed } = noticedCase();
    let trail = apply(
      noticed,
      alice,
      { type: 'issue-notice', personId: 'p2', method: 'email', language: 'en' },
      context,
    );
    trail = apply(
      trail,
      alice,
      {
        type: 'lodge-challenge',
        personId: 'p1',
        grounds: ['disproportionate'],
        statement: 'Too much data',
        attachmentIds: [],
      },
      context,
    );
    const early = buildDecisionLetter(trail.case, options('fr'));
    expect(isNoticeProblem(early) && early.code).toBe('no-decision');
    trail = apply(trail, rita, { type: 'begin-review' }, context);
    trail = apply(
      trail,
      rita,
      {
        type: 'decide',
        outcome: 'modified',
        reasons: 'Traffic data went beyond what was needed.',
        remedies: [
          { code: 'erase-data', description: 'Erase traffic data', dueAt: clock.iso(14 * DAY) },
          { code: 'notify-partner', description: '', dueAt: clock.iso(7 * DAY) },
        ],
      },
      context,
    );
    for (const language of LANGUAGES) {
      const doc = buildDecisionLetter(trail.case, options(language));
      if (isNoticeProblem(doc)) throw new Error(doc.message);
      const all = text(doc);
      expect(doc.title).toBe(NOTICE_TEXTS[language].letterTitle);
      expect(all).toContain(NOTICE_TEXTS[language].outcomes.modified);
      expect(all).toContain(termLabel('remedies', 'erase-data', language));
      expect(all).toContain(termLabel('remedies', 'notify-partner', language));
      expect(all).toContain(termLabel('challenge-grounds', 'disproportionate', language));
      expect(all).toContain('Traffic data went beyond what was needed.');
      expect(all).not.toMatch(/\{\w+\}/);
      // A decision letter has its own closing formula, not the notice's, and never calls itself a notice.
      expect(doc.closing).toBe(NOTICE_TEXTS[language].closings.decision);
    }
  });
});
