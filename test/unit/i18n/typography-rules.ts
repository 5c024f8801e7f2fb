/**
 * Typography rules for text a reader sees, as code so a test can hold them. French: a no-break space before the
 * two-part punctuation marks (U+00A0 or the narrow U+202F before ":", U+202F or U+00A0 before ";", "?" and "!"),
 * « » quotes with a no-break space inside, no straight quotes; a time ("10:00") or a URL is not a violation. French,
 * German and Spanish: the typographic apostrophe ’, never the straight one.
 */
const NO_BREAK = new Set(['\u00a0', '\u202f']);
const excerpt = (text: string, index: number) => text.slice(Math.max(0, index - 30), index + 10);

export function frenchViolations(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(.)([:;?!])(?=\s|$)/gu)) {
    const before = match[1] ?? '';
    if (NO_BREAK.has(before) || /\d/.test(before)) continue;
    found.push(`"${match[0]}" in "${excerpt(text, match.index)}"`);
  }
  for (const match of text.matchAll(/«(.)|(.)»/gu)) {
    const inside = match[1] ?? match[2] ?? '';
    if (!NO_BREAK.has(inside)) found.push(`quote without a no-break space in "${excerpt(text, match.index)}"`);
  }
  if (text.includes('"')) found.push(`straight double quote in "${text.slice(0, 60)}"`);
  return [...found, ...apostropheViolations(text)];
}

export function apostropheViolations(text: string): string[] {
  return text.includes("'") ? [`straight apostrophe in "${text.slice(0, 60)}"`] : [];
}

/** Every string in a nested catalog object, with its path. */
export function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  return [];
}
