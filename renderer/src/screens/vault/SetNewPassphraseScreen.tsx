import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { VaultService } from '../../vault/vault-service';
import { KdfProgress } from './KdfProgress';
import { NewPassphraseFields, useNewPassphraseReady } from './NewPassphraseFields';
import { vaultErrorMessage } from './vault-error-message';

/** After a recovery-key unlock: the forgotten passphrase is replaced before the app opens. */
export function SetNewPassphraseScreen({
  vault,
  onDone,
}: {
  readonly vault: VaultService;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = useNewPassphraseReady(passphrase, repeat);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || saving) return;
    setSaving(true);
    const saved = await vault.setNewPassphrase(passphrase);
    setSaving(false);
    if (saved.ok) onDone();
    else setError(vaultErrorMessage(t, saved.error));
  };

  return (
    <main className="vault-screen" aria-labelledby="vault-title">
      <h1 id="vault-title">{t('vault.setPassphrase.title')}</h1>
      <p className="lead">{t('vault.setPassphrase.intro')}</p>
      <form className="vault-form" onSubmit={(e) => void submit(e)} noValidate>
        <NewPassphraseFields
          passphrase={passphrase}
          repeat={repeat}
          onPassphrase={setPassphrase}
          onRepeat={setRepeat}
          labels={{ passphrase: t('vault.newPassphrase'), repeat: t('vault.repeatNewPassphrase') }}
          disabled={saving}
        />
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {saving ? <KdfProgress /> : null}
        <Button type="submit" className="button" isDisabled={!ready || saving}>
          {t('vault.setPassphrase.submit')}
        </Button>
      </form>
    </main>
  );
}
