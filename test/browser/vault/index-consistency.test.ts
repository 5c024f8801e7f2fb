import { describe, expect, it } from 'vitest';
import { createdVault } from './vault-test-kit';
import { getRaw, putRaw } from './raw-idb';
import { makeCase } from './case-fixtures';

/**
 * Plain and blind index values sit beside the ciphertext, outside its authentication: someone with the disk can edit
 * them. A row whose plain index values disagree with its decrypted record, or that a blind-index query found although
 * its record holds another value, must be reported as corrupt and never returned, on every read path, or an edited
 * index would move a record into someone else's query.
 */
const draft = { ...makeCase(0), id: 'case-draft', stage: 'draft', reference: 'DE-BFDI-2026-0100' };
const closed = { ...makeCase(6), id: 'case-closed', stage: 'closed', reference: 'FR-CNIL-2026-0200' };
const other = { ...makeCase(1), id: 'case-other', stage: 'authorised', reference: 'NL-AP-2026-0300' };
const person = { id: 'person-1', caseId: 'case-draft', name: 'Ines Duarte', contact: 'ines@example.pt' };

async function seeded(label: string) {
  const vault = await createdVault(label);
  await vault.db.cases.bulkPut([draft, closed, other]);
  await vault.db.people.put(person);
  return vault;
}

type Row = Record<string, unknown>;
const rawRow = async (db: string, table: string, id: string) => (await getRaw(db, table, id)) as Row;

describe('index values are checked against the decrypted record', () => {
  it('an edited plain index (stage) returns no draft for where(stage = closed), on any read path', async () => {
    const vault = await seeded('edited-stage');
    const { db } = vault;
    const row = await rawRow(db.name, 'cases', 'case-draft');
    await putRaw(db.name, 'cases', { ...row, stage: 'closed' });

    expect((await db.cases.where('stage').equals('closed').toArray()).map((c) => c.id)).toEqual(['case-closed']);
    expect(await db.cases.where('stage').equals('closed').first()).toMatchObject({ id: 'case-closed' });
    expect(await db.cases.get('case-draft')).toBeUndefined();
    expect((await db.cases.bulkGet(['case-draft', 'case-closed'])).map((c) => c?.id)).toEqual([
      undefined,
      'case-closed',
    ]);
    expect((await db.cases.toArray()).map((c) => c.id).sort()).toEqual(['case-closed', 'case-other']);
    const seen: string[] = [];
    await db.cases
      .where('stage')
      .equals('closed')
      .each((c) => seen.push(c.id));
    await db.cases.each((c) => seen.push(c.id));
    expect(seen.sort()).toEqual(['case-closed', 'case-closed', 'case-other']);
    expect(vault.corruption.records).toEqual([
      {
        table: 'cases',
        id: 'case-draft',
        cause: { code: 'index-mismatch', params: { field: 'stage' } },
        reason: expect.stringMatching(/index value .*stage/),
      },
    ]);
    // Reported, not repaired: the row is on disk as the attacker left it.
    expect(await getRaw(db.name, 'cases', 'case-draft')).toEqual({ ...row, stage: 'closed' });
  });

  it('a blind-index token copied from another row does not return the wrong record', async () => {
    const vault = await seeded('copied-token');
    const { db } = vault;
    // Sorts before case-closed, so a first() or get({reference}) (limit 1) meets the tampered row first.
    await db.cases.put({ ...makeCase(4), id: 'case-aardvark', reference: 'IE-DPC-2026-0400' });
    const closedRow = await rawRow(db.name, 'cases', 'case-closed');
    const otherRow = await rawRow(db.name, 'cases', 'case-aardvark');
    await putRaw(db.name, 'cases', { ...otherRow, reference: closedRow.reference });

    expect((await db.cases.where('reference').equals('FR-CNIL-2026-0200').toArray()).map((c) => c.id)).toEqual([
      'case-closed',
    ]);
    expect(await db.cases.get({ reference: 'FR-CNIL-2026-0200' })).toMatchObject({ id: 'case-closed' });
    const seen: string[] = [];
    await db.cases
      .where('reference')
      .equals('FR-CNIL-2026-0200')
      .each((c) => seen.push(c.id));
    expect(seen).toEqual(['case-closed']);
    expect(await db.cases.where('reference').equals('FR-CNIL-2026-0200').first()).toMatchObject({
      id: 'case-closed',
    });
    // Read by its own id it is its own record (authenticated): the token misleads only the queries that use it.
    expect(await db.cases.get('case-aardvark')).toMatchObject({ reference: 'IE-DPC-2026-0400' });
    expect(vault.corruption.records).toEqual([
      {
        table: 'cases',
        id: 'case-aardvark',
        cause: { code: 'index-mismatch', params: { field: 'reference' } },
        reason: expect.stringMatching(/index value .*reference/),
      },
    ]);
  });

  it('an edited plain foreign key (caseId) does not move a record into another case', async () => {
    const vault = await seeded('edited-case-id');
    const { db } = vault;
    const row = await rawRow(db.name, 'people', 'person-1');
    await putRaw(db.name, 'people', { ...row, caseId: 'case-closed' });

    expect(await db.people.where('caseId').equals('case-closed').toArray()).toEqual([]);
    expect(await db.people.where('contact').equals('ines@example.pt').toArray()).toEqual([]);
    expect(await db.people.get('person-1')).toBeUndefined();
    expect(vault.corruption.records.map((r) => `${r.table}/${r.id}`)).toEqual(['people/person-1']);
  });

  it('a token added to a row whose record has no value for that field is caught too', async () => {
    const vault = await seeded('added-token');
    const { db } = vault;
    await db.people.put({ id: 'person-2', caseId: 'case-other', name: 'No contact' });
    const withToken = await rawRow(db.name, 'people', 'person-1');
    const without = await rawRow(db.name, 'people', 'person-2');
    expect(without.contact).toBeUndefined();
    await putRaw(db.name, 'people', { ...without, contact: withToken.contact });

    expect((await db.people.where('contact').equals('ines@example.pt').toArray()).map((p) => p.id)).toEqual([
      'person-1',
    ]);
    expect(vault.corruption.records.map((r) => `${r.table}/${r.id}`)).toEqual(['people/person-2']);
  });

  it('untouched rows read normally and report nothing', async () => {
    const vault = await seeded('untouched');
    const { db } = vault;
    expect(await db.cases.get('case-draft')).toEqual(draft);
    expect((await db.cases.where('reference').equals(' de-bfdi-2026-0100').toArray()).map((c) => c.id)).toEqual([
      'case-draft',
    ]);
    expect((await db.people.where('caseId').equals('case-draft').toArray()).map((p) => p.id)).toEqual(['person-1']);
    expect(vault.corruption.records).toEqual([]);
  });
});
