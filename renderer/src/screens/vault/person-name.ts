/** The longest name a key slot holds (the header schema allows 80). */
export const PERSON_NAME_MAX = 80;

/** Why a person's name cannot be used, as a catalog key; null when it can. */
export function personNameProblem(name: string): 'vault.person.nameEmpty' | 'vault.person.nameTooLong' | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'vault.person.nameEmpty';
  if (trimmed.length > PERSON_NAME_MAX) return 'vault.person.nameTooLong';
  return null;
}
