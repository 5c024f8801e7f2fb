import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { RECOGNITION_OUTCOMES, type RecognitionOutcome } from '@shared/domain/incoming-request';
import { refusalGroundsFor, termLabel, VOCABULARIES } from '@shared/vocab/vocabulary';
import { useCases } from '../../cases/CasesProvider';
import { Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { ActionGate } from './ActionGate';
import { useCaseAction } from './useCaseAction';
import { SourceText } from '../../components/SourceText';

/**
 * A request received from another office: decide whether to recognise it (accept, accept in part, refuse), with
 * the grounds the procedure allows and reasons; afterwards, the decision as recorded.
 */
export function RecognitionStep({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { language, dateTime } = useLocaleFormat();
  const { nameOf } = useCases();
  const decide = useCaseAction(c.id);
  const [outcome, setOutcome] = useState<RecognitionOutcome>('accepted');
  const [grounds, setGrounds] = useState<string[]>([]);
  const [reasons, setReasons] = useState('');
  const offered = refusalGroundsFor(c.procedure.id);
  if (c.recognition) {
    const decided = c.recognition;
    return (
      <div className="step-panel" data-testid="recognition">
        <p>{t(`recognition.decided.${decided.outcome}`, { date: dateTime(decided.at), actor: nameOf(decided.by) })}</p>
        {decided.grounds.length > 0 ? (
          <ul aria-label={t('recognition.grounds')}>
            {decided.grounds.map((code) => (
              <li key={code}>
                {termLabel('refusal-grounds', code, language)}{' '}
                <span className="field__help">({refusalGroundSource(code)})</span>
              </li>
            ))}
          </ul>
        ) : null}
        {decided.reasons.trim() !== '' ? <p className="prewrap">{decided.reasons}</p> : null}
      </div>
    );
  }
  if (c.stage !== 'received') return <p>{t('case.notYet')}</p>;
  return (
    <ActionGate c={c} type="decide-recognition">
      <div className="step-panel" data-testid="recognition-form">
        <p className="field__help">{t('recognition.help')}</p>
        <fieldset className="form-group">
          <legend>{t('recognition.outcome')}</legend>
          {RECOGNITION_OUTCOMES.map((o) => (
            <label key={o} className="choice">
              <input
                type="radio"
                name="recognition-outcome"
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              {t(`recognition.outcomes.${o}`)}
            </label>
          ))}
        </fieldset>
        {outcome !== 'accepted' ? (
          <fieldset className="form-group">
            <legend>
              {t('recognition.grounds')} <span aria-hidden="true">*</span>
            </legend>
            <p className="field__help">{t('recognition.groundsHelp')}</p>
            {offered.map((ground) => (
              <label key={ground.code} className="choice">
                <input
                  type="checkbox"
                  checked={grounds.includes(ground.code)}
                  onChange={(e) =>
                    setGrounds(
                      e.target.checked ? [...grounds, ground.code] : grounds.filter((code) => code !== ground.code),
                    )
                  }
                />
                {ground.labels[language]} <SourceText className="field__help" text={`(${ground.source})`} />
              </label>
            ))}
          </fieldset>
        ) : null}
        <Field
          label={t('recognition.reasons')}
          required={outcome !== 'accepted'}
          multiline
          value={reasons}
          onChange={setReasons}
        />
        <MessageList title={t('case.notDone')} messages={decide.messages} />
        <Button
          className="button"
          isDisabled={decide.busy}
          onPress={() =>
            void decide.run({
              type: 'decide-recognition',
              outcome,
              grounds: outcome === 'accepted' ? [] : grounds,
              reasons,
            })
          }
        >
          {t('recognition.record')}
        </Button>
      </div>
    </ActionGate>
  );
}

/** The article a ground cites (the code itself for a ground this version does not know). */
const refusalGroundSource = (code: string): string =>
  VOCABULARIES['refusal-grounds'].terms.find((term) => term.code === code)?.source ?? code;
