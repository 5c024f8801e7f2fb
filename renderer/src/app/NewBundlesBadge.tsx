import { useTranslation } from 'react-i18next';
import { useNewBundleCount } from '../exchange/new-bundles';
import './nav-badge.css';

/**
 * The number of new bundles on inserted drives, inside the Exchange navigation button: a screen reader hears
 * "Exchange 3 new bundles" (the digits alone are hidden from it). Nothing shows when there are none.
 */
export function NewBundlesBadge({ refreshKey }: { readonly refreshKey: unknown }) {
  const { t } = useTranslation();
  const count = useNewBundleCount(refreshKey);
  if (count === 0) return null;
  return (
    <span data-testid="new-bundles-badge">
      <span className="nav__badge" aria-hidden="true">
        {count}
      </span>
      <span className="visually-hidden"> {t('nav.newBundles', { count })}</span>
    </span>
  );
}
