import { useSyncExternalStore } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { VaultService } from '../../vault/vault-service';

/** On every screen while the vault is open read-only after a change outside Casebridge, with the way back. */
export function ReadOnlyBanner({ vault, onReview }: { readonly vault: VaultService; readonly onReview: () => void }) {
  const { t } = useTranslation();
  const mode = useSyncExternalStore(
    (listener) => vault.db.sealGate.onChange(listener),
    () => vault.db.sealGate.mode,
  );
  if (mode !== 'read-only') return null;
  return (
    <div className="warning read-only-banner" role="status">
      <p>{t('vault.changed.banner')}</p>
      <Button className="button" onPress={onReview}>
        {t('vault.changed.review')}
      </Button>
    </div>
  );
}
