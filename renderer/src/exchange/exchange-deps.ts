import type { Actor } from '@shared/domain/actor';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import type { CasebridgeApi } from '@shared/ipc/contract';
import type { WorkflowContext } from '@shared/workflow/workflow-types';
import type { CaseRepository } from '../cases/case-repository';
import type { OwnOffice } from '../offices/own-office';
import type { VaultDb } from '../vault/vault-db';

/** What the exchange code works with: the vault, our identity, the shell's file I/O and the workflow. */
export type ExchangeDeps = {
  readonly db: VaultDb;
  readonly kit: CryptoKit;
  readonly shell: CasebridgeApi;
  readonly own: OwnOffice;
  readonly officeName: string;
  /** The office's code in case references (`referenceCodeOf`): requests received get local references with it. */
  readonly officeReferenceCode: string;
  readonly officeJurisdiction: string;
  readonly repository: CaseRepository;
  readonly actor: Actor;
  readonly context: WorkflowContext;
  readonly now: () => number;
};
