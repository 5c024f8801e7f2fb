import type { CasebridgeApi } from '@shared/ipc/contract';
import { shellErr } from '@shared/ipc/describe-shell-message';
import { ok } from '@shared/result';
import { CaseRepository } from '../../../renderer/src/cases/case-repository';
import { workflowContext } from '../../../renderer/src/cases/workflow-context';
import type { ExchangeDeps } from '../../../renderer/src/exchange/exchange-deps';
import { ensureOwnOffice } from '../../../renderer/src/offices/own-office';
import { vaultOnFillingDisk, type DiskBudget } from '../vault/filling-disk';
import { kit } from '../vault/vault-test-kit';

const MiB = 1024 * 1024;

/**
 * A stick holding bundle files by token, read the way the shell serves them (1 MiB per IPC chunk). Several files
 * may be open at once (two imports prepared together); `opens` counts how often each file was opened.
 */
export function stickWith(files: Map<string, Uint8Array>) {
  const reads = new Map<string, { file: Uint8Array; offset: number }>();
  const opens = new Map<string, number>();
  let next = 0;
  const exchange: Pick<CasebridgeApi['exchange'], 'openBundle' | 'readChunk' | 'closeBundle'> = {
    openBundle: ({ fileToken }) => {
      const file = files.get(fileToken);
      if (!file) return Promise.resolve(shellErr({ code: 'volume-gone', params: { place: { kind: 'bundle-file' } } }));
      opens.set(fileToken, (opens.get(fileToken) ?? 0) + 1);
      const readId = `read-${++next}`;
      reads.set(readId, { file, offset: 0 });
      return Promise.resolve(ok({ readId, bytes: file.length }));
    },
    readChunk: ({ readId }) => {
      const read = reads.get(readId);
      if (!read) return Promise.resolve(shellErr({ code: 'transfer-closed', params: {} }));
      const chunk = read.offset < read.file.length ? read.file.slice(read.offset, read.offset + MiB) : null;
      read.offset += MiB;
      return Promise.resolve(ok({ chunk }));
    },
    closeBundle: ({ readId }) => {
      reads.delete(readId);
      return Promise.resolve(ok(null));
    },
  };
  // The importer only reads bundle files; the rest of the shell's API is never called here.
  return { shell: { exchange } as unknown as CasebridgeApi, opens };
}

/**
 * An unlocked vault (on a disk that counts attachment chunk writes) whose own office is the Bureau of Quiet
 * Harbours (DE), and the importer's deps reading `files` from a stick at the time `now`.
 */
export async function receivingOffice(label: string, now: number, files: Map<string, Uint8Array>) {
  const budget: DiskBudget = { bytes: Infinity, chunkWrites: 0 };
  const vault = await vaultOnFillingDisk(label, budget);
  const own = await ensureOwnOffice(
    vault.db,
    kit,
    { id: 'office', officeName: 'Bureau of Quiet Harbours', jurisdiction: 'DE', createdAt: new Date(now) },
    now,
  );
  if (!own.ok) throw new Error(own.error.message);
  const stick = stickWith(files);
  const context = workflowContext(kit, vault.keyring, undefined, { now: () => new Date(now) });
  const deps: ExchangeDeps = {
    db: vault.db,
    kit,
    shell: stick.shell,
    own: own.value,
    officeName: 'Bureau of Quiet Harbours',
    officeReferenceCode: 'BQH',
    officeJurisdiction: 'DE',
    repository: new CaseRepository(vault.db, context),
    actor: { id: vault.person?.personId ?? 'nobody', role: 'caseworker' },
    context,
    now: () => now,
  };
  const counts = async () => ({
    chunks: await vault.db.attachmentChunks.count(),
    attachments: await vault.db.attachments.count(),
    cases: await vault.db.cases.count(),
    events: await vault.db.events.count(),
    ledger: await vault.db.bundleLedger.count(),
  });
  return { vault, own: own.value, deps, budget, opens: stick.opens, counts };
}
