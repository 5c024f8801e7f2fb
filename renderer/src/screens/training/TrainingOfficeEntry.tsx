import { useCallback, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { trainingOfficeExists } from '../../training/training-office';

/**
 * On the first-run and lock screens: a way into the training office, a separate vault of sample data. Says
 * "Try with sample data" when there is none yet, "Open the training office" when there is one.
 */
export function TrainingOfficeEntry({ onOpen }: { readonly onOpen: (exists: boolean) => void }) {
  const { t } = useTranslation();
  const [exists, setExists] = useState<boolean | null>(null);
  useAsyncEffect(
    useCallback(async ({ alive }) => {
      const found = await trainingOfficeExists().catch(() => false);
      if (alive()) setExists(found);
    }, []),
  );
  if (exists === null) return null;
  return (
    <section className="vault-screen training-entry" aria-labelledby="training-entry-title">
      <h2 id="training-entry-title">{t('training.entry.title')}</h2>
      <p>{t('training.entry.intro')}</p>
      <Button className="button button--quiet" onPress={() => onOpen(exists)}>
        {exists ? t('training.entry.open') : t('training.entry.try')}
      </Button>
    </section>
  );
}
