import { foldForSearch } from './fold-for-search';

/** The words of a search query, folded (`foldForSearch`); blank input gives none. */
export const queryWords = (query: string): readonly string[] =>
  foldForSearch(query)
    .split(/\s+/)
    .filter((word) => word.length > 0);

/** Whether every word occurs somewhere in a text that `foldForSearch` already folded (no words: everything matches). */
export const matchesQuery = (foldedText: string, words: readonly string[]): boolean =>
  words.every((word) => foldedText.includes(word));
