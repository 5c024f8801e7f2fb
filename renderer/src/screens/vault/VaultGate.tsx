import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CasebridgeApi } from '@shared/ipc/contract';
import type { VaultService } from '../../vault/vault-service';
import type { OfficeProfile } from '../../vault/records/office-profile';
import type { VaultSession } from '../../vault/vault-session';
import { FirstRunScreen } from './FirstRunScreen';
import { RestoreFromBackupPanel } from '../backup/RestoreFromBackupPanel';
import { UnlockScreen } from './UnlockScreen';
import { SetNewPassphraseScreen } from './SetNewPassphraseScreen';
import { VaultChangedScreen } from './VaultChangedScreen';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { useIdleLock } from './useIdleLock';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../vault/records/vault-preferences';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';

type GateState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'first-run' }
  | { readonly kind: 'locked' }
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'set-passphrase' }
  | { readonly kind: 'vault-changed' }
  | { readonly kind: 'profile' }
  | { readonly kind: 'unlocked'; readonly profile: OfficeProfile | null; readonly idleLockMinutes: number };

type Props = {
  readonly vault: VaultService;
  readonly shell: CasebridgeApi;
  readonly children: (session: VaultSession) => ReactNode;
  /** Shown under the first-run and unlock screens (the way into the training office, or its sample people). */
  readonly entry?: ReactNode;
  /** This is the training office's vault (`screens/training/OfficeSwitch.tsx`). */
  readonly training?: boolean;
};

/** No vault → first run; locked → unlock; unlocked → the app, with idle and OS-lock handling. */
export function VaultGate({ vault, shell, children, entry = null, training = false }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<GateState>({ kind: 'checking' });

  /** Into the app; first to the "vault changed" screen when this unlock found the disk changed (`readOnly` skips it). */
  const enter = useCallback(
    async (readOnly = false) => {
      if (!readOnly && vault.integrityFindings.length > 0) {
        setState({ kind: 'vault-changed' });
        return;
      }
      const profile = await vault.readProfile();
      if (profile === null) {
        setState({ kind: 'profile' });
        return;
      }
      const preferences = await vault.readPreferences();
      setState({ kind: 'unlocked', profile, idleLockMinutes: preferences.idleLockMinutes });
    },
    [vault],
  );

  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        try {
          const status = await vault.status();
          if (!alive()) return;
          if (status.kind === 'no-vault') setState({ kind: 'first-run' });
          else if (status.kind === 'locked') setState({ kind: 'locked' });
          else if (status.kind === 'unreadable')
            setState({
              kind: 'unreadable',
              message: t(`vault.errors.${status.code}`, { defaultValue: status.message }),
            });
          else await enter();
        } catch (error: unknown) {
          // The store could not even be asked: say so instead of checking forever.
          console.error('The vault status could not be read', error);
          const message = error instanceof Error ? error.message : 'no detail';
          if (alive()) setState({ kind: 'unreadable', message: t('vault.errors.unexpected', { message }) });
        }
      },
      [vault, enter, t],
    ),
  );

  // Whatever locks the keyring (button, idle, OS), the screen follows.
  const [keysInMemory, setKeysInMemory] = useState(vault.keyring.unlocked);
  useEffect(
    () =>
      vault.onChange(() => {
        setKeysInMemory(vault.keyring.unlocked);
        if (!vault.keyring.unlocked) setState({ kind: 'locked' });
      }),
    [vault],
  );

  // Every lock — the button, idle, the OS — keeps unsaved forms as encrypted drafts first.
  const lock = useCallback(() => void vault.lockKeepingWork(), [vault]);
  const unlocked = state.kind === 'unlocked';
  // The screen that had focus is gone: start keyboard navigation from the top of the app, as after a load.
  const appStart = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (unlocked) appStart.current?.focus({ preventScroll: true });
  }, [unlocked]);
  // Idle and OS lock are armed in every state that holds a key (first-run steps after the vault exists, a new
  // passphrase after a recovery unlock), not only in the app itself.
  useEffect(() => (keysInMemory ? shell.system.onLock(lock) : undefined), [keysInMemory, shell, lock]);
  const idleMinutes = state.kind === 'unlocked' ? state.idleLockMinutes : DEFAULT_IDLE_LOCK_MINUTES;
  const idleWarning = useIdleLock(keysInMemory ? idleMinutes * 60_000 : null, lock);
  const warningBanner = idleWarning ? <IdleWarning /> : null;

  switch (state.kind) {
    case 'checking':
      return (
        <main className="vault-screen" aria-busy="true">
          <p>{t('vault.checking')}</p>
        </main>
      );
    case 'first-run':
      return (
        <>
          {warningBanner}
          <FirstRunScreen vault={vault} onDone={() => void enter()} />
          {training ? null : (
            <RestoreFromBackupPanel vault={vault} shell={shell} onRestored={() => setState({ kind: 'locked' })} />
          )}
          {entry}
        </>
      );
    case 'profile':
      return (
        <>
          {warningBanner}
          <FirstRunScreen vault={vault} onDone={() => void enter()} initialStep="profile" />
        </>
      );
    case 'locked':
      return (
        <>
          <UnlockScreen
            vault={vault}
            onUnlocked={(via) => (via === 'recovery-key' ? setState({ kind: 'set-passphrase' }) : void enter())}
          />
          {entry}
        </>
      );
    case 'set-passphrase':
      return (
        <>
          {warningBanner}
          <SetNewPassphraseScreen vault={vault} onDone={() => void enter()} />
        </>
      );
    case 'vault-changed':
      return (
        <>
          {warningBanner}
          <VaultChangedScreen vault={vault} onReadOnly={() => void enter(true)} onAccepted={() => void enter()} />
        </>
      );
    case 'unreadable':
      return (
        <main className="vault-screen" role="alert" aria-labelledby="vault-title">
          <h1 id="vault-title">{t('vault.unlock.unreadableTitle')}</h1>
          <p>{state.message}</p>
        </main>
      );
    case 'unlocked':
      return (
        <div ref={appStart} tabIndex={-1} className="vault-unlocked">
          {warningBanner}
          <ReadOnlyBanner vault={vault} onReview={() => setState({ kind: 'vault-changed' })} />
          {children({
            vault,
            profile: state.profile,
            training,
            lock,
            idleLockMinutes: state.idleLockMinutes,
            setIdleLockMinutes: (minutes) => setState({ ...state, idleLockMinutes: minutes }),
          })}
        </div>
      );
  }
}

/** The last minute before the idle lock: say so, and let the person stay (any activity does the same). */
function IdleWarning() {
  const { t } = useTranslation();
  return (
    <div className="idle-warning" role="alertdialog" aria-labelledby="idle-warning-text" aria-modal="false">
      <p id="idle-warning-text">{t('vault.idle.warning')}</p>
      {/* Pressing it is activity: the idle count starts again. No autofocus: moving focus would itself count. */}
      <Button className="button">{t('vault.idle.stay')}</Button>
    </div>
  );
}
