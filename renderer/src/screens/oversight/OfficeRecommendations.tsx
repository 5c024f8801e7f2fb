import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../cases/CasesProvider';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { openRecommendations } from '../../oversight/office-oversight-store';
import type { OpenRoute } from '../cases/case-route';
import { RecommendationView } from './RecommendationView';
import { useOfficeOversight } from './useOfficeOversight';

/**
 * Dashboard: the oversight body's recommendations not answered yet, earliest answer-by date first, overdue ones
 * marked as such; each opens its view (findings in words, our cases, the action, the answer). Nothing is shown to
 * an office that never received one.
 */
export function OfficeRecommendations({ onOpen }: { readonly onOpen: OpenRoute }) {
  const { t } = useTranslation();
  const oversight = useOfficeOversight();
  const now = useNow();
  const { date, relative, number } = useLocaleFormat();
  const [selected, setSelected] = useState<string | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  if (!oversight || oversight.recommendations.length === 0) return null;
  const open = openRecommendations(oversight);
  const current = oversight.recommendations.find((record) => record.id === selected && record.answer === null);
  return (
    <section aria-labelledby="due-recommendations" className="due-list" data-testid="due-recommendations">
      <h2 id="due-recommendations">
        {t('oversight.office.openHeading')} <span className="badge">{number(open.length)}</span>
      </h2>
      {answered ? (
        <p role="status" className="success">
          {answered}
        </p>
      ) : null}
      {open.length === 0 ? (
        <p className="due-list__empty">{t('oversight.office.noneOpen')}</p>
      ) : (
        <ul>
          {open.map((record) => {
            const overdue = Date.parse(record.answerBy) <= now;
            return (
              <li key={record.id}>
                <Button
                  className="due-item"
                  onPress={() => {
                    setAnswered(null);
                    setSelected(record.id);
                  }}
                >
                  <span className="due-item__title">
                    {t('oversight.office.fromBody', { office: record.senderName })}
                  </span>
                  <span className="due-item__what">
                    {t('oversight.office.findingCount', { count: record.findings.length })}
                  </span>
                  <span className={overdue ? 'due-item__meta overdue-text' : 'due-item__meta'}>
                    {overdue ? `${t('oversight.office.overdue')} · ` : ''}
                    {t('oversight.office.answerByLine', {
                      date: date(record.answerBy),
                      relative: relative(record.answerBy, now),
                    })}
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {current ? (
        <RecommendationView
          key={current.id}
          recommendation={current}
          onOpen={onOpen}
          onAnswered={(text) => {
            setSelected(null);
            setAnswered(text);
          }}
        />
      ) : null}
    </section>
  );
}
