import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorruptionReport } from '../../vault/corruption-report';

/** Names every record that failed to open; the rest of the app keeps working underneath. */
export function CorruptRecordsNotice({ report }: { readonly report: CorruptionReport }) {
  const { t } = useTranslation();
  const records = useSyncExternalStore(
    (listener) => report.subscribe(listener),
    () => report.records,
  );
  if (records.length === 0) return null;
  return (
    <div className="warning corrupt-notice" role="alert">
      <strong>{t('vault.corrupt.title', { count: records.length })}</strong>
      <p>{t('vault.corrupt.body')}</p>
      <ul>
        {records.map((r) => (
          <li key={`${r.table}/${r.id}`} className="mono">
            {t('vault.corrupt.item', { table: r.table, id: r.id, reason: r.reason })}
          </li>
        ))}
      </ul>
    </div>
  );
}
