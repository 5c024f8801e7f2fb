import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GrantedFolder } from '@shared/ipc/contract';
import { pseudonymousCaseRef } from '@shared/oversight/case-reference';
import { useAllCases, useNow } from '../../cases/CasesProvider';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useExchange } from '../../exchange/ExchangeProvider';
import { answerRecommendation } from '../../exchange/recommendation-exchange';
import type { OfficeRecommendation } from '../../oversight/office-oversight-records';
import type { OpenRoute } from '../cases/case-route';
import { DestinationPicker } from '../exchange/DestinationPicker';

/** Codes of a failed answer with their own words (`oversight.office.answerErrors.<code>`). */
const ANSWER_ERRORS = ['answer-empty', 'already-answered', 'no-oversight-body', 'not-found', 'written-not-recorded'];

type Props = {
  readonly recommendation: OfficeRecommendation;
  readonly onOpen: OpenRoute;
  readonly onAnswered: (text: string) => void;
};

/**
 * One recommendation: what the body found, in words, each finding matched to our own case (the office works out
 * every case's pseudonymous reference with its own key), the action required, the deadline, and the answer.
 */
export function RecommendationView({ recommendation, onOpen, onAnswered }: Props) {
  const { t } = useTranslation();
  const { deps, session, trust } = useExchange();
  const cases = useAllCases();
  const now = useNow();
  const { date, dateTime, relative } = useLocaleFormat();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ownKey = deps?.own.card.card.signingKey ?? null;
  const kit = session.vault.kit;
  const byRef = useMemo(
    () => new Map(ownKey && cases ? cases.map((c) => [pseudonymousCaseRef(kit, ownKey, c.id), c] as const) : []),
    [cases, kit, ownKey],
  );
  const overdue = Date.parse(recommendation.answerBy) <= now;
  const office = recommendation.senderName;

  const send = async (folder: GrantedFolder) => {
    if (!deps) return;
    setBusy(true);
    setError(null);
    const answered = await answerRecommendation(deps, trust, {
      recommendationId: recommendation.id,
      answer,
      folderToken: folder.folderToken,
    });
    setBusy(false);
    if (!answered.ok)
      return setError(
        ANSWER_ERRORS.includes(answered.error.code)
          ? t(`oversight.office.answerErrors.${answered.error.code}`, { office })
          : t('oversight.office.answerFailed', { message: answered.error.message }),
      );
    onAnswered(t('oversight.office.answered', { office }));
  };
  return (
    <article className="panel recommendation" aria-labelledby="recommendation-heading">
      <h3 id="recommendation-heading">{t('oversight.office.viewHeading', { office })}</h3>
      <p className="hint">
        {t('oversight.office.receivedOn', { date: dateTime(new Date(recommendation.receivedAt).toISOString()) })}
      </p>
      <h4>{t('oversight.office.actionHeading')}</h4>
      <p className="recommendation__action">{recommendation.action}</p>
      <p className={overdue ? 'overdue-text' : undefined}>
        {overdue ? `${t('oversight.office.overdue')} · ` : ''}
        {t('oversight.office.answerByLine', {
          date: date(recommendation.answerBy),
          relative: relative(recommendation.answerBy, now),
        })}
      </p>
      <h4 id="recommendation-findings">{t('oversight.office.findingsHeading')}</h4>
      <table className="data-table" aria-labelledby="recommendation-findings">
        <thead>
          <tr>
            <th scope="col">{t('oversight.office.columns.finding')}</th>
            <th scope="col">{t('oversight.office.columns.caseRef')}</th>
            <th scope="col">{t('oversight.office.columns.ourCase')}</th>
            <th scope="col">{t('oversight.office.columns.due')}</th>
          </tr>
        </thead>
        <tbody>
          {recommendation.findings.map((finding) => {
            const ours = byRef.get(finding.caseRef);
            return (
              <tr key={`${finding.type}-${finding.caseRef}-${finding.eventHash}`}>
                <th scope="row">{t(`oversight.findingTypes.${finding.type}`)}</th>
                <td className="mono">{finding.caseRef}</td>
                <td>
                  {ours ? (
                    <Button className="button button--quiet" onPress={() => onOpen({ view: 'case', caseId: ours.id })}>
                      {t('oversight.office.openCase', {
                        reference: ours.references.local,
                        title: ours.title || t('cases.untitled'),
                      })}
                    </Button>
                  ) : (
                    t('oversight.office.caseNotHere')
                  )}
                </td>
                <td>{finding.dueAt ? dateTime(finding.dueAt) : t('oversight.office.noDueDate')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t('oversight.office.answerHeading')}</h4>
      <div className="field">
        <label htmlFor="recommendation-answer">{t('oversight.office.answerLabel')}</label>
        <textarea
          id="recommendation-answer"
          rows={4}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
        />
      </div>
      {deps ? (
        <DestinationPicker
          shell={deps.shell}
          label={t('oversight.office.answerWhere', { office })}
          onPicked={(folder) => void send(folder)}
          isDisabled={busy || answer.trim() === ''}
        />
      ) : null}
      {busy ? <p role="status">{t('oversight.office.answering')}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </article>
  );
}
