import { useCallback, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { useShellCall } from '../hooks/useShellCall';
import { useAllCases } from '../cases/CasesProvider';
import { useFormatBytes } from '../format/useFormatBytes';
import { ExportPanel } from './exchange/ExportPanel';
import { ImportPanel } from './exchange/ImportPanel';
import { LedgerView } from './exchange/LedgerView';
import type { OpenRoute } from './cases/case-route';

type Props = { readonly shell: CasebridgeApi; readonly onOpenCase: OpenRoute };

/** Exchange: removable drives, sending a case, importing bundles, and the log of what went where. */
export function ExchangeScreen({ shell, onOpenCase }: Props) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes();
  const listRemovable = useCallback(() => shell.media.listRemovable(), [shell]);
  const [drives, reload] = useShellCall(listRemovable);
  const cases = useAllCases();
  const [caseId, setCaseId] = useState('');
  const selected = cases?.find((c) => c.id === caseId);
  const mounted = drives.status === 'done' && drives.result.ok ? drives.result.value : [];
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{t('exchange.title')}</h1>
      <p className="lead">{t('exchange.intro')}</p>
      <div className="section-header">
        <h2>{t('exchange.drivesHeading')}</h2>
        <Button className="button" onPress={reload} isDisabled={drives.status === 'loading'}>
          {t('exchange.refresh')}
        </Button>
      </div>
      <div aria-live="polite">
        {drives.status === 'loading' ? (
          <p>{t('exchange.scanning')}</p>
        ) : !drives.result.ok ? (
          <p role="alert" className="error">
            {t('exchange.listFailed', { message: drives.result.error.message })}
          </p>
        ) : drives.result.value.length === 0 ? (
          <p className="empty">{t('exchange.noDrives')}</p>
        ) : (
          <ul className="drive-list">
            {drives.result.value.map((drive) => (
              <li key={drive.mountPoint} className="drive">
                <strong>{drive.label}</strong>
                <span className="drive__path">{drive.mountPoint}</span>
                <span>
                  {t('exchange.free', { free: formatBytes(drive.freeBytes), total: formatBytes(drive.totalBytes) })}
                </span>
                <span className={drive.writable ? 'badge' : 'badge badge--warn'}>
                  {drive.writable ? t('exchange.writable') : t('exchange.readOnly')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <section className="panel" aria-labelledby="send-heading">
        <h2 id="send-heading">{t('exchange.send.heading')}</h2>
        <div className="field">
          <label htmlFor="exchange-case">{t('exchange.send.case')}</label>
          <select id="exchange-case" value={caseId} onChange={(event) => setCaseId(event.target.value)}>
            <option value="">{t('exchange.send.pick')}</option>
            {(cases ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.references.local} — {c.title}
              </option>
            ))}
          </select>
        </div>
      </section>
      {selected ? <ExportPanel key={selected.id} c={selected} /> : null}
      <ImportPanel drives={mounted} onOpenCase={onOpenCase} />
      <LedgerView />
    </section>
  );
}
