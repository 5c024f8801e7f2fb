import { describe, expect, it } from 'vitest';
import { AFFECTED_PERSON_ID, importedPersonId, newAffectedPersonId } from '@shared/domain/primitives';

describe('affected-person ids', () => {
  it('are made in one fixed format, random when added and numbered when imported', () => {
    const made = Array.from({ length: 50 }, newAffectedPersonId);
    expect(made.every((id) => AFFECTED_PERSON_ID.test(id))).toBe(true);
    expect(new Set(made).size).toBe(50);
    expect([importedPersonId(0), importedPersonId(99)]).toEqual(['person-00000001', 'person-00000064']);
    expect(AFFECTED_PERSON_ID.test('identified-12')).toBe(true);
  });

  it('do not admit what a partner might use to name someone', () => {
    for (const partnerId of ['ana.weber@example.org', 'DE-1985-03-02-WEBER', 'person-ANA', 'person-0a1b2c3d ', 'p1'])
      expect(AFFECTED_PERSON_ID.test(partnerId)).toBe(false);
  });
});
