import { expect, type Page } from '@playwright/test';

/** Codes as the program writes them: kebab-case (`bundle-exported`), SCREAMING_SNAKE (`IMPORT_KEY_CARD`), prefixed ids. */
const CODE_PATTERNS = [
  /(?<![\p{L}\p{N}/.@-])[a-z]+(?:-[a-z0-9]+)+(?![\p{L}\p{N}/.@-])/gu,
  /(?<![\p{L}\p{N}])[A-Z]{2,}(?:_[A-Z0-9]+)+(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])[a-z]+:[0-9a-f]{6,}/gu,
];

/** Hyphenated words of the languages themselves, which read the same as a kebab-case code would. */
const WORDS = new Set([
  'e-evidence',
  'non-discrimination',
  'read-only',
  'follow-up',
  'e-mail',
  'so-called',
  'up-to-date',
  'two-thirds',
  'cross-border',
  // The GDPR's own name for its lead-authority mechanism (Art. 56, 60), in a procedure's title.
  'one-stop-shop',
  're-wrapped',
  're-encrypted',
  // The folder processed bundles move to, named as the person finds it on the drive.
  'casebridge-archive',
]);

/** The words on screen (not in fields a person typed into) hold no code: each has a catalog entry instead. */
export async function expectNoCodes(page: Page, name: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const codes = CODE_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[0])).filter(
    // A pseudonymous case reference (`case-` and 16 hex digits, docs/oversight.md §2) is data the desk shows, as a
    // case reference is, not a code left unworded.
    (token) => !WORDS.has(token.toLowerCase()) && !/^case-[0-9a-f]{16}$/.test(token),
  );
  expect([...new Set(codes)], `${name}: codes on screen`).toEqual([]);
}
