import { useTranslation } from 'react-i18next';
import type { BootOutcome } from './boot';

type Props = { readonly outcome: Exclude<BootOutcome, { kind: 'ready' }> };

/** Shown instead of the app when a start-up check fails: what happened, and what to do next. */
export function BootFailure({ outcome }: Props) {
  const { t } = useTranslation();
  return (
    <main className="boot-failure" role="alert" aria-labelledby="boot-failure-title">
      {outcome.kind === 'crypto-failed' ? (
        <>
          <h1 id="boot-failure-title">{t('boot.cryptoFailedTitle')}</h1>
          <p>{t('boot.cryptoFailedBody')}</p>
          <p>{t('boot.cryptoFailedNext')}</p>
          <pre className="boot-failure__detail">{outcome.detail}</pre>
        </>
      ) : (
        <>
          <h1 id="boot-failure-title">{t('boot.shellMissingTitle')}</h1>
          <p>{t('boot.shellMissingBody')}</p>
        </>
      )}
    </main>
  );
}
