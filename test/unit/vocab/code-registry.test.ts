import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VOCABULARIES, type VocabularyName } from '@shared/vocab/vocabulary';
import registryFile from '@shared/vocab/data/code-registry.json';

/**
 * Codes are identifiers two offices share: a bundle written today must mean the same in ten years. The registry
 * (`shared/vocab/data/code-registry.json`) is edited by hand, never regenerated: this test only reads it.
 */
const registrySchema = z.strictObject({
  note: z.string(),
  vocabularies: z.record(
    z.string(),
    z.record(
      z.string(),
      z.strictObject({
        meaning: z.string().min(1),
        since: z.string().regex(/^\d{4}\.\d+$/),
        deprecated: z.strictObject({ since: z.string(), replacedBy: z.string().min(1) }).optional(),
      }),
    ),
  ),
});
const registry = registrySchema.parse(registryFile);
const names = Object.keys(VOCABULARIES) as VocabularyName[];

describe('the vocabulary code registry', () => {
  it('covers every vocabulary', () => {
    expect(Object.keys(registry.vocabularies).sort()).toEqual([...names].sort());
  });

  it.each(names)('%s: every code in use is registered, with the meaning it was published with', (name) => {
    const published = registry.vocabularies[name] ?? {};
    for (const term of VOCABULARIES[name].terms) {
      const entry = published[term.code];
      expect(entry, `${name}/${term.code} is new: register it in code-registry.json`).toBeDefined();
      expect(entry?.deprecated, `${name}/${term.code} is deprecated but still offered`).toBeUndefined();
      expect(term.labels.en, `${name}/${term.code} changed meaning: a new meaning needs a new code`).toBe(
        entry?.meaning,
      );
    }
  });

  it.each(names)('%s: no published code has disappeared; a retired one names a replacement in use', (name) => {
    const inUse = new Set(VOCABULARIES[name].terms.map((t) => t.code));
    for (const [code, entry] of Object.entries(registry.vocabularies[name] ?? {})) {
      if (inUse.has(code)) continue;
      expect(entry.deprecated, `${name}/${code} disappeared without being deprecated`).toBeDefined();
      expect(inUse.has(entry.deprecated?.replacedBy ?? ''), `${name}/${code} is replaced by an unknown code`).toBe(
        true,
      );
    }
  });
});
