import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprintQrDataUrl } from '../../offices/fingerprint-qr';

type Props = {
  readonly groups: readonly string[];
  readonly qrText: string;
  readonly officeName: string;
  readonly testId?: string;
};

/** A fingerprint as a safety number: twelve groups of five digits, and the same identity as a QR code. */
export function FingerprintView({ groups, qrText, officeName, testId }: Props) {
  const { t } = useTranslation();
  const qr = useMemo(() => fingerprintQrDataUrl(qrText), [qrText]);
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
      <img
        className="fingerprint__qr"
        src={qr}
        alt={t('offices.qrAlt', { office: officeName })}
        width={144}
        height={144}
      />
    </div>
  );
}
