import { describe, expect, it } from 'vitest';
import {
  buildDecisionLetter,
  buildNotice,
  isNoticeProblem,
  type PrintableDocument,
} from '@shared/notices/notice-document';
import { buildInadmissibilityLetter } from '@shared/notices/inadmissibility-letter';
import { NOTICE_TEXTS } from '@shared/notices/notice-texts';
import { ADMISSIBILITY_QUESTIONS } from '@shared/domain/admissibility';
import { type Language } from '@shared/domain/primitives';
import { CASE_KINDS, letterCase, letterOptions, readableStrings } from '../notices/letter-fixture';
import { apostropheViolations, frenchViolations } from './typography-rules';

/**
 * What a citizen receives in French, German and Spanish, checked as rules over the rendered notice and decision
 * letter of every case kind (the fixture's free text is written in the letter's language): the language's
 * typography, no English left over, no instruction meant for staff, the letter conventions.
 */
const CITIZEN_LANGUAGES = ['fr', 'de', 'es'] as const satisfies readonly Language[];

const ENGLISH = /\b(the|of|and|your|with|this|been|which|may|must|redress|remedy|remedies|challenge|jurisdiction)\b/iu;
const STAFF_HINT = /free text|texte libre|Freitext|texto libre|cite it|à préciser|angeben\)|indíquelo/iu;
/** In a list of labels, an item after the first that keeps its capital (not an acronym). */
const CAPITAL_IN_LIST = /, \p{Lu}\p{Ll}/u;

function violations(doc: PrintableDocument): string[] {
  const language = doc.language;
  const t = NOTICE_TEXTS[language];
  const found: string[] = [];
  for (const text of readableStrings(doc)) {
    const rules = language === 'fr' ? frenchViolations(text) : apostropheViolations(text);
    found.push(...rules);
    if (language !== 'fr' && text.includes('"')) found.push(`straight double quote in "${text}"`);
    if (language !== 'en' && ENGLISH.test(text)) found.push(`English in "${text}"`);
    if (STAFF_HINT.test(text)) found.push(`staff instruction in "${text}"`);
    if (/\{\w+\}/u.test(text)) found.push(`unfilled placeholder in "${text}"`);
  }
  if (language !== 'de')
    for (const label of [t.fields.dataCategories, t.fields.grounds]) {
      const value = doc.fields.find((f) => f.label === label)?.value ?? '';
      if (CAPITAL_IN_LIST.test(value)) found.push(`capital after the first item in "${value}"`);
    }
  // The salutation is a paragraph of its own; the body does not repeat it.
  if (doc.salutation.trim() === '') found.push('no salutation');
  if (doc.sections.some((s) => s.paragraphs.some((p) => p.startsWith(doc.salutation))))
    found.push('salutation run into the body');
  if (doc.closing.trim() === '' || doc.signature.trim() === '') found.push('no closing or signature');
  return found;
}

const notice = (kind: (typeof CASE_KINDS)[number], language: Language) => {
  const doc = buildNotice(letterCase(kind, language), 'p1', letterOptions(kind, language, 'notice'));
  if (isNoticeProblem(doc)) throw new Error(doc.message);
  return doc;
};
const decision = (kind: (typeof CASE_KINDS)[number], language: Language) => {
  const doc = buildDecisionLetter(letterCase(kind, language), letterOptions(kind, language, 'decision'));
  if (isNoticeProblem(doc)) throw new Error(doc.message);
  return doc;
};
/** A complaint declared inadmissible on every question, its reasons written in the letter's language. */
const inadmissibility = (language: Language) => {
  const complaint = letterCase('rights-complaint', language);
  const doc = buildInadmissibilityLetter(
    {
      ...complaint,
      textVersions: { original: language, purpose: {}, 'decision-reasons': {} },
      admissibility: {
        competent: 'no',
        entitled: 'no',
        inTime: 'no',
        notUnfounded: 'no',
        notDecidedElsewhere: 'no',
        reasons: complaint.challenge?.statement ?? '',
      },
      closure: {
        at: '2026-04-01T09:00:00Z',
        by: 'alice',
        reason: 'inadmissible',
        note: complaint.challenge?.statement ?? '',
      },
    },
    'p1',
    letterOptions('rights-complaint', language, 'decision'),
  );
  if (isNoticeProblem(doc)) throw new Error(doc.message);
  return doc;
};

describe('letters a citizen receives', () => {
  it('the rules catch what they are for (not a vacuous scan)', () => {
    const good = notice('rights-complaint', 'fr');
    const bad: PrintableDocument = {
      ...good,
      salutation: 'Madame, Monsieur,',
      fields: [
        ...good.fields,
        { label: good.fields[0]?.label ?? '', value: 'Droit national (à préciser dans le texte libre)' },
      ],
      sections: [{ heading: 'Motifs', paragraphs: ['Madame, Monsieur, the measure', "l'avis : oui"] }],
    };
    const found = violations(bad);
    expect(found.some((v) => v.startsWith('staff instruction'))).toBe(true);
    expect(found.some((v) => v.startsWith('English'))).toBe(true);
    expect(found.some((v) => v.startsWith('straight apostrophe'))).toBe(true);
    expect(found.some((v) => v.includes('" :"'))).toBe(true);
    expect(found).toContain('salutation run into the body');
  });

  for (const kind of CASE_KINDS)
    for (const language of CITIZEN_LANGUAGES) {
      it(`${kind}, ${language}: the notice follows the language's typography and conventions`, () => {
        expect(violations(notice(kind, language))).toEqual([]);
      });
      it(`${kind}, ${language}: the decision letter follows the language's typography and conventions`, () => {
        expect(violations(decision(kind, language))).toEqual([]);
      });
    }

  it.each(CITIZEN_LANGUAGES)('%s: the inadmissibility letter follows the typography and conventions', (language) => {
    const letter = inadmissibility(language);
    expect(letter.sections.flatMap((s) => s.list ?? [])).toHaveLength(ADMISSIBILITY_QUESTIONS.length);
    expect(violations(letter)).toEqual([]);
  });

  it.each(['en', ...CITIZEN_LANGUAGES] as const)(
    '%s: each kind of document has its own closing, and a decision letter never calls itself a notice',
    (language) => {
      const t = NOTICE_TEXTS[language];
      const letter = decision('data-access-request', language);
      expect(notice('data-access-request', language).closing).toBe(t.closings.notice);
      expect(letter.closing).toBe(t.closings.decision);
      const noticeWord = {
        en: /notice/iu,
        fr: /notification/iu,
        de: /Benachrichtigung|Mitteilung/u,
        es: /notificación/iu,
      };
      expect(`${letter.closing} ${letter.signature}`).not.toMatch(noticeWord[language]);
    },
  );

  it('German names the notice one way only: Benachrichtigung, never Mitteilung', () => {
    const all = CASE_KINDS.flatMap((kind) => [
      ...readableStrings(notice(kind, 'de')),
      ...readableStrings(decision(kind, 'de')),
    ]);
    expect(all.filter((text) => /Mitteilung/u.test(text))).toEqual([]);
  });
});
