import { useTranslation } from 'react-i18next';

/** Shown while the app's code (everything past the lock screen) loads after an unlock; usually a blink. */
export function AppLoading() {
  const { t } = useTranslation();
  return (
    <main className="vault-screen" aria-busy="true">
      <p role="status">{t('app.opening')}</p>
    </main>
  );
}
