import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ERROR_CODES } from '@shared/bundle/bundle-error';
import { BUNDLE_RULES, rulesForCode } from '@shared/bundle/bundle-rules';

/**
 * The verification order exists twice: as prose in docs/bundle-format.md §11–12 (what a partner implements) and as
 * the table in shared/bundle/bundle-rules.ts (what `casebridge-bundle explain` prints and the vectors name).
 * They must be the same list: same numbers, same order, one code each.
 */
const spec = readFileSync(join(resolve(import.meta.dirname, '../../..'), 'docs/bundle-format.md'), 'utf8');
const section = (from: string, to: string) => spec.slice(spec.indexOf(from), spec.indexOf(to));

describe('bundle rules: the table and the specification agree', () => {
  it('lists in §11 exactly the rules of the table, in the same order and with the same code', () => {
    const text = section('## 11. Verification order', '## 12. Error codes');
    const listed = [...text.matchAll(/^\s*- \*\*(\d+(?:\.\d+)+)\*\* [\s\S]*?→ `(BUNDLE_[A-Z_]+)`/gm)].map(
      ([, rule, code]) => ({ rule, code }),
    );
    expect(text).toContain('**Input and output failures (rule IO).**');
    expect(listed).toEqual(BUNDLE_RULES.filter((r) => r.rule !== 'IO').map(({ rule, code }) => ({ rule, code })));
  });

  it('names in the §12 table, for every code, the rules that produce it', () => {
    const table = section('## 12. Error codes', '## 13. Writing a bundle');
    for (const code of BUNDLE_ERROR_CODES) {
      const row = table.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      const rules = rulesForCode(code).map((r) => r.rule);
      const last = row?.split('|').at(-2)?.trim() ?? '';
      expect(last, code).toBe(rules.length > 0 ? rules.join(', ') : 'none (writer only, §13)');
    }
  });

  it('gives every code a verifier returns at least one rule', () => {
    for (const code of BUNDLE_ERROR_CODES)
      if (code !== 'BUNDLE_BUILD_INVALID') expect(rulesForCode(code).length, code).toBeGreaterThan(0);
    expect(new Set(BUNDLE_RULES.map((r) => r.rule)).size).toBe(BUNDLE_RULES.length);
  });
});
