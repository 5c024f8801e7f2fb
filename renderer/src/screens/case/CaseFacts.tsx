import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMISSIBILITY_QUESTIONS } from '@shared/domain/admissibility';
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
        {c.kind === 'rights-complaint' ? (
          // A complaint's admissibility answers, in words (a complaint stored before they were asked shows none).
          <>
            {ADMISSIBILITY_QUESTIONS.map((question) => {
              const answer = c.admissibility?.[question] ?? null;
              return (
                <Fragment key={question}>
                  <dt>{t(`admissibility.question.${question}`)}</dt>
                  <dd>{answer ? t(`admissibility.answer.${answer}`) : t('admissibility.notAnswered')}</dd>
                </Fragment>
              );
            })}
            <dt>{t('admissibility.reasons')}</dt>
            <dd className="prewrap">{c.admissibility?.reasons.trim() || '—'}</dd>
          </>
        ) : null}
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
