import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GrantedFolder } from '@shared/ipc/contract';
import type { LedgerEntry } from '@shared/exchange/ledger-entry';
import type { TransmittalSlip } from '@shared/exchange/transmittal-slip';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useExchange } from '../../exchange/ExchangeProvider';
import { exportReceipt } from '../../exchange/export-receipt';
import { DestinationPicker } from './DestinationPicker';
import { TransmittalSlipView } from './TransmittalSlipView';
import { refusalReason } from './refusal-reason';

/**
 * Sent bundles (awaiting receipt / delivered / refused by the partner) and received ones (with the receipt to carry
 * back, or refused here with a refusal receipt).
 */
export function LedgerView() {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const { ledger, deps, trust } = useExchange();
  const [receiptFor, setReceiptFor] = useState<string | null>(null);
  const [slip, setSlip] = useState<TransmittalSlip | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sent = ledger.filter((entry) => entry.direction === 'sent');
  const received = ledger.filter((entry) => entry.direction === 'received');
  const date = (ms: number) => dateTime(new Date(ms).toISOString());

  const writeReceipt = async (entry: LedgerEntry, folder: GrantedFolder) => {
    if (!deps) return;
    setError(null);
    const result = await exportReceipt(deps, trust, entry.id, folder.folderToken);
    setReceiptFor(null);
    if (result.ok) setSlip(result.value);
    else setError(result.error.message);
  };

  return (
    <section className="panel" aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">{t('exchange.ledger.heading')}</h2>
      <LedgerTable
        title={t('exchange.ledger.sent')}
        empty={t('exchange.ledger.noneSent')}
        peerHeading={t('exchange.ledger.to')}
        entries={sent}
        date={date}
        status={(entry) =>
          entry.status === 'refused' ? (
            <Refused
              text={t('exchange.ledger.refusedBy', {
                office: entry.peerName,
                reason: refusalReason(t, entry.refusalCode),
              })}
            />
          ) : (
            t(`exchange.ledger.states.${entry.status}`)
          )
        }
      />
      <LedgerTable
        title={t('exchange.ledger.received')}
        empty={t('exchange.ledger.noneReceived')}
        peerHeading={t('exchange.ledger.from')}
        entries={received}
        date={date}
        status={(entry) =>
          entry.status === 'refused' ? (
            // Refused here with a refusal receipt: no "imported" receipt can follow.
            <Refused text={t('exchange.ledger.refusedHere', { reason: refusalReason(t, entry.refusalCode) })} />
          ) : (
            <>
              {entry.kind === 'receipt'
                ? t('exchange.ledger.states.received')
                : t(`exchange.ledger.states.${entry.status}`)}
              {entry.kind !== 'receipt' ? (
                <Button className="button button--quiet" onPress={() => setReceiptFor(entry.id)}>
                  {t('exchange.ledger.exportReceipt')}
                </Button>
              ) : null}
            </>
          )
        }
      />
      {receiptFor && deps ? (
        <div className="panel">
          <p>{t('exchange.ledger.receiptWhere')}</p>
          <DestinationPicker
            shell={deps.shell}
            label={t('exchange.ledger.exportReceipt')}
            onPicked={(folder) => {
              const entry = received.find((candidate) => candidate.id === receiptFor);
              if (entry) void writeReceipt(entry, folder);
            }}
          />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {slip ? (
        <>
          <p role="status" className="success">
            {t('exchange.ledger.receiptWritten', { file: slip.fileName })}
          </p>
          <TransmittalSlipView slip={slip} />
        </>
      ) : null}
    </section>
  );
}

/** A refusal, in the warning style: never to be read as delivered or imported. */
function Refused({ text }: { readonly text: string }) {
  const { t } = useTranslation();
  return (
    <div className="inbox__state" data-testid="ledger-refused">
      <span className="badge badge--warn">{t('exchange.ledger.states.refused')}</span>
      <p className="warning">{text}</p>
    </div>
  );
}

type LedgerTableProps = {
  readonly title: string;
  readonly empty: string;
  readonly peerHeading: string;
  readonly entries: readonly LedgerEntry[];
  readonly date: (ms: number) => string;
  readonly status: (entry: LedgerEntry) => ReactNode;
};

/** One direction of the exchange log: kind, the other office, case, when, and its status cell. */
function LedgerTable({ title, empty, peerHeading, entries, date, status }: LedgerTableProps) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <table className="data-table" aria-label={title}>
          <thead>
            <tr>
              <th>{t('exchange.ledger.kind')}</th>
              <th>{peerHeading}</th>
              <th>{t('exchange.ledger.case')}</th>
              <th>{t('exchange.ledger.when')}</th>
              <th>{t('exchange.ledger.status')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{t(`exchange.kinds.${entry.kind}`)}</td>
                <td>{entry.peerName}</td>
                <td>{entry.caseRef ?? '—'}</td>
                <td>{date(entry.recordedAt)}</td>
                <td>{status(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
