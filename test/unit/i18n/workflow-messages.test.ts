import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { LADDER_RUNGS } from '@shared/domain/enforcement-ladder';
import { LAPSE_OUTCOMES } from '@shared/procedures/procedure-template';
import { ACTION_TYPES } from '@shared/workflow/workflow-action';
import { WORKFLOW_MESSAGE_CODES, type WorkflowMessage } from '@shared/workflow/workflow-message';
import { workflowMessageText } from '../../../renderer/src/components/workflow-message-text';
import { SAMPLE_MESSAGES } from '../workflow/workflow-message-samples';

/** Every UI catalog on disk: a language added later is held to the same rules without touching this test. */
const LOCALES = new URL('../../../renderer/src/i18n/locales/', import.meta.url);
const catalogs: [string, Record<string, unknown>][] = readdirSync(LOCALES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(name, LOCALES), 'utf8'))]);

const section = (catalog: Record<string, unknown>): Record<string, unknown> => {
  const found = catalog['workflowMessages'];
  return typeof found === 'object' && found !== null ? (found as Record<string, unknown>) : {};
};
const entry = (catalog: Record<string, unknown>, path: string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined),
    section(catalog),
  );
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

describe('workflow messages in the UI catalogs', () => {
  it('finds the catalogs', () => {
    expect(catalogs.map(([language]) => language)).toEqual(expect.arrayContaining(['en', 'fr']));
  });

  it.each(catalogs)('%s words every code, and nothing else', (_language, catalog) => {
    const missing = WORKFLOW_MESSAGE_CODES.filter((code) => {
      const text = entry(catalog, [code]);
      return typeof text !== 'string' || text.trim() === '';
    });
    expect(missing).toEqual([]);
    const known = new Set<string>([...WORKFLOW_MESSAGE_CODES, 'params']);
    expect(Object.keys(section(catalog)).filter((key) => !known.has(key))).toEqual([]);
  });

  it.each(catalogs)(
    '%s names every action, enforcement rung and lapse outcome a message can mention',
    (_l, catalog) => {
      const gaps = [
        ...ACTION_TYPES.map((type) => ['params', 'action', type]),
        ...LADDER_RUNGS.map((rung) => ['params', 'rung', rung]),
        ...LAPSE_OUTCOMES.map((lapse) => ['params', 'lapse', lapse]),
      ].filter((path) => {
        const text = entry(catalog, path);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(gaps.map((path) => path.join('.'))).toEqual([]);
    },
  );

  it.each(catalogs)('%s uses only the placeholders the producer supplies', (_language, catalog) => {
    const wrong = SAMPLE_MESSAGES.flatMap((m) => {
      const text = entry(catalog, [m.code]);
      const supplied = new Set(Object.keys(m.params));
      const unknown = typeof text === 'string' ? placeholders(text).filter((name) => !supplied.has(name ?? '')) : [];
      return unknown.map((name) => `${m.code}: {{${name}}}`);
    });
    expect(wrong).toEqual([]);
  });

  it('every language uses the same placeholders as English for each code', () => {
    const english = catalogs.find(([language]) => language === 'en')?.[1] ?? {};
    const differing = catalogs.flatMap(([language, catalog]) =>
      WORKFLOW_MESSAGE_CODES.filter((code) => {
        const mine = entry(catalog, [code]);
        const theirs = entry(english, [code]);
        return typeof mine === 'string' && typeof theirs === 'string'
          ? placeholders(mine).join() !== placeholders(theirs).join()
          : false;
      }).map((code) => `${language}: ${code}`),
    );
    expect(differing).toEqual([]);
  });

  it.each(catalogs)('%s renders every sample message completely', async (language, catalog) => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: language,
      resources: { [language]: { translation: catalog } },
      interpolation: { escapeValue: false },
    });
    const text = (m: WorkflowMessage) =>
      workflowMessageText(m, (key, values) => i18n.t(key, values), {
        language: language === 'fr' || language === 'de' || language === 'es' ? language : 'en',
        dateTime: (iso) => `<${iso}>`,
      });
    const broken = SAMPLE_MESSAGES.map((m) => [m.code, text(m)] as const).filter(
      ([code, rendered]) => rendered.includes('{{') || rendered.includes('workflowMessages.') || rendered === code,
    );
    expect(broken).toEqual([]);
  });

  it('translates the codes inside a message, and formats its date, instead of echoing them', async () => {
    const fr = catalogs.find(([language]) => language === 'fr')?.[1] ?? {};
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, interpolation: { escapeValue: false } });
    const text = (m: WorkflowMessage) =>
      workflowMessageText(m, (key, values) => i18n.t(key, values), { language: 'fr', dateTime: () => '4 sept. 2026' });
    expect(text({ code: 'statement-empty', params: { statement: 'proportionality' } })).toBe(
      'la déclaration «\u00a0Proportionnalité\u00a0» est vide',
    );
    expect(
      text({ code: 'action-wrong-stage', params: { action: 'decide', stages: ['redress-review'], stage: 'draft' } }),
    ).toBe(
      '«\u00a0statuer sur le recours\u00a0» n’est possible qu’à l’étape Examen du recours\u202f; ce dossier est à l’étape Brouillon',
    );
    expect(
      text({
        code: 'remedy-not-done',
        params: { remedy: 'erase-data', date: '2026-09-04T08:00:00Z', timeZone: 'UTC' },
      }),
    ).toMatch(/^la mesure correctrice «\u00a0.+\u00a0» n’est pas exécutée \(échéance 4 sept\. 2026\)$/);
    expect(text({ code: 'remedy-not-done', params: { remedy: 'erase-data', date: '', timeZone: '' } })).not.toContain(
      'erase-data',
    );
  });
});
