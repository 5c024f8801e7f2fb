import { useCallback, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { setUpTrainingOffice, type TrainingProgress } from '../../training/training-office';
import type { VaultService } from '../../vault/vault-service';
import { vaultErrorMessage } from '../vault/vault-error-message';
import { TrainingPeopleList } from './TrainingPeopleList';

type Props = { readonly vault: VaultService; readonly onReady: () => void; readonly onCancel: () => void };

/** Creates the training office, showing who its sample people are and how far the sample cases have got. */
export function TrainingSetupScreen({ vault, onReady, onCancel }: Props) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<TrainingProgress>({ step: 'vault' });
  const [error, setError] = useState<string | null>(null);
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        try {
          const done = await setUpTrainingOffice(vault, (next) => alive() && setProgress(next));
          if (!alive()) return;
          if (done.ok) onReady();
          else setError(vaultErrorMessage(t, done.error));
        } catch (failure) {
          if (alive())
            setError(
              t('vault.errors.unexpected', { message: failure instanceof Error ? failure.message : String(failure) }),
            );
        }
      },
      [vault, onReady, t],
    ),
  );
  const done = progress.step === 'cases' ? progress.done : 0;
  const total = progress.step === 'cases' ? progress.total : 1;
  return (
    <main className="vault-screen" aria-labelledby="training-setup-title" aria-busy={error === null}>
      <h1 id="training-setup-title">{t('training.setup.title')}</h1>
      <p className="lead">{t('training.setup.intro')}</p>
      <TrainingPeopleList />
      {error ? (
        <>
          <p role="alert" className="error">
            {error}
          </p>
          <Button className="button" onPress={onCancel}>
            {t('training.banner.leave')}
          </Button>
        </>
      ) : (
        <div role="status">
          <p>
            {progress.step === 'cases'
              ? t('training.setup.cases', { done, total })
              : t(`training.setup.${progress.step}`)}
          </p>
          <progress max={total} value={done} aria-label={t('training.setup.progress')} />
        </div>
      )}
    </main>
  );
}
