import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMISSIBILITY_ANSWERS, ADMISSIBILITY_QUESTIONS } from '@shared/domain/admissibility';
import { TEXT_LIMITS } from '@shared/domain/text-limits';
import { Field } from '../../components/Field';
import { draftFieldId, type DraftFormState } from './draft-form-state';
import type { DraftProblems } from './useDraftProblems';

type Props = {
  readonly form: DraftFormState;
  readonly onChange: (form: DraftFormState) => void;
  readonly problems: DraftProblems;
};

/**
 * What a rights complaint is asked in place of the threshold assessment: can this office deal with it? One yes/no/
 * unclear answer per question, and the reasons. Admission (authorisation) needs every answer "yes".
 */
export function AdmissibilityFields({ form, onChange, problems }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const answeredYes = ADMISSIBILITY_QUESTIONS.filter((q) => form.admissibility[q] === 'yes').length;

  return (
    <fieldset className="form-group admissibility" aria-describedby={`${id}-help`} data-testid="admissibility">
      <legend>
        {t('admissibility.heading')}{' '}
        <span className="badge">
          {t('admissibility.done', { done: answeredYes, total: ADMISSIBILITY_QUESTIONS.length })}
        </span>
      </legend>
      <p id={`${id}-help`} className="field__help">
        {t('admissibility.help')}
      </p>
      {ADMISSIBILITY_QUESTIONS.map((question) => (
        <fieldset
          key={question}
          className="field field--choices admissibility__question"
          aria-describedby={`${id}-${question}-hint`}
        >
          <legend>
            {t(`admissibility.ask.${question}`)} <span aria-hidden="true">*</span>
          </legend>
          <span id={`${id}-${question}-hint`} className="field__help">
            {t(`admissibility.hint.${question}`)}
          </span>
          <div className="admissibility__answers">
            {ADMISSIBILITY_ANSWERS.map((answer) => (
              <label key={answer} className="choice">
                <input
                  type="radio"
                  name={`${id}-${question}`}
                  value={answer}
                  checked={form.admissibility[question] === answer}
                  onChange={() => onChange({ ...form, admissibility: { ...form.admissibility, [question]: answer } })}
                />
                {t(`admissibility.answer.${answer}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <Field
        label={t('admissibility.reasons')}
        required
        multiline
        value={form.admissibilityReasons}
        onChange={(v) => onChange({ ...form, admissibilityReasons: v })}
        help={t('admissibility.reasonsHelp')}
        maxLength={TEXT_LIMITS.admissibilityReasons}
        id={draftFieldId('admissibilityReasons')}
        error={problems.text(problems.shown.admissibilityReasons)}
      />
    </fieldset>
  );
}
