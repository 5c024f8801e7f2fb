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
  const [leaving, setLeaving] = useState<{ readonly go: () => void; readonly keepFailed?: boolean } | null>(null);
  const guard = (go: () => void) => {
    if (vault.drafts.pending().length === 0) go();
    else setLeaving({ go });
  };
  const settle = async (keep: boolean) => {
    // Drafts belong to the person signed in; a vault without people keeps them under '' (as CasesProvider does).
    const me = vault.person?.personId ?? '';
    const pending = vault.drafts.pending();
    if (!leaving) return;
    setLeaving(null);
    if (keep) {
      // Nothing is lost: if the draft cannot be written, the form stays on screen as it was and the dialog says so.
      if (!(await keepDrafts(vault.db, me, pending, new Date()).catch(() => false))) {
        return setLeaving({ go: leaving.go, keepFailed: true });
      }
    } else {
      await Promise.all(pending.map(({ key }) => dropKeptDraft(vault.db, me, key).catch(() => undefined)));
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
      problem={leaving.keepFailed ? t('leave.keepFailed') : undefined}
      onCancel={() => setLeaving(null)}
      onConfirm={() => void settle(true)}
    />
  ) : null;
  return { guard, dialog };
}
