import { describe, expect, it } from 'vitest';
import { INBOX_STATES, type InboxEntry, type InboxState } from '@shared/exchange/inbox-entry';
import type { BundleFile } from '@shared/ipc/contract';
import { ok } from '@shared/result';
import { archiveInboxFile, isArchivable } from '../../../renderer/src/exchange/inbox-archive';

const file: BundleFile = {
  fileToken: 'd'.repeat(32),
  name: 'request-1.cbundle',
  bytes: 10,
  modifiedAt: '2026-01-01T00:00:00.000Z',
};

function entryIn(state: InboxState): InboxEntry {
  const facts = { fileName: file.name, size: file.bytes };
  const bundle = {
    bundleId: 'b'.repeat(32),
    kind: 'request' as const,
    createdAt: 0,
    notAfter: 1,
    sender: { type: 'this-office' as const },
    caseRef: null,
  };
  switch (state) {
    case 'unreadable':
      return { ...facts, state, code: 'BUNDLE_TRUNCATED' };
    case 'altered-copy':
      return { ...facts, bundle, state, because: 'hash-mismatch', recorded: 'received' };
    case 'unknown-sender':
      return { ...facts, bundle, state, problem: 'not-in-list' };
    default:
      return { ...facts, bundle, state };
  }
}

/** Records what reaches the shell. */
function fakeShell() {
  const calls: string[] = [];
  return {
    calls,
    exchange: {
      archiveBundle: async ({ fileToken }: { fileToken: string }) => {
        calls.push(fileToken);
        return ok({ name: file.name, relativePath: `casebridge-archive/${file.name}` });
      },
    },
  };
}

describe('archiving from the inbox', () => {
  it('offers and sends only processed bundles: already imported, refused with a receipt, or sent by this office', async () => {
    const archivable: InboxState[] = [];
    for (const state of INBOX_STATES) {
      const shell = fakeShell();
      const result = await archiveInboxFile(shell.exchange, file, entryIn(state));
      if (isArchivable(entryIn(state))) {
        archivable.push(state);
        expect(result).toEqual(ok({ name: file.name, relativePath: 'casebridge-archive/request-1.cbundle' }));
        expect(shell.calls).toEqual([file.fileToken]);
      } else {
        expect(result).toMatchObject({ ok: false, error: { code: 'not-processed' } });
        expect(shell.calls).toEqual([]);
      }
    }
    expect(archivable.sort()).toEqual(['already-imported', 'ours', 'refused']);
  });

  it('refuses a file whose state is not known yet', async () => {
    const shell = fakeShell();
    expect(isArchivable(undefined)).toBe(false);
    expect(await archiveInboxFile(shell.exchange, file, undefined)).toMatchObject({
      ok: false,
      error: { code: 'not-processed' },
    });
    expect(shell.calls).toEqual([]);
  });
});
