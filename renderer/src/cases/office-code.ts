/** Two to eight capital letters or digits: what an office code in a reference may be. */
export const REFERENCE_CODE_PATTERN = /^[A-Z0-9]{2,8}$/;

/** Upper-case initials of the office's name ("Bureau of Quiet Harbours" → "BQH"), at most six letters. */
export function officeCode(officeName: string): string {
  const initials = officeName
    .normalize('NFKD')
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 2 || /^\p{Lu}/u.test(word))
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return (initials || 'OFFICE').slice(0, 6);
}
