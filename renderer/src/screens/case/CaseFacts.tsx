import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useTerms } from '../../components/useTerms';

/** The case's particulars at a glance (read-only; a draft is edited in its step). */
export function CaseFacts({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { term } = useTerms();
  const { date } = useLocaleFormat();
  return (
    <section aria-labelledby="facts-title" className="panel">
      <h2 id="facts-title">{t('case.facts')}</h2>
      <dl className="facts">
        <dt>{t('draft.partner')}</dt>
        <dd>{c.partnerJurisdiction ? term('jurisdictions', c.partnerJurisdiction) : '—'}</dd>
        <dt>{t('draft.legalBasis')}</dt>
        <dd>
          {[c.legalBasis.code ? term('legal-bases', c.legalBasis.code) : '', c.legalBasis.text]
            .filter(Boolean)
            .join(' — ') || '—'}
        </dd>
        <dt>{t('draft.purpose')}</dt>
        <dd>{c.purpose || '—'}</dd>
        <dt>{t('draft.dataCategories')}</dt>
        <dd>{c.dataCategories.map((d) => term('data-categories', d.code)).join(', ') || '—'}</dd>
        <dt>{t('draft.people')}</dt>
        <dd>{c.affectedPeople.map((p) => p.name).join(', ') || '—'}</dd>
        <dt>{t('draft.purgeAt')}</dt>
        <dd>{c.retention.purgeAt ? date(c.retention.purgeAt) : '—'}</dd>
        {c.emergency ? (
          <>
            <dt>{t('draft.emergencySunset')}</dt>
            <dd>{date(c.emergency.sunsetAt)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
