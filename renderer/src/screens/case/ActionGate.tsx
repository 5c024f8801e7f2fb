import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { availableActions } from '@shared/workflow/available-actions';
import type { ActionType } from '@shared/workflow/workflow-action';
import { useCases } from '../../cases/CasesProvider';
import { useWorkflowMessage } from '../../components/useWorkflowMessage';

/**
 * Shows an action's form when the acting role may take it. When the role may not (or independence forbids it),
 * the form is replaced by the reason, so nothing fails silently. Unmet preconditions still show the form: trying
 * it returns the workflow's list of what is missing.
 */
export function ActionGate({
  c,
  type,
  children,
}: {
  readonly c: Case;
  readonly type: ActionType;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  const { actor, repository } = useCases();
  const translate = useWorkflowMessage();
  const availability = availableActions(c, actor, repository.context).find((a) => a.type === type);
  if (!availability) return null;
  if (availability.available || availability.code === 'preconditions-unmet') return <>{children}</>;
  if (availability.code === 'wrong-stage' || availability.code === 'wrong-kind') return null;
  return (
    <div className="role-note" role="note" data-testid={`not-permitted-${type}`}>
      <strong>
        {t('case.notForYou', {
          action: t(`case.actionLabels.${availability.type}`, { defaultValue: availability.label }),
        })}
      </strong>
      <ul>
        {availability.reasons.map((reason, index) => (
          <li key={index}>{translate(reason)}</li>
        ))}
      </ul>
      {availability.code === 'role-not-permitted' ? <p>{t('case.roleHint')}</p> : null}
    </div>
  );
}

/** Whether the acting role may take `type` now (for hiding secondary buttons). */
export function useMayTake(c: Case, type: ActionType): boolean {
  const { actor, repository } = useCases();
  return availableActions(c, actor, repository.context).some((a) => a.type === type && a.available);
}
