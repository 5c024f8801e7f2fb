/**
 * Letters that are not a base letter plus combining marks, so NFD leaves them whole: folded by hand to what a
 * person types on a keyboard without them ("strasse" finds "Straße", "oresund" finds "Øresund").
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

const COMBINING_MARKS = /\p{M}/gu;
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/**
 * Text as search compares it: lower case, accents and other combining marks removed, the few letters above
 * spelled out. Locale-independent on purpose (`toLowerCase`, not `toLocaleLowerCase`): the same case is found
 * the same way whatever the interface language, and a Turkish locale does not change what "i" matches.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter);
}
