import { describe, expect, it } from 'vitest';
import en from '../../../renderer/src/i18n/locales/en.json';
import de from '../../../renderer/src/i18n/locales/de.json';
import es from '../../../renderer/src/i18n/locales/es.json';
import fr from '../../../renderer/src/i18n/locales/fr.json';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Plural keys differ by language (French adds _many); compare them by their base key. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Every catalog but English must carry every English string: a gap shows English in a French or German screen. */
const TRANSLATIONS = { fr, de, es } as const;

/**
 * Strings that may read the same as the English: names, units, placeholders only, and words both languages share.
 * Anything else equal to the English is English left behind.
 */
const SAME_AS_ENGLISH = new Set([
  'app.name',
  'dashboard.tally.withItems',
  'exchange.export.whyNot',
  'exchange.slip.bytes_one',
  'exchange.slip.bytes_other',
  'exchange.ledger.status',
  'reports.total',
  'settings.version',
  'units.bytes',
  'units.kib',
  'units.mib',
  'units.gib',
  'units.tib',
  'vault.bar.office',
  'vault.corrupt.item',
  'vault.passphrase',
  'glossary.passphrase.term',
  'vault.people.name',
  'vault.settings.minutes_one',
  'vault.settings.minutes_other',
  'draft.person',
  'draft.statement.nonDiscrimination',
  // Spanish "No" is the English word.
  'admissibility.answer.no',
  'notes.heading',
  'evidence.hash',
  'calendar.summary',
  // A path alone, as the person's system names it.
  'shellMessages.place.path',
  // The word is the same in French and German.
  'offices.jurisdictions.INT',
]);

const english = flatten(en);

describe.each(Object.entries(TRANSLATIONS))('the %s interface catalog', (_language, catalog: Tree) => {
  const translated = flatten(catalog);

  it('has every English string', () => {
    const bases = new Set([...translated.keys()].map(base));
    expect([...english.keys()].filter((key) => !bases.has(base(key)))).toEqual([]);
  });

  it('has no string English lacks', () => {
    const englishBases = new Set([...english.keys()].map(base));
    expect([...translated.keys()].filter((key) => !englishBases.has(base(key)))).toEqual([]);
  });

  it('uses the same placeholders as the English original', () => {
    const mismatched = [...english].filter(([key, text]) => {
      const own = translated.get(key);
      return own !== undefined && placeholders(own).join() !== placeholders(text).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('leaves no English behind, beyond a short list of strings that read the same', () => {
    const left = [...english].filter(([key, text]) => translated.get(key) === text && !SAME_AS_ENGLISH.has(key));
    expect(left.map(([key]) => key)).toEqual([]);
  });
});

describe('every workflow action is named in the audit trail, in every language', () => {
  it('has an audit label for each action type (and for opening a case)', async () => {
    const { ACTION_TYPES } = await import('@shared/workflow/workflow-action');
    for (const [language, catalog] of Object.entries({ en, ...TRANSLATIONS }).map(
      ([code, tree]) => [code, flatten(tree)] as const,
    )) {
      const missing = ['open-case', ...ACTION_TYPES].filter((type) => !catalog.get(`audit.actions.${type}`));
      expect(missing, `${language}: audit.actions without a label`).toEqual([]);
    }
  });
});

describe('every bundle kind is named wherever bundles are listed (inbox, ledger, slips), in every language', () => {
  it('has a label for each kind of the spec, oversight kinds included', async () => {
    const { BUNDLE_KINDS } = await import('@shared/bundle/bundle-kinds');
    expect(BUNDLE_KINDS).toEqual(
      expect.arrayContaining(['period-report', 'recommendation', 'recommendation-response']),
    );
    for (const [language, catalog] of Object.entries({ en, ...TRANSLATIONS }).map(
      ([code, tree]) => [code, flatten(tree)] as const,
    )) {
      const missing = BUNDLE_KINDS.filter((kind) => !catalog.get(`exchange.kinds.${kind}`));
      expect(missing, `${language}: exchange.kinds without a label`).toEqual([]);
    }
  });
});
