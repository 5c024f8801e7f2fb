import { describe, expect, it } from 'vitest';
import { toHex } from '@shared/bytes/bytes';
import type { CasebridgeApi, IpcResult } from '@shared/ipc/contract';
import { shellErr } from '@shared/ipc/describe-shell-message';
import { addEvidenceFile } from '../../../renderer/src/cases/add-evidence-file';
import { CaseRepository } from '../../../renderer/src/cases/case-repository';
import { loadEvidencePreview } from '../../../renderer/src/cases/evidence-preview';
import { exportEvidenceFile, type StreamedFileSaver } from '../../../renderer/src/cases/export-evidence-file';
import { workflowContext } from '../../../renderer/src/cases/workflow-context';
import { getRaw, putRaw } from '../vault/raw-idb';
import { createdVault, kit } from '../vault/vault-test-kit';

/**
 * Stands in for the shell's streamed "Save as…" as main implements it: chunks go to a temporary file that becomes
 * the saved file only when finished with a matching BLAKE2b-512; a cancel drops it (the Node side is unit-tested).
 */
function fakeSaver() {
  const files = new Map<string, Uint8Array>();
  let temp: Uint8Array[] | null = null;
  const calls: string[] = [];
  const id = 'a'.repeat(32);
  const saver: StreamedFileSaver = {
    beginSave: async ({ suggestedName }) => {
      calls.push(`begin ${suggestedName}`);
      temp = [];
      return { ok: true, value: { saveId: id, name: suggestedName } };
    },
    writeChunk: async ({ chunk }) => {
      temp?.push(chunk.slice());
      return { ok: true, value: { writtenBytes: (temp ?? []).reduce((n, c) => n + c.length, 0) } };
    },
    finishSave: async ({ hashHex }): Promise<IpcResult<'document.finishSave'>> => {
      calls.push('finish');
      const whole = new Uint8Array(await new Blob((temp ?? []) as BlobPart[]).arrayBuffer());
      temp = null;
      if (toHex(kit.hash(whole, 64)) !== hashHex) return shellErr({ code: 'changed-on-the-way', params: {} });
      files.set('saved', whole);
      return { ok: true, value: { path: '/chosen/saved', name: 'saved', bytes: whole.length } };
    },
    cancelSave: async () => {
      calls.push('cancel');
      temp = null;
      return { ok: true, value: null };
    },
  } satisfies Pick<CasebridgeApi['document'], keyof StreamedFileSaver>;
  return { saver, files, calls };
}

async function caseWithEvidence(label: string, file: File) {
  const vault = await createdVault(label);
  const alice = { id: vault.person?.personId ?? 'nobody', role: 'caseworker' } as const;
  const repository = new CaseRepository(vault.db, workflowContext(kit, vault.keyring));
  const created = await repository.createCase(
    {
      reference: `DE-EVX-2026-${label}`,
      kind: 'data-access-request',
      title: 'Heron',
      originatingJurisdiction: 'DE',
      changes: {},
    },
    alice,
  );
  if (!created.ok) throw new Error(created.messages.join('; '));
  const added = await addEvidenceFile(repository, created.case.id, file, 'received', alice);
  if (!added.ok) throw new Error(added.messages.join('; '));
  const item = added.case.evidence[0];
  if (!item) throw new Error('no evidence item');
  return { vault, alice, repository, caseId: created.case.id, item };
}

const MiB = 1024 * 1024;
const bytes = Uint8Array.from({ length: 3 * MiB + 12_345 }, (_, i) => (i * 131 + (i >> 9)) & 255);

