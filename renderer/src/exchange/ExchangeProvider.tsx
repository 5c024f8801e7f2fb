import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LedgerEntry } from '@shared/exchange/ledger-entry';
import type { TrustStore } from '@shared/offices/trust-store';
import { useCases } from '../cases/CasesProvider';
import { certifyPersonKeys } from '../offices/person-certificates';
import { ensureOwnOffice, wipeOwnOffice, type OwnOffice } from '../offices/own-office';
import { loadTrustStore, saveTrustChanges } from '../offices/partner-offices';
import type { VaultSession } from '../vault/vault-session';
import type { ExchangeDeps } from './exchange-deps';
import { loadLedger } from './ledger-store';
import { sweepStagingFiles } from '../bundle-io/staging-file';
import { useAsyncEffect } from '../hooks/useAsyncEffect';
import { referenceCodeOf } from '../cases/case-repository';

export type OwnOfficeState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly own: OwnOffice }
  | { readonly status: 'failed'; readonly message: string };

export type ExchangeContextValue = {
  readonly session: VaultSession;
  readonly own: OwnOfficeState;
  readonly trust: TrustStore;
  /** Stores the offices that changed between the current store and `next`; returns an error message or null. */
  readonly updateTrust: (next: TrustStore) => Promise<string | null>;
  readonly reloadTrust: () => Promise<void>;
  /** Reads our identity again after the lost-laptop drill replaced it (the old copy in memory is wiped). */
  readonly reloadOwn: () => void;
  readonly ledger: readonly LedgerEntry[];
  /** Null until our identity is ready. */
  readonly deps: ExchangeDeps | null;
};

const ExchangeContext = createContext<ExchangeContextValue | null>(null);

/** Our office identity (created on first use), the partner offices and the bundle ledger, for the exchange screens. */
export function ExchangeProvider({
  session,
  children,
}: {
  readonly session: VaultSession;
  readonly children: ReactNode;
}) {
  const { shell, repository, profile, actor } = useCases();
  const { db, kit } = session.vault;
  const [own, setOwn] = useState<OwnOfficeState>({ status: 'loading' });
  const [trust, setTrust] = useState<TrustStore>({});
  const [ownVersion, setOwnVersion] = useState(0);
  const reloadOwn = useCallback(() => setOwnVersion((version) => version + 1), []);

  useAsyncEffect(
    useCallback(
      async ({ alive, onCleanup }) => {
        const result = await ensureOwnOffice(db, kit, profile, Date.now());
        // The office vouches for its people's signing keys as soon as it has a key of its own (new people, removals
        // and name changes are certified again here, and always before an oversight export). Done before the wipe
        // below is registered, so the key cannot be zeroed while it signs.
        if (result.ok) await certifyPersonKeys(db, result.value.signer, new Date());
        // The private keys live in the vault; the copy in memory goes when the vault locks (this unmounts) or the
        // identity is read again. A signature asked of it afterwards (an export in flight) then fails clearly.
        if (result.ok) onCleanup(() => wipeOwnOffice(kit, result.value));
        if (!alive()) return;
        setOwn(
          result.ok ? { status: 'ready', own: result.value } : { status: 'failed', message: result.error.message },
        );
      },
      // eslint-disable-next-line react-hooks/exhaustive-deps -- ownVersion: read our identity again after the drill.
      [db, kit, profile, ownVersion],
    ),
  );

  const reloadTrust = useCallback(async () => setTrust(await loadTrustStore(db)), [db]);
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        // Staging files left by a crash are swept; failing to sweep them loses nothing, so it never blocks loading.
        sweepStagingFiles().catch(() => undefined);
        const store = await loadTrustStore(db);
        if (alive()) setTrust(store);
      },
      [db],
    ),
  );

  const updateTrust = useCallback(
    async (next: TrustStore) => {
      const saved = await saveTrustChanges(db, kit, trust, next);
      if (!saved.ok) return saved.error.message;
      setTrust(next);
      return null;
    },
    [db, kit, trust],
  );

  const liveLedger = useLiveQuery(() => loadLedger(db), [db]);
  const ledger = useMemo(() => liveLedger ?? [], [liveLedger]);
  const deps = useMemo<ExchangeDeps | null>(
    () =>
      own.status === 'ready'
        ? {
            db,
            kit,
            shell,
            own: own.own,
            officeName: profile?.officeName ?? own.own.card.card.name,
            officeReferenceCode: referenceCodeOf(profile ?? { officeName: own.own.card.card.name }),
            officeJurisdiction: profile?.jurisdiction ?? own.own.card.card.jurisdiction,
            repository,
            actor,
            context: repository.context,
            now: () => Date.now(),
          }
        : null,
    [own, db, kit, shell, profile, repository, actor],
  );
  const value = useMemo(
    () => ({ session, own, trust, updateTrust, reloadTrust, reloadOwn, ledger, deps }),
    [session, own, trust, updateTrust, reloadTrust, reloadOwn, ledger, deps],
  );
  return <ExchangeContext.Provider value={value}>{children}</ExchangeContext.Provider>;
}

export function useExchange(): ExchangeContextValue {
  const value = useContext(ExchangeContext);
  if (value === null) throw new Error('useExchange must be used inside <ExchangeProvider>.');
  return value;
}
