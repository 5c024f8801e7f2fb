import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { HelpScreen } from '../../../renderer/src/screens/help/HelpScreen';
import { GLOSSARY_TERMS } from '../../../renderer/src/screens/help/glossary-terms';

let root: Root | null = null;
let container: HTMLElement;
beforeAll(async () => {
  await initI18n();
});
afterEach(async () => {
  act(() => root?.unmount());
  container.remove();
  await i18n.changeLanguage('en');
});

async function renderHelp(language: string) {
  await i18n.changeLanguage(language);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root?.render(<HelpScreen />));
}

async function search(text: string) {
  const input = container.querySelector('input');
  if (!input) throw new Error('no search field');
  await act(async () => {
    // React tracks the value through the native setter; assigning it alone would not fire onChange.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const terms = () => [...container.querySelectorAll('dt')].map((dt) => dt.textContent);

describe('help: the glossary', () => {
  it('explains every term, grouped by topic, with the article where a term comes from law', async () => {
    await renderHelp('en');
    expect(terms()).toHaveLength(GLOSSARY_TERMS.length);
    expect(container.querySelector('h1')?.textContent).toBe('Words used in Casebridge');
    const counting = container.querySelector('#term-deadline-counting + dd')?.textContent ?? '';
    expect(counting).toContain('No 1182/71, Art. 3');
  });

  it('finds a term in the interface language, ignoring accents and case', async () => {
    await renderHelp('fr');
    await search('RECUPERATION');
    expect(terms()).toContain('Clé de récupération');
    expect(terms()).not.toContain('Empreinte');
    await search('zzz');
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Aucun terme ne correspond à «\u00a0zzz\u00a0».',
    );
  });
});
