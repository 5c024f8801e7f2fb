/** "My cases" or "all cases": the choice the dashboard and the case list share while someone is signed in. */
export type CaseScope = 'mine' | 'all';

/** A person's own cases: those they own, and those whose challenge they review. */
export function isMine(
  c: { readonly ownerId: string | null; readonly reviewerId: string | null },
  personId: string | null,
): boolean {
  return personId !== null && (c.ownerId === personId || c.reviewerId === personId);
}
