import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { useCases } from '../../cases/CasesProvider';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { RecognitionStep } from './RecognitionStep';

/**
 * Execution and answer on a request received here: the recognition decision, then the answer. The answer itself
 * is a response bundle built in the case's Exchange section (what was produced, with its evidence, or the refusal).
 */
export function AnswerStep({ c, step }: { readonly c: Case; readonly step: 'execution' | 'answer' }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const { nameOf } = useCases();
  if (step === 'execution')
    return (
      <>
        <RecognitionStep c={c} />
        {c.stage === 'executing' || c.stage === 'refused' ? (
          <p className="field__help" data-testid="answer-help">
            {t(c.stage === 'refused' ? 'answer.sendRefusalHelp' : 'answer.sendHelp')}
          </p>
        ) : null}
      </>
    );
  return c.reply ? (
    <div className="step-panel" data-testid="answer">
      <p>{t('answer.sentOn', { date: dateTime(c.reply.sentAt), actor: nameOf(c.reply.by) })}</p>
      <blockquote className="prewrap">{c.reply.summary}</blockquote>
    </div>
  ) : (
    <p>{t('case.notYet')}</p>
  );
}
