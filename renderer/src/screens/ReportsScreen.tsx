import { useTranslation } from 'react-i18next';

export function ReportsScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{t('reports.title')}</h1>
      <p className="lead">{t('reports.intro')}</p>
    </section>
  );
}
