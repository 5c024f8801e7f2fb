import { useMemo } from 'react';
import { fingerprintQrDataUrl } from '../../offices/fingerprint-qr';

/** The fingerprint's QR code (the QR encoder is its own chunk, loaded when a fingerprint is first shown). */
export function FingerprintQr({ qrText, alt }: { readonly qrText: string; readonly alt: string }) {
  const qr = useMemo(() => fingerprintQrDataUrl(qrText), [qrText]);
  return <img className="fingerprint__qr" src={qr} alt={alt} width={144} height={144} />;
}
