import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowMessage } from '@shared/workflow/workflow-message';
import { useLocaleFormat } from './useLocaleFormat';
import { workflowMessageText } from './workflow-message-text';

/** A failure as the UI lists it: a workflow message, or text already worded (a storage error, a form check). */
export type ShownMessage = WorkflowMessage | string;

/**
 * Words the workflow's refusal reasons and "required now" items in the UI language, by code
 * (`workflowMessages.<code>`, see `workflowMessageText`); text that is already worded is shown as it is.
 */
export function useWorkflowMessage(): (message: ShownMessage) => string {
  const { t } = useTranslation();
  const { language, dateTime } = useLocaleFormat();
  return useCallback(
    (message: ShownMessage) =>
      typeof message === 'string'
        ? message
        : workflowMessageText(message, (key, values) => t(key, values), { language, dateTime }),
    [t, language, dateTime],
  );
}
