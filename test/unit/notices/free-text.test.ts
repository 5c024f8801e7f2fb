import { describe, expect, it } from 'vitest';
import { freeTextFor, originalLanguageOf } from '@shared/notices/free-text';
import { buildDecisionLetter, buildNotice, isNoticeProblem } from '@shared/notices/notice-document';
import { NOTICE_TEXTS } from '@shared/notices/notice-texts';
import { letterCase, letterOptions } from './letter-fixture';
import { caseViolations } from '@shared/workflow/case-invariants';
import { openCase } from '@shared/workflow/open-case';
import { describeWorkflowMessage } from '@shared/workflow/describe-workflow-message';
import { alice, apply, makeContext, refused, requestTo, rita } from '../workflow/workflow-fixtures';

const translate = (field: 'purpose' | 'decision-reasons', language: 'fr' | 'de' | 'es' | 'en', text: string) =>
  ({ type: 'record-translation', field, original: 'en', language, text }) as const;

describe('free text printed per language', () => {
  it('prints the original under a visible marker in a language without a version, and the version once recorded', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    expect(originalLanguageOf(t.case)).toBe('en');
    const purpose = t.case.purpose.trim();
    expect(freeTextFor(t.case, 'purpose', 'en')).toEqual({ text: purpose, untranslatedMarker: null });
    expect(freeTextFor(t.case, 'purpose', 'fr')).toEqual({
      text: purpose,
      untranslatedMarker: '[non traduit — original en anglais]',
    });
    expect(freeTextFor(t.case, 'purpose', 'de').untranslatedMarker).toBe('[nicht übersetzt — Original auf Englisch]');
    expect(freeTextFor(t.case, 'purpose', 'es').untranslatedMarker).toBe('[sin traducir — original en inglés]');

    t = apply(t, alice, translate('purpose', 'fr', '  Identifier le titulaire du compte.  '), context);
    expect(freeTextFor(t.case, 'purpose', 'fr')).toEqual({
      text: 'Identifier le titulaire du compte.',
      untranslatedMarker: null,
    });
    // The original never changes; other languages still carry the marker.
    expect(t.case.purpose.trim()).toBe(purpose);
    expect(freeTextFor(t.case, 'purpose', 'es').untranslatedMarker).not.toBeNull();
    expect(caseViolations(t.case)).toEqual([]);

    // An empty text removes the version again.
    t = apply(t, alice, translate('purpose', 'fr', ' '), context);
    expect(freeTextFor(t.case, 'purpose', 'fr').untranslatedMarker).not.toBeNull();
  });

  it('refuses a version in the original language, reasons before a decision, and a new original once versions exist', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    const same = refused(t, alice, translate('purpose', 'en', 'Same language.'), context);
    expect(same.missing.map((m) => m.code)).toEqual(['translation-of-original']);
    const early = refused(t, alice, translate('decision-reasons', 'fr', 'Motifs.'), context);
    expect(early.missing.map((m) => m.code)).toEqual(['translation-needs-decision']);
    t = apply(t, alice, translate('purpose', 'fr', 'Finalité.'), context);
    const moved = refused(t, alice, { ...translate('purpose', 'de', 'Zweck.'), original: 'fr' }, context);
    expect(moved.missing.map((m) => describeWorkflowMessage(m))).toEqual([
      'the case text is written in English and already has translations; its original language cannot change now',
    ]);
  });

  it('corrects the language the original is written in while no version exists, recording no version', () => {
    const { context, clock } = makeContext();
    let t = requestTo('response-received', context, clock);
    t = apply(
      t,
      alice,
      { type: 'record-translation', field: 'purpose', original: 'fr', language: 'fr', text: '' },
      context,
    );
    expect(originalLanguageOf(t.case)).toBe('fr');
    expect(t.case.textVersions?.purpose).toEqual({});
    expect(freeTextFor(t.case, 'purpose', 'fr').untranslatedMarker).toBeNull();
    expect(freeTextFor(t.case, 'purpose', 'en').untranslatedMarker).toBe('[not translated — original in French]');
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('lets the independent reviewer translate the reasons without becoming a caseworker on the case', () => {
    const { context, clock } = makeContext();
    let t = requestTo('redress-review', context, clock);
    t = apply(
      t,
      rita,
      { type: 'decide', outcome: 'upheld', reasons: 'The measure was lawful.', remedies: [] },
      context,
    );
    t = apply(t, rita, translate('decision-reasons', 'de', 'Die Maßnahme war rechtmäßig.'), context);
    expect(freeTextFor(t.case, 'decision-reasons', 'de').text).toBe('Die Maßnahme war rechtmäßig.');
    expect(t.case.caseworkerIds).not.toContain(rita.id);
    expect(caseViolations(t.case)).toEqual([]);
  });

  it('records the language a case is written in when it is opened, so a notice in that language needs no marker', () => {
    const { context } = makeContext();
    const opened = openCase(
      {
        id: 'c-fr',
        reference: 'FR-1',
        kind: 'data-access-request',
        title: 't',
        originatingJurisdiction: 'FR',
        textLanguage: 'fr',
      },
      alice,
      context,
    );
    if (!opened.ok) throw new Error('open refused');
    const c = { ...opened.case, purpose: 'Identifier le titulaire du compte.' };
    expect(c.textVersions?.original).toBe('fr');
    expect(freeTextFor(c, 'purpose', 'fr').untranslatedMarker).toBeNull();
    expect(freeTextFor(c, 'purpose', 'en').untranslatedMarker).toBe('[not translated — original in French]');
  });
});

describe('notices and letters print the marker where a version is missing', () => {
  it('prints the Spanish notice and letter with the English original under the marker once the version is removed', () => {
    const translated = letterCase('data-access-request', 'es');
    const bare = { ...translated, textVersions: { original: 'en' as const, purpose: {}, 'decision-reasons': {} } };
    const section = (doc: ReturnType<typeof buildNotice>, heading: string) =>
      isNoticeProblem(doc) ? [] : (doc.sections.find((s) => s.heading === heading)?.paragraphs ?? []);
    const notice = buildNotice(bare, 'p1', letterOptions('data-access-request', 'es', 'notice'));
    const letter = buildDecisionLetter(bare, letterOptions('data-access-request', 'es', 'decision'));
    expect(section(notice, NOTICE_TEXTS.es.headings.why)).toEqual([
      '[sin traducir — original en inglés]',
      translated.purpose,
    ]);
    expect(section(letter, NOTICE_TEXTS.es.headings.reasons)).toEqual([
      '[sin traducir — original en inglés]',
      translated.decision?.reasons,
    ]);
    // With the versions recorded, the marker is gone and the Spanish text is printed.
    const withVersions = buildNotice(translated, 'p1', letterOptions('data-access-request', 'es', 'notice'));
    expect(section(withVersions, NOTICE_TEXTS.es.headings.why)).toEqual([translated.textVersions?.purpose.es]);
  });
});
