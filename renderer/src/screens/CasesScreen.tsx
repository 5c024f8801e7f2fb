import { useTranslation } from 'react-i18next';

export function CasesScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{t('cases.title')}</h1>
      <p className="empty">{t('cases.empty')}</p>
    </section>
  );
}
