import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const FingerprintQr = lazy(() => import('./FingerprintQr').then((module) => ({ default: module.FingerprintQr })));

type Props = {
  readonly groups: readonly string[];
  readonly qrText: string;
  readonly officeName: string;
  readonly testId?: string;
};

/** A fingerprint as a safety number: twelve groups of five digits, and the same identity as a QR code. */
export function FingerprintView({ groups, qrText, officeName, testId }: Props) {
  const { t } = useTranslation();
  return (
    <div className="fingerprint">
      <div
        role="group"
        className="fingerprint__digits mono"
        data-testid={testId}
        aria-label={t('offices.fingerprintLabel', { office: officeName })}
      >
        {groups.map((group, index) => (
          <span key={index} className="fingerprint__group">
            {group}
          </span>
        ))}
      </div>
      <Suspense
        fallback={
          <p role="status" className="fingerprint__qr">
            {t('offices.qrLoading')}
          </p>
        }
      >
        <FingerprintQr qrText={qrText} alt={t('offices.qrAlt', { office: officeName })} />
      </Suspense>
    </div>
  );
}
