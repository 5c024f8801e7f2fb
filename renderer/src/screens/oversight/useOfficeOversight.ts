import { useLiveQuery } from 'dexie-react-hooks';
import { useExchange } from '../../exchange/ExchangeProvider';
import { loadOfficeOversight, type OfficeOversight } from '../../oversight/office-oversight-store';

/** The office's oversight records, kept current as they change (undefined while they load). */
export function useOfficeOversight(): OfficeOversight | undefined {
  const { session } = useExchange();
  const db = session.vault.db;
  return useLiveQuery(() => loadOfficeOversight(db), [db]);
}
