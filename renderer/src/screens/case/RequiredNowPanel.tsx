import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { deadlineState } from '@shared/deadlines/tracked-deadline';
import { requiredNow } from '@shared/workflow/required-now';
import { useCases } from '../../cases/CasesProvider';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useWorkflowMessage } from '../../components/useWorkflowMessage';
import { DeadlineExplanation } from './DeadlineExplanation';
import { useProcedureWords } from '../../components/useProcedureWords';

/** "What is required now" from the workflow, and every running deadline as a clock. */
export function RequiredNowPanel({ c, now }: { readonly c: Case; readonly now: number }) {
  const { t } = useTranslation();
  const words = useProcedureWords();
  const { settings } = useCases();
  const { dateTime, relative } = useLocaleFormat();
  const translate = useWorkflowMessage();
  const required = requiredNow(c, now, settings);
  const running = c.deadlines.filter((d) => d.metAt === null);
  return (
    <div className="required-now">
      <section aria-labelledby="required-now-title" className="panel" data-testid="required-now">
        <h2 id="required-now-title">{t('case.requiredNow')}</h2>
        {required.items.length === 0 ? (
          <p className="due-list__empty">{t('case.nothingRequired')}</p>
        ) : (
          <ul className="required-list">
            {required.items.map((item, index) => (
              <li key={index} className={`required-list__item required-list__item--${item.severity}`}>
                <span className="visually-hidden">{t(`case.severity.${item.severity}`)}: </span>
                {translate(item.message)}
                {item.dueAt ? (
                  <span className="required-list__due">
                    {' '}
                    — {dateTime(item.dueAt)} ({relative(item.dueAt, now)})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {running.length > 0 ? (
        <section aria-labelledby="deadlines-title" className="panel" data-testid="deadline-clocks">
          <h2 id="deadlines-title">{t('case.deadlines')}</h2>
          <ul className="clock-list">
            {running.map((d) => {
              const state = deadlineState(d, now);
              return (
                <li key={d.id} className={`clock clock--${state}`}>
                  <span className="clock__label">
                    {words.period({ procedureId: c.procedure.id, periodId: d.periodId }, d.label)}
                  </span>
                  <span className="clock__due">{d.dueAt ? dateTime(d.dueAt) : t('case.clockStopped')}</span>
                  <span className="clock__left">
                    {d.dueAt
                      ? state === 'lapsed'
                        ? t('case.lapsed', { when: relative(d.dueAt, now) })
                        : relative(d.dueAt, now)
                      : ''}
                  </span>
                  <DeadlineExplanation deadline={d} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
