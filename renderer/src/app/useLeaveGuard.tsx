import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { dropKeptDraft, keepDrafts } from '../vault/kept-drafts';
import type { VaultService } from '../vault/vault-service';

export type LeaveGuard = {
  /** Runs `go` at once when no form holds unsaved changes; otherwise asks first. */
  readonly guard: (go: () => void) => void;
  readonly dialog: ReactNode;
};

/**
 * Leaving a form with unsaved changes asks first: stay (the default, focused), keep the changes as an encrypted
 * draft and go (the form offers it back when opened again), or discard them and go. Every navigation of the app
 * passes through it: the sidebar, the case list, the stepper, a form's own Cancel.
 */
export function useLeaveGuard(vault: VaultService): LeaveGuard {
  const { t } = useTranslation();
  const [leaving, setLeaving] = useState<{ readonly go: () => void } | null>(null);
  const guard = (go: () => void) => {
    if (vault.drafts.pending().length === 0) go();
    else setLeaving({ go });
  };
  const settle = async (keep: boolean) => {
    const person = vault.person;
    const pending = vault.drafts.pending();
    if (!leaving || !person) return setLeaving(null);
    setLeaving(null);
    if (keep) {
      // Nothing is lost: if the draft cannot be written, the form stays on screen as it was.
      if (!(await keepDrafts(vault.db, person.personId, pending, new Date()).catch(() => false))) return;
    } else {
      await Promise.all(pending.map(({ key }) => dropKeptDraft(vault.db, person.personId, key).catch(() => undefined)));
    }
    leaving.go();
  };
  const dialog = leaving ? (
    <ConfirmDialog
      title={t('leave.title')}
      consequences={[t('leave.notSaved'), t('leave.keep'), t('leave.discard')]}
      cancelLabel={t('leave.stay')}
      alternative={{ label: t('leave.discardAndLeave'), onPress: () => void settle(false) }}
      confirmLabel={t('leave.keepAndLeave')}
      onCancel={() => setLeaving(null)}
      onConfirm={() => void settle(true)}
    />
  ) : null;
  return { guard, dialog };
}
