import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDecisionLetter, buildNotice, isNoticeProblem } from '@shared/notices/notice-document';
import { CASE_KINDS, LETTER_LANGUAGES, letterCase, letterOptions, plainText } from './letter-fixture';

/**
 * Golden files: one notice and one decision letter per language and case kind, as plain text, reviewed line by line
 * against shared/notices/terminology.md. A wording change shows as a diff of these files. Not vitest snapshots:
 * `-u` would accept any change silently. To regenerate on purpose: UPDATE_GOLDEN=1 npx vitest run --project unit
 * test/unit/notices/golden-letters.test.ts, then review the diff (docs/testing.md).
 */
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const goldenPath = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));

function compare(name: string, rendered: string) {
  const path = goldenPath(name);
  if (UPDATE) writeFileSync(path, rendered, 'utf8');
  expect(existsSync(path), `${name} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(rendered).toEqual(readFileSync(path, 'utf8'));
}

describe('golden letters', () => {
  for (const kind of CASE_KINDS) {
    for (const language of LETTER_LANGUAGES) {
      it(`${kind}, ${language}: the notice reads exactly as reviewed`, () => {
        const doc = buildNotice(letterCase(kind, language), 'p1', letterOptions(kind, language, 'notice'));
        if (isNoticeProblem(doc)) throw new Error(doc.message);
        compare(`${kind}.${language}.notice.txt`, plainText(doc));
      });

      it(`${kind}, ${language}: the decision letter reads exactly as reviewed`, () => {
        const doc = buildDecisionLetter(letterCase(kind, language), letterOptions(kind, language, 'decision'));
        if (isNoticeProblem(doc)) throw new Error(doc.message);
        compare(`${kind}.${language}.decision.txt`, plainText(doc));
      });
    }
  }
});
