import { ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/** Shown while Argon2id runs in its worker: the window stays responsive, the user sees why it waits. */
export function KdfProgress({ label }: { readonly label?: string }) {
  const { t } = useTranslation();
  return (
    <ProgressBar className="kdf-progress" isIndeterminate aria-label={label ?? t('vault.deriving')}>
      <span className="kdf-progress__track" aria-hidden="true">
        <span className="kdf-progress__bar" />
      </span>
      <span className="kdf-progress__label">{label ?? t('vault.deriving')}</span>
    </ProgressBar>
  );
}
