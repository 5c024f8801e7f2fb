import { describe, expect, it } from 'vitest';
import type { Case } from '@shared/domain/case';
import { localPersonIds } from '@shared/domain/local-person-ids';
import { parseStoredCaseRecord } from '@shared/domain/stored-case-schema';
import { makeContext, requestTo } from '../workflow/workflow-fixtures';

/** The fixture's case with its people renamed: ids as this office makes them, or as a partner sent them. */
function withIds(c: Case, ids: readonly string[]): Case {
  return {
    ...c,
    affectedPeople: c.affectedPeople.map((person, index) => ({ ...person, id: ids[index] ?? person.id })),
  };
}

describe('the stored case schema (vault schema 7)', () => {
  const { context, clock } = makeContext();
  const good = requestTo('authorised', context, clock).case;
  const problems = (value: unknown) =>
    (parseStoredCaseRecord(JSON.parse(JSON.stringify(value))).error?.issues ?? []).map((issue) => issue.path.join('.'));

  it('accepts the id formats this office makes', () => {
    expect(problems(withIds(good, ['person-0a1b2c3d', 'identified-12']))).toEqual([]);
    expect(problems(withIds(good, ['person-00000001', 'person-00000002']))).toEqual([]);
  });

  it("refuses a partner's person id, among the people and as the challenger", () => {
    expect(problems(withIds(good, ['ana.weber@example.org', 'person-00000002']))).toEqual(['affectedPeople.0.id']);
    expect(problems(withIds(good, ['person-00000001', 'p2']))).toEqual(['affectedPeople.1.id']);
    const challenged = withIds(good, ['person-00000001', 'person-00000002']);
    expect(
      problems({
        ...challenged,
        challenge: {
          lodgedAt: '2026-03-05T09:00:00.000Z',
          recordedBy: 'alice',
          personId: 'DE-1985-03-02-WEBER',
          grounds: ['manifestly-illegal-not-shown'],
          statement: '',
          attachmentIds: [],
        },
      }),
    ).toEqual(['challenge.personId']);
    expect(parseStoredCaseRecord(withIds(good, ['ana.weber@example.org'])).error?.issues[0]?.message).toMatch(
      /a person id this office makes/,
    );
  });
});

describe('local pseudonyms for the person ids of one case', () => {
  it('renames each foreign id once, in order of first use, around the local ids the case already has', () => {
    const renamed = localPersonIds(['ana@x.org', 'person-00000001', 'ben', 'ana@x.org', 'identified-3', 'ben']);
    expect([...renamed]).toEqual([
      ['ana@x.org', 'person-00000002'],
      ['ben', 'person-00000003'],
    ]);
    expect(localPersonIds(['person-0a1b2c3d', 'identified-0'])).toEqual(new Map());
  });
});
