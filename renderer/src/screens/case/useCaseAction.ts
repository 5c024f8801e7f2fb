import { useCallback, useState } from 'react';
import type { Actor } from '@shared/domain/actor';
import type { WorkflowAction } from '@shared/workflow/workflow-action';
import type { ShownMessage } from '../../components/useWorkflowMessage';
import { useCases } from '../../cases/CasesProvider';

export type CaseActionState = {
  readonly busy: boolean;
  /** The refusal's messages (what is missing) or a storage error, from the last attempt. */
  readonly messages: readonly ShownMessage[];
  /** Runs the action as the signed-in person, or as `by` (a second person who just co-signed with their passphrase). */
  readonly run: (action: WorkflowAction, by?: Actor) => Promise<boolean>;
  readonly clear: () => void;
};

/** Runs one workflow action on a case through the repository; a refusal is kept as its message list, never swallowed. */
export function useCaseAction(caseId: string): CaseActionState {
  const { repository, actor } = useCases();
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<readonly ShownMessage[]>([]);
  const run = useCallback(
    async (action: WorkflowAction, by?: Actor) => {
      setBusy(true);
      setMessages([]);
      const result = await repository.apply(caseId, action, by ?? actor);
      setBusy(false);
      if (!result.ok) setMessages(result.messages);
      return result.ok;
    },
    [repository, actor, caseId],
  );
  return { busy, messages, run, clear: useCallback(() => setMessages([]), []) };
}
