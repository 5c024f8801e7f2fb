import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { VaultSession } from '../../vault/vault-session';

/** The strip above every screen: which office this is, and the Lock button. */
export function VaultBar({ session }: { readonly session: VaultSession }) {
  const { t } = useTranslation();
  return (
    <header className="vault-bar" aria-label={t('vault.bar.label')}>
      <span className="vault-bar__office" data-testid="office-name">
        {session.profile?.officeName ?? ''}
      </span>
      {session.vault.person ? (
        <span className="vault-bar__person" data-testid="signed-in-person">
          {t('vault.bar.signedInAs', { name: session.vault.person.name })}
        </span>
      ) : null}
      <Button className="button button--quiet" onPress={session.lock}>
        {t('vault.bar.lock')}
      </Button>
    </header>
  );
}
