import { AFFECTED_PERSON_ID, importedPersonId } from './primitives';

/**
 * Which of `ids` (the person ids one case uses, in order, repeats allowed) are not ids this office makes, and the
 * local pseudonym each gets: `person-00000001`, `person-00000002`, … in order of first use, skipping any the case
 * already uses. The same foreign id always maps to the same pseudonym, so a case stays consistent. Empty when every
 * id is already local.
 */
export function localPersonIds(ids: readonly string[]): Map<string, string> {
  const taken = new Set(ids.filter((id) => AFFECTED_PERSON_ID.test(id)));
  const renamed = new Map<string, string>();
  let next = 0;
  for (const id of ids) {
    if (taken.has(id) || renamed.has(id)) continue;
    let pseudonym = importedPersonId(next++);
    while (taken.has(pseudonym)) pseudonym = importedPersonId(next++);
    taken.add(pseudonym);
    renamed.set(id, pseudonym);
  }
  return renamed;
}
