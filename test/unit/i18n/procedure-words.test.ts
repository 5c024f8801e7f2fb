import { describe, expect, it } from 'vitest';
import { PROCEDURE_TEMPLATES } from '@shared/procedures/procedure-registry';
import en from '../../../renderer/src/i18n/locales/en.json';
import de from '../../../renderer/src/i18n/locales/de.json';
import es from '../../../renderer/src/i18n/locales/es.json';
import fr from '../../../renderer/src/i18n/locales/fr.json';

const catalogs = { en, fr, de, es } as const;

/** The value at a dotted path of a catalog, or undefined. */
function lookup(catalog: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined),
    catalog,
  );
}

describe('procedure names and deadline labels are worded in every interface language', () => {
  for (const template of PROCEDURE_TEMPLATES) {
    it(`${template.id}: its title and each period's label`, () => {
      const paths = [
        { path: ['procedures', template.id, 'title'], english: template.title },
        ...template.periods.map((p) => ({ path: ['procedures', template.id, 'periods', p.id], english: p.label })),
      ];
      for (const { path, english } of paths) {
        // The English catalog says what the template says, so the two cannot drift apart.
        expect(lookup(catalogs.en, path), path.join('.')).toBe(english);
        for (const language of ['fr', 'de', 'es'] as const) {
          const words = lookup(catalogs[language], path);
          expect(typeof words === 'string' && words.trim() !== '', `${language}: ${path.join('.')}`).toBe(true);
          expect(words, `${language}: ${path.join('.')} is still English`).not.toBe(english);
        }
      }
    });
  }
});
