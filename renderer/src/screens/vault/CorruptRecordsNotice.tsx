import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorruptionReport } from '../../vault/corruption-report';
import { corruptRecordText } from './corrupt-record-text';

/**
 * Names every record that failed to open, in words: what kind of record and why. The record ids, which support needs
 * to find the rows, sit folded under a disclosure; the rest of the app keeps working underneath.
 */
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
          <li key={`${r.table}/${r.id}`}>{corruptRecordText(t, r)}</li>
        ))}
      </ul>
      <details>
        <summary>{t('vault.corrupt.references')}</summary>
        <ul className="mono">
          {records.map((r) => (
            <li key={`${r.table}/${r.id}`}>{r.id === '' ? t('vault.corrupt.noId') : r.id}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
