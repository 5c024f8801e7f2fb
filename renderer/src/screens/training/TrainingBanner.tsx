import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';

type Props = { readonly onLeave: () => void; readonly onDelete: () => Promise<void> };

/** On every screen of the training office: what it is, the way out, and the way to delete it. */
export function TrainingBanner({ onLeave, onDelete }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <aside className="training-banner" aria-label={t('training.banner.label')}>
      <p role="status">
        <strong>{t('training.banner.title')}</strong> {t('training.banner.body')}
      </p>
      <div className="training-banner__actions">
        <Button className="button button--quiet" onPress={onLeave}>
          {t('training.banner.leave')}
        </Button>
        <Button className="button button--quiet" onPress={() => setConfirming(true)}>
          {t('training.banner.delete')}
        </Button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('training.delete.title')}
          consequences={[t('training.delete.final'), t('training.delete.what'), t('training.delete.real')]}
          confirmLabel={t('training.delete.confirm')}
          problem={problem}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            void onDelete().catch((failure: unknown) =>
              setProblem(
                t('vault.errors.unexpected', { message: failure instanceof Error ? failure.message : String(failure) }),
              ),
            )
          }
        />
      ) : null}
    </aside>
  );
}
