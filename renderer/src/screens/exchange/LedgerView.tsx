import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GrantedFolder } from '@shared/ipc/contract';
import type { LedgerEntry } from '@shared/exchange/ledger-entry';
import type { TransmittalSlip } from '@shared/exchange/transmittal-slip';
import { useExchange } from '../../exchange/ExchangeProvider';
import { exportReceipt } from '../../exchange/export-receipt';
import { DestinationPicker } from './DestinationPicker';
import { TransmittalSlipView } from './TransmittalSlipView';

/** Sent bundles (awaiting receipt / delivered) and received ones, with the receipt to carry back. */
export function LedgerView() {
  const { t, i18n } = useTranslation();
  const { ledger, deps, trust } = useExchange();
  const [receiptFor, setReceiptFor] = useState<string | null>(null);
  const [slip, setSlip] = useState<TransmittalSlip | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sent = ledger.filter((entry) => entry.direction === 'sent');
  const received = ledger.filter((entry) => entry.direction === 'received');
  const date = (ms: number) => new Date(ms).toLocaleString(i18n.language);

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
      <h3>{t('exchange.ledger.sent')}</h3>
      {sent.length === 0 ? (
        <p className="empty">{t('exchange.ledger.noneSent')}</p>
      ) : (
        <table className="data-table" aria-label={t('exchange.ledger.sent')}>
          <thead>
            <tr>
              <th>{t('exchange.ledger.kind')}</th>
              <th>{t('exchange.ledger.to')}</th>
              <th>{t('exchange.ledger.case')}</th>
              <th>{t('exchange.ledger.when')}</th>
              <th>{t('exchange.ledger.status')}</th>
            </tr>
          </thead>
          <tbody>
            {sent.map((entry) => (
              <tr key={entry.id}>
                <td>{t(`exchange.kinds.${entry.kind}`)}</td>
                <td>{entry.peerName}</td>
                <td>{entry.caseRef ?? '—'}</td>
                <td>{date(entry.recordedAt)}</td>
                <td>{t(`exchange.ledger.states.${entry.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('exchange.ledger.received')}</h3>
      {received.length === 0 ? (
        <p className="empty">{t('exchange.ledger.noneReceived')}</p>
      ) : (
        <table className="data-table" aria-label={t('exchange.ledger.received')}>
          <thead>
            <tr>
              <th>{t('exchange.ledger.kind')}</th>
              <th>{t('exchange.ledger.from')}</th>
              <th>{t('exchange.ledger.case')}</th>
              <th>{t('exchange.ledger.when')}</th>
              <th>{t('exchange.ledger.status')}</th>
            </tr>
          </thead>
          <tbody>
            {received.map((entry) => (
              <tr key={entry.id}>
                <td>{t(`exchange.kinds.${entry.kind}`)}</td>
                <td>{entry.peerName}</td>
                <td>{entry.caseRef ?? '—'}</td>
                <td>{date(entry.recordedAt)}</td>
                <td>
                  {entry.kind === 'receipt' ? t('exchange.ledger.states.received') : t(`exchange.ledger.states.${entry.status}`)}
                  {entry.kind !== 'receipt' ? (
                    <Button className="button button--quiet" onPress={() => setReceiptFor(entry.id)}>
                      {t('exchange.ledger.exportReceipt')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
