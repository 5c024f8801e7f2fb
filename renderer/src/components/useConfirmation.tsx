import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

export type Confirmation = {
  readonly title: string;
  readonly consequences: readonly string[];
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
};

/** `ask` shows a confirmation; `dialog` is where it renders. The act runs only on the named confirm button. */
export function useConfirmation(): { readonly ask: (c: Confirmation) => void; readonly dialog: ReactNode } {
  const [pending, setPending] = useState<Confirmation | null>(null);
  const dialog = pending ? (
    <ConfirmDialog
      title={pending.title}
      consequences={pending.consequences}
      confirmLabel={pending.confirmLabel}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        setPending(null);
        pending.onConfirm();
      }}
    />
  ) : null;
  return { ask: setPending, dialog };
}
