import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { groupHex, type TransmittalSlip } from '@shared/exchange/transmittal-slip';
import { useSavePdf } from '../notices/useSavePdf';

function SlipDocument({
  rows,
  title,
  instructions,
  headingId,
}: {
  rows: readonly [string, string][];
  title: string;
  instructions: string;
  headingId?: string;
}) {
  return (
    <article className="print-document transmittal-slip">
      <h2 id={headingId}>{title}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} className="transmittal-slip__row">
            <dt>{label}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{instructions}</p>
    </article>
  );
}

/**
 * The chain-of-custody slip that travels with the stick. A print copy sits under <body> (like notices), so
 * the shell's print-to-PDF gives the slip alone.
 */
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
  const title = t('exchange.slip.title');
  const instructions = t('exchange.slip.instructions');
  return (
    <section className="panel" aria-labelledby="slip-heading" data-testid="transmittal-slip">
      <SlipDocument rows={rows} title={title} instructions={instructions} headingId="slip-heading" />
      {createPortal(
        <div className="print-root" aria-hidden="true">
          <SlipDocument rows={rows} title={title} instructions={instructions} />
        </div>,
        document.body,
      )}
      <button
        type="button"
        className="button no-print"
        disabled={busy}
        onClick={() => void save(`transmittal-${slip.bundleId.slice(0, 8)}.pdf`)}
      >
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
