import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { VaultService } from '../../vault/vault-service';
import { KdfProgress } from './KdfProgress';
import { NewPassphraseFields, useNewPassphraseReady } from './NewPassphraseFields';
import { OfficeProfileForm } from './OfficeProfileForm';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { vaultErrorMessage } from './vault-error-message';
import { personNameProblem } from './person-name';
import { PersonNameField } from './PersonNameField';

type Step = 'passphrase' | 'profile' | 'recovery';
type Props = { readonly vault: VaultService; readonly onDone: () => void; readonly initialStep?: Step };

/** First run: choose the passphrase (creates the vault), describe the office, optionally print a recovery key. */
export function FirstRunScreen({ vault, onDone, initialStep = 'passphrase' }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(initialStep);
  return (
    <main className="vault-screen" aria-labelledby="vault-title">
      <h1 id="vault-title">{t('vault.firstRun.title')}</h1>
      <p className="vault-step">
        {t(
          `vault.firstRun.${step === 'passphrase' ? 'stepPassphrase' : step === 'profile' ? 'stepProfile' : 'stepRecovery'}`,
        )}
      </p>
      {step === 'passphrase' ? <CreateVaultStep vault={vault} onCreated={() => setStep('profile')} /> : null}
      {step === 'profile' ? <OfficeProfileForm vault={vault} onSaved={() => setStep('recovery')} /> : null}
      {step === 'recovery' ? (
        <>
          <p className="lead">{t('vault.firstRun.recoveryIntro')}</p>
          <RecoveryKeyPanel vault={vault} onDone={onDone} onSkip={onDone} />
        </>
      ) : null}
    </main>
  );
}

function CreateVaultStep({ vault, onCreated }: { readonly vault: VaultService; readonly onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameProblem = personNameProblem(name);
  const ready = useNewPassphraseReady(passphrase, repeat) && acknowledged && nameProblem === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || creating) return;
    setCreating(true);
    setError(null);
    try {
      const created = await vault.create(passphrase, name.trim());
      if (created.ok) onCreated();
      else setError(vaultErrorMessage(t, created.error));
    } catch (failure) {
      setError(t('vault.errors.unexpected', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setCreating(false);
    }
  };

  return (
    <form className="vault-form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="lead">{t('vault.firstRun.intro')}</p>
      <PersonNameField
        label={t('vault.person.yourName')}
        help={t('vault.person.yourNameHelp')}
        value={name}
        onChange={setName}
        disabled={creating}
      />
      <NewPassphraseFields
        passphrase={passphrase}
        repeat={repeat}
        onPassphrase={setPassphrase}
        onRepeat={setRepeat}
        disabled={creating}
      />
      <div className="warning" role="note">
        <strong>{t('vault.firstRun.warningTitle')}</strong>
        <p>{t('vault.firstRun.warningBody')}</p>
        <label className="choice">
          <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
          {t('vault.firstRun.acknowledge')}
        </label>
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {creating ? <KdfProgress label={t('vault.firstRun.creating')} /> : null}
      <Button type="submit" className="button" isDisabled={!ready || creating}>
        {t('vault.firstRun.create')}
      </Button>
    </form>
  );
}
