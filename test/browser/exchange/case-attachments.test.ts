import { describe, expect, it } from 'vitest';
import { caseAttachments } from '../../../renderer/src/exchange/case-attachments';
import { findCaseAttachment } from '../../../renderer/src/vault/attachments/find-case-attachment';
import { storeAttachment } from '../../../renderer/src/vault/attachments/attachment-store';
import { createdVault } from '../vault/vault-test-kit';
import { getRaw, putRaw } from '../vault/raw-idb';

describe('the files of a case', () => {
  it('a file whose plaintext caseId was edited on disk does not travel in the other case’s export', async () => {
    const vault = await createdVault('case-attachments');
    const { db } = vault;
    const stored = await storeAttachment(db, {
      id: 'att-1',
      caseId: 'case-a',
      fileName: 'intercept-summary.txt',
      mediaType: 'text/plain',
      source: new Blob(['Only for case A. '.repeat(100)]),
      now: new Date('2026-02-01T10:00:00Z'),
    });
    if (!stored.ok) throw new Error(stored.error.message);
    expect((await caseAttachments(db, 'case-a')).map((record) => record.id)).toEqual(['att-1']);

    const row = (await getRaw(db.name, 'attachments', 'att-1')) as Record<string, unknown>;
    await putRaw(db.name, 'attachments', { ...row, caseId: 'case-b' });

    expect(await caseAttachments(db, 'case-b')).toEqual([]);
    expect(await findCaseAttachment(db, 'case-b', stored.value.contentHash)).toMatchObject({
      ok: false,
      error: { code: 'attachment-missing' },
    });
    expect(vault.corruption.records.map((r) => `${r.table}/${r.id}`)).toEqual(['attachments/att-1']);
  });
});
