import { useTranslation } from 'react-i18next';
import { groupHex, type TransmittalSlip } from '@shared/exchange/transmittal-slip';
import { useSavePdf } from '../notices/useSavePdf';

/** The chain-of-custody slip that travels with the stick; prints alone (print stylesheet) to a PDF. */
export function TransmittalSlipView({ slip }: { readonly slip: TransmittalSlip }) {
  const { t, i18n } = useTranslation();
  const { busy, outcome, save } = useSavePdf();
  const rows: [string, string][] = [
    [t('exchange.slip.bundleId'), slip.bundleId],
    [t('exchange.slip.kind'), t(`exchange.kinds.${slip.kind}`)],
    [t('exchange.slip.date'), new Date(slip.createdAt).toLocaleString(i18n.language, { timeZoneName: 'short' })],
    [t('exchange.slip.sender'), slip.senderName],
    [t('exchange.slip.senderFingerprint'), slip.senderFingerprint],
    [t('exchange.slip.recipient'), slip.recipientName],
    [t('exchange.slip.recipientFingerprint'), slip.recipientFingerprint],
    [t('exchange.slip.sequence'), String(slip.sequence)],
    [t('exchange.slip.fileName'), slip.fileName],
    [t('exchange.slip.size'), t('exchange.slip.bytes', { count: slip.size })],
    [t('exchange.slip.hash'), groupHex(slip.fileHash)],
  ];
  return (
    <section className="panel" aria-labelledby="slip-heading">
      <article className="print-document transmittal-slip" data-testid="transmittal-slip">
        <h2 id="slip-heading">{t('exchange.slip.title')}</h2>
        <dl className="facts">
          {rows.map(([label, value]) => (
            <div key={label} className="transmittal-slip__row">
              <dt>{label}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t('exchange.slip.instructions')}</p>
      </article>
      <button type="button" className="button no-print" disabled={busy} onClick={() => void save(`transmittal-${slip.bundleId.slice(0, 8)}.pdf`)}>
        {t('exchange.slip.print')}
      </button>
      {outcome ? (
        <p role="status" className={outcome.ok ? 'hint' : 'error'}>
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}