describe('exporting an evidence file', () => {
  it('streams a multi-chunk file out byte-identical and records the custody step with id and hash only', async () => {
    const file = new File([bytes], 'Camille Durand threats.bin', { type: 'application/octet-stream' });
    const { repository, alice, caseId, item } = await caseWithEvidence('0001', file);
    const { saver, files, calls } = fakeSaver();
    const progress: number[] = [];
    const result = await exportEvidenceFile({
      repository,
      saver,
      caseId,
      item,
      actor: alice,
      note: 'exported',
      onProgress: (done) => progress.push(done),
    });
    expect(result).toMatchObject({ ok: true, value: { name: 'saved' } });
    expect(files.get('saved')).toEqual(bytes);
    expect(calls).toEqual(['begin Camille Durand threats.bin', 'finish']);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(bytes.length);

    const event = (await repository.events(caseId)).at(-1);
    expect(event).toMatchObject({
      action: 'record-custody',
      details: { evidenceId: item.id, custody: 'exported', contentHash: item.contentHash },
    });
    expect(JSON.stringify(event)).not.toMatch(/Camille|threats/);
    const stored = await repository.get(caseId);
    expect(stored?.evidence[0]?.custody.map((c) => c.action)).toEqual(['received', 'exported']);
  });

  it('refuses a tampered chunk: the save is cancelled, no file is left and nothing is recorded', async () => {
    const file = new File([bytes], 'threats.bin', { type: 'application/octet-stream' });
    const { vault, repository, alice, caseId, item } = await caseWithEvidence('0002', file);
    const [record] = await vault.db.attachments.where('caseId').equals(caseId).primaryKeys();
    // Chunk 10 of 13: the first pulls have already gone to the (temporary) file when it fails.
    const key = [String(record), 10];
    const chunk = (await getRaw(vault.db.name, 'attachmentChunks', key)) as { c: Uint8Array };
    const flipped = chunk.c.slice();
    flipped[100] = (flipped[100] ?? 0) ^ 1;
    await putRaw(vault.db.name, 'attachmentChunks', { attachmentId: String(record), index: 10, c: flipped });
    const eventsBefore = (await repository.events(caseId)).length;

    const { saver, files, calls } = fakeSaver();
    let written = 0;
    const result = await exportEvidenceFile({
      repository,
      saver,
      caseId,
      item,
      actor: alice,
      note: 'exported',
      onProgress: (done) => (written = done),
    });
    expect(written).toBeGreaterThan(0);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ kind: 'file', code: 'attachment-corrupt' });
    expect(calls).toEqual(['begin threats.bin', 'cancel']);
    expect(files.size).toBe(0);
    expect(await repository.events(caseId)).toHaveLength(eventsBefore);
  });
});

// A 1×1 transparent PNG.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

describe('previewing an evidence file', () => {
  it('decrypts an image into a Blob of its checked type and records the view', async () => {
    const { repository, alice, caseId, item } = await caseWithEvidence(
      '0003',
      new File([PNG], 'photo.png', { type: 'image/png' }),
    );
    const loaded = await loadEvidencePreview(repository, caseId, item, alice);
    expect(loaded.ok && loaded.preview.kind).toBe('image');
    if (!loaded.ok || loaded.preview.kind === 'text') return;
    expect(loaded.preview.blob.type).toBe('image/png');
    expect(new Uint8Array(await loaded.preview.blob.arrayBuffer())).toEqual(PNG);
    expect((await repository.events(caseId)).at(-1)).toMatchObject({
      type: 'sensitive-data-viewed',
      details: { what: 'evidence', itemId: item.id },
    });
  });

  it('shows nothing whose bytes do not match its stated type, and nothing for unknown types', async () => {
    const fake = await caseWithEvidence('0004', new File(['<html>hi</html>'], 'x.png', { type: 'image/png' }));
    const refused = await loadEvidencePreview(fake.repository, fake.caseId, fake.item, fake.alice);
    expect(!refused.ok && refused.refusal).toMatchObject({ kind: 'file', code: 'not-this-type' });
    // PDFs too: Chromium's viewer needs requests the app's policy refuses (docs/vault.md, Attachments).
    const zip = await caseWithEvidence('0005', new File(['%PDF-1.4'], 'x.pdf', { type: 'application/pdf' }));
    const none = await loadEvidencePreview(zip.repository, zip.caseId, zip.item, zip.alice);
    expect(!none.ok && none.refusal).toMatchObject({ kind: 'file', code: 'no-preview' });
  });

  it('shows text as text, the first 256 KiB only', async () => {
    const long = 'é'.repeat(200_000);
    const { repository, alice, caseId, item } = await caseWithEvidence(
      '0006',
      new File([long], 'notes.txt', { type: 'text/plain' }),
    );
    const loaded = await loadEvidencePreview(repository, caseId, item, alice);
    expect(loaded.ok && loaded.preview.kind === 'text' && loaded.preview.truncated).toBe(true);
    if (!loaded.ok || loaded.preview.kind !== 'text') return;
    expect(loaded.preview.text.startsWith('éé')).toBe(true);
    expect(new TextEncoder().encode(loaded.preview.text).length).toBeLessThanOrEqual(256 * 1024 + 3);
  });
});
