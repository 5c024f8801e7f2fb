import { useCallback } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { useShellCall } from '../app/useShellCall';
import { useFormatBytes } from '../format/useFormatBytes';

type Props = { readonly shell: CasebridgeApi };

export function ExchangeScreen({ shell }: Props) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes();
  const listRemovable = useCallback(() => shell.media.listRemovable(), [shell]);
  const [drives, reload] = useShellCall(listRemovable);
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
    </section>
  );
}
