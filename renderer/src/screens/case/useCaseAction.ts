import { useCallback, useState } from 'react';
import type { WorkflowAction } from '@shared/workflow/workflow-action';
import { useCases } from '../../cases/CasesProvider';

export type CaseActionState = {
  readonly busy: boolean;
  /** The refusal's messages (what is missing) or a storage error, from the last attempt. */
  readonly messages: readonly string[];
  readonly run: (action: WorkflowAction) => Promise<boolean>;
  readonly clear: () => void;
};

/** Runs one workflow action on a case through the repository; a refusal is kept as its message list, never swallowed. */
export function useCaseAction(caseId: string): CaseActionState {
  const { repository, actor } = useCases();
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<readonly string[]>([]);
  const run = useCallback(
    async (action: WorkflowAction) => {
      setBusy(true);
      setMessages([]);
      const result = await repository.apply(caseId, action, actor);
      setBusy(false);
      if (!result.ok) setMessages(result.messages);
      return result.ok;
    },
    [repository, actor, caseId],
  );
  return { busy, messages, run, clear: useCallback(() => setMessages([]), []) };
}
