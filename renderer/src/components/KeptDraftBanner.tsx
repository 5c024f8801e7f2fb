import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { KeptDraft } from './useKeptDraft';
import { useLocaleFormat } from './useLocaleFormat';

/**
 * Offers back a draft the form left earlier (restore it, or discard it), and says when the changes now on screen
 * were last kept as a draft.
 */
export function KeptDraftBanner({ draft }: { readonly draft: KeptDraft }) {
  const { t } = useTranslation();
  const { dateTime, time } = useLocaleFormat();
  const { offer, keptAt } = draft;
  return (
    <>
      {offer ? (
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
      ) : null}
      {/* Its line is always there, empty until the first autosave: the line appearing under the pointer would move
          everything below it (an error summary's links) between aiming and clicking. */}
      <p className="kept-draft__autosaved">
        {keptAt ? (
          <span data-testid="draft-autosaved">{t('keptDraft.autosaved', { time: time(keptAt.toISOString()) })}</span>
        ) : null}
      </p>
    </>
  );
}
