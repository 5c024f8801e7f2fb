import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { useShellCall } from '../hooks/useShellCall';
import { LostLaptopDrillPanel } from './offices/LostLaptopDrillPanel';

type Props = { readonly shell: CasebridgeApi };

export function SettingsScreen({ shell }: Props) {
  const { t } = useTranslation();
  const loadInfo = useCallback(() => shell.app.info(), [shell]);
  const [info] = useShellCall(loadInfo);
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{t('settings.title')}</h1>
      <h2>{t('settings.aboutHeading')}</h2>
      {info.status === 'done' && !info.result.ok ? (
        <p role="alert" className="error">
          {t('settings.loadFailed', { message: info.result.error.message })}
        </p>
      ) : (
        <dl className="facts" aria-busy={info.status === 'loading'}>
          <dt>{t('settings.version')}</dt>
          <dd data-testid="app-version">
            {info.status === 'done' && info.result.ok ? info.result.value.version : '…'}
          </dd>
          <dt>{t('settings.platform')}</dt>
          <dd>{info.status === 'done' && info.result.ok ? info.result.value.platform : '…'}</dd>
          <dt>{t('settings.dataFolder')}</dt>
          <dd className="mono">{info.status === 'done' && info.result.ok ? info.result.value.dataFolder : '…'}</dd>
          <dt>{t('settings.shell')}</dt>
          <dd>{info.status === 'done' && info.result.ok ? t(`settings.shells.${info.result.value.shell}`) : '…'}</dd>
        </dl>
      )}
      <LostLaptopDrillPanel />
    </section>
  );
}
