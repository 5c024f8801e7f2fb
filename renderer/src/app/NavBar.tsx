import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NewBundlesBadge } from './NewBundlesBadge';
import type { ScreenId } from './screens';

type Props = {
  readonly current: ScreenId;
  readonly onNavigate: (screen: ScreenId) => void;
  /** The screens this installation has (an office's, or an oversight body's desk's). */
  readonly screens: readonly ScreenId[];
};

/** The main navigation: one button per screen, the current one marked with aria-current. */
export function NavBar({ current, onNavigate, screens }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <div className="nav__brand">
        <span className="nav__logo" aria-hidden="true">
          ⇄
        </span>
        <span>
          <strong>{t('app.name')}</strong>
          <small>{t('app.tagline')}</small>
        </span>
      </div>
      <ul className="nav__list">
        {screens.map((id) => (
          <li key={id}>
            <Button
              className="nav__item"
              aria-current={id === current ? 'page' : undefined}
              onPress={() => onNavigate(id)}
            >
              <span>{t(`nav.${id}`)}</span>
              {/* Looks at the drives again on every move between screens, and every few seconds. */}
              {id === 'exchange' ? <NewBundlesBadge refreshKey={current} /> : null}
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
