import { useTranslation } from 'react-i18next';

export function DashboardScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{t('dashboard.title')}</h1>
      <p className="lead">{t('dashboard.intro')}</p>
      <p className="empty">{t('dashboard.empty')}</p>
    </section>
  );
}
