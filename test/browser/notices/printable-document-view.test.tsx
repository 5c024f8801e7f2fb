import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDecisionLetter, buildNotice, isNoticeProblem } from '@shared/notices/notice-document';
import { NOTICE_TEXTS } from '@shared/notices/notice-texts';
import { PrintableDocumentView } from '../../../renderer/src/components/PrintableDocumentView';
import { letterCase, letterOptions } from '../../unit/notices/letter-fixture';

// The letter as it prints, in Chromium: the salutation is a paragraph of its own before the body, the closing
// formula and the signature close it, in the reader's language.
let root: Root | null = null;
let container: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});

function render(document: Parameters<typeof PrintableDocumentView>[0]['document']) {
  container = window.document.createElement('div');
  window.document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(<PrintableDocumentView document={document} label="letter" />));
  const article = container.querySelector('article');
  if (!article) throw new Error('no printed letter');
  return article;
}

describe('a printed letter', () => {
  it('puts the salutation in its own paragraph before the body, then the closing and the signature', () => {
    const notice = buildNotice(
      letterCase('data-access-request', 'fr'),
      'p1',
      letterOptions('data-access-request', 'fr', 'notice'),
    );
    if (isNoticeProblem(notice)) throw new Error(notice.message);
    const article = render(notice);
    expect(article.lang).toBe('fr');
    const salutation = article.querySelector('.print-document__salutation');
    expect(salutation?.textContent).toBe('Madame, Monsieur,');
    // Directly after the fields and before the first section: never run into the first sentence.
    expect(salutation?.previousElementSibling?.tagName).toBe('DL');
    expect(salutation?.nextElementSibling?.tagName).toBe('SECTION');
    const closing = article.querySelector('.print-document__closing');
    expect(closing?.textContent).toBe(NOTICE_TEXTS.fr.closings.notice);
    expect(closing?.nextElementSibling?.className).toBe('print-document__signature');
    expect(closing?.nextElementSibling?.textContent).toBe(
      'Ana Silva, pour Autorité de protection des données de Port-Tranquille',
    );
  });

  it('closes a decision letter with its own formula', () => {
    const letter = buildDecisionLetter(
      letterCase('rights-complaint', 'de'),
      letterOptions('rights-complaint', 'de', 'decision'),
    );
    if (isNoticeProblem(letter)) throw new Error(letter.message);
    const article = render(letter);
    expect(article.querySelector('.print-document__salutation')?.textContent).toBe('Sehr geehrte Damen und Herren,');
    expect(article.querySelector('.print-document__closing')?.textContent).toBe(NOTICE_TEXTS.de.closings.decision);
    expect(article.querySelector('.print-document__signature')?.textContent).toBe('Datenschutzbehörde Stillhafen');
  });
});
