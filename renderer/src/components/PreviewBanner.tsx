import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { useShellCall } from '../hooks/useShellCall';

type Props = { readonly shell: CasebridgeApi };

/** In the Chromium preview (`npm start -- --preview`), a thin banner and the window title say what it is. */
export function PreviewBanner({ shell }: Props) {
  const { t } = useTranslation();
  const loadInfo = useCallback(() => shell.app.info(), [shell]);
  const [info] = useShellCall(loadInfo);
  const preview = info.status === 'done' && info.result.ok && info.result.value.shell === 'preview';
  useEffect(() => {
    if (preview) document.title = t('app.previewTitle');
  }, [preview, t]);
  if (!preview) return null;
  return (
    <div className="preview-banner" role="note" data-testid="preview-banner">
      {t('app.previewBanner')}
    </div>
  );
}
