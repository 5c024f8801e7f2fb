import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { groupHex, type TransmittalSlip } from '@shared/exchange/transmittal-slip';
import { PrintedSlip } from './PrintedSlip';

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
  const { t } = useTranslation();
  const { dateTimeWithZone } = useLocaleFormat();
  const rows: [string, string][] = [
    [t('exchange.slip.bundleId'), slip.bundleId],
    [t('exchange.slip.kind'), t(`exchange.kinds.${slip.kind}`)],
    [t('exchange.slip.date'), dateTimeWithZone(new Date(slip.createdAt).toISOString())],
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
    <PrintedSlip
      document={(headingId) => (
        <SlipDocument rows={rows} title={title} instructions={instructions} headingId={headingId} />
      )}
      headingId="slip-heading"
      testId="transmittal-slip"
      fileName={`transmittal-${slip.bundleId.slice(0, 8)}.pdf`}
      printLabel={t('exchange.slip.print')}
    />
  );
}
