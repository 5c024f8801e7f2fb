import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { KeptDraftOffer } from './useKeptDraft';
import { useLocaleFormat } from './useLocaleFormat';

/** Offers back what a form held when the vault locked: restore it, or discard it. */
export function KeptDraftBanner({ offer }: { readonly offer: KeptDraftOffer | null }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  if (!offer) return null;
  return (
    <div className="kept-draft" role="status" data-testid="kept-draft">
      <p>{t('keptDraft.found', { when: dateTime(offer.savedAt.toISOString()) })}</p>
      <div className="actions">
        <Button className="button" onPress={offer.restore}>
          {t('keptDraft.restore')}
        </Button>
        <Button className="button button--quiet" onPress={offer.discard}>
          {t('keptDraft.discard')}
        </Button>
      </div>
    </div>
  );
}
