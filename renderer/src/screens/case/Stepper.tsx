import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { stepForStage, stepsFor, withdrawnAtStep, type CaseStep } from '../../cases/case-steps';

/** Where the case stands: done steps, the current one (aria-current="step") and those ahead. Each step opens its panel. */
export function Stepper({
  c,
  selected,
  onSelect,
}: {
  readonly c: Case;
  readonly selected: CaseStep;
  readonly onSelect: (step: CaseStep) => void;
}) {
  const { t } = useTranslation();
  const steps = stepsFor(c);
  const current = stepForStage(c.stage);
  const currentIndex = steps.indexOf(current);
  // A withdrawn case stopped where it stood: what came after was never done.
  const stoppedAt = withdrawnAtStep(c);
  const stoppedIndex = stoppedAt === null ? -1 : steps.indexOf(stoppedAt);
  const stateOf = (index: number) => {
    if (stoppedIndex >= 0 && index < currentIndex)
      return index < stoppedIndex ? 'done' : index === stoppedIndex ? 'stopped' : 'skipped';
    return index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'ahead';
  };
  return (
    <nav aria-label={t('case.stepper')} className="stepper">
      <ol>
        {steps.map((step, index) => {
          const state = stateOf(index);
          return (
            <li
              key={step}
              className={`stepper__step stepper__step--${state}${selected === step ? ' stepper__step--selected' : ''}`}
            >
              <Button
                className="stepper__button"
                aria-current={state === 'current' ? 'step' : undefined}
                aria-pressed={selected === step}
                onPress={() => onSelect(step)}
              >
                <span className="stepper__marker" aria-hidden="true">
                  {state === 'done' ? '✓' : state === 'stopped' ? '✕' : state === 'skipped' ? '–' : index + 1}
                </span>
                <span className="stepper__label">{t(`case.steps.${step}`)}</span>
                <span className="visually-hidden">{t(`case.stepState.${state}`)}</span>
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
