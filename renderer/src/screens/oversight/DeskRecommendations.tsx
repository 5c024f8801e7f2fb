import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { recommendationStatus } from '@shared/oversight/recommendation-status';
import type { ExchangeDeps } from '../../exchange/exchange-deps';
import type { DeskRecommendation } from '../../oversight/desk-records';
import { closeRecommendation } from '../../desk/desk-recommendations';
import { useLocaleFormat } from '../../components/useLocaleFormat';

type Props = {
  readonly recommendations: readonly DeskRecommendation[];
  readonly deps: ExchangeDeps;
  readonly now: Date;
};

/** Every recommendation issued: where it stands, to whom, by when, the answer, and closing it with a note. */
export function DeskRecommendations({ recommendations, deps, now }: Props) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  return (
    <section className="report-table no-print" aria-labelledby="desk-recommendations">
      <h2 id="desk-recommendations">{t('desk.recommendations.heading')}</h2>
      {recommendations.length === 0 ? (
        <p className="empty">{t('desk.recommendations.none')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('desk.recommendations.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('desk.recommendations.status')}</th>
              <th scope="col">{t('desk.recommendations.office')}</th>
              <th scope="col">{t('desk.recommendations.issued')}</th>
              <th scope="col">{t('desk.recommendations.answerBy')}</th>
              <th scope="col">{t('desk.recommendations.answered')}</th>
              <th scope="col">{t('desk.recommendations.findings')}</th>
              <th scope="col">{t('desk.recommendations.followUp')}</th>
            </tr>
          </thead>
          <tbody>
            {recommendations.map((r) => {
              const status = recommendationStatus(
                { answerBy: r.answerBy, answeredAt: r.answer?.at ?? null, closedAt: r.closed?.at ?? null },
                now.toISOString(),
              );
              return (
                <tr key={r.id}>
                  <td>
                    <span className={`status status--${status}`}>{t(`desk.status.${status}`)}</span>
                  </td>
                  <th scope="row">{r.officeName}</th>
                  <td>{date(r.issuedAt)}</td>
                  <td>{date(r.answerBy)}</td>
                  <td>{r.answer ? date(r.answer.at) : t('desk.recommendations.notAnswered')}</td>
                  <td>
                    {[...new Set(r.findings.map((f) => f.type))]
                      .map((type) => t(`oversight.findingTypes.${type}`))
                      .join('; ')}
                  </td>
                  <td>
                    {r.answer && <p>{t('desk.recommendations.answerText', { answer: r.answer.text })}</p>}
                    {r.closed ? (
                      <p>{t('desk.recommendations.closedNote', { note: r.closed.note, date: date(r.closed.at) })}</p>
                    ) : (
                      <CloseForm recommendation={r} deps={deps} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CloseForm({
  recommendation,
  deps,
}: {
  readonly recommendation: DeskRecommendation;
  readonly deps: ExchangeDeps;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = async () => {
    if (note.trim() === '') return setError(t('desk.recommendations.noteNeeded'));
    const closed = await closeRecommendation(deps, recommendation.id, note);
    setError(closed.ok ? null : t('desk.recommendations.closeFailed', { message: closed.error.message }));
  };
  return (
    <div className="field">
      <label htmlFor={`${id}-note`}>{t('desk.recommendations.closeNote')}</label>
      <input id={`${id}-note`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <Button className="button" onPress={() => void close()}>
        {t('desk.recommendations.close')}
      </Button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
