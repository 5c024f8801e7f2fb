import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useExchange } from '../../exchange/ExchangeProvider';
import { importAtDesk } from '../../desk/desk-import';
import { exportReceipt } from '../../exchange/export-receipt';
import type { GrantedFolder } from '@shared/ipc/contract';
import { DestinationPicker } from '../exchange/DestinationPicker';
import { deskFindings } from '../../desk/desk-findings';
import { loadDeskRecommendations, loadDeskReports } from '../../oversight/desk-records';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { deskRefusalText } from './desk-refusal-text';
import { DeskFindings } from './DeskFindings';
import { DeskRecommendations } from './DeskRecommendations';
import { AnnualReportSection } from './AnnualReportSection';

type Message = { readonly text: string; readonly isError: boolean };
/** The bundle just imported, which the desk can answer with a signed receipt for its office. */
type Answerable = { readonly entryId: string; readonly office: string };

/**
 * The oversight body's desk: import the offices' period reports and answers, see the compliance findings their trails
 * show, send recommendations and follow them, and publish the annual report. Everything but the annual report is
 * left out of print, so "Save as PDF" prints the report alone.
 */
export function DeskScreen() {
  const { t, i18n } = useTranslation();
  const { dateTime, date } = useLocaleFormat();
  const { deps, trust } = useExchange();
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [answerable, setAnswerable] = useState<Answerable | null>(null);
  const [receipt, setReceipt] = useState<Message | null>(null);
  const [now] = useState(() => new Date());
  const reports = useLiveQuery(() => (deps ? loadDeskReports(deps.db) : Promise.resolve([])), [deps]);
  const recommendations = useLiveQuery(() => (deps ? loadDeskRecommendations(deps.db) : Promise.resolve([])), [deps]);
  const findings = useMemo(
    () => (deps && reports ? deskFindings(deps.kit, reports, now.toISOString()) : []),
    [deps, reports, now],
  );

  const chooseFile = async () => {
    if (!deps) return;
    setMessage(null);
    setAnswerable(null);
    setReceipt(null);
    const picked = await deps.shell.exchange.chooseBundleFile();
    if (!picked.ok) return setMessage({ text: picked.error.message, isError: true });
    if (!picked.value) return;
    setBusy(true);
    const result = await importAtDesk(deps, trust, { fileToken: picked.value.fileToken, name: picked.value.name });
    setBusy(false);
    if (!result.ok) return setMessage({ text: deskRefusalText(t, i18n.language, dateTime, result), isError: true });
    const imported = result.value;
    setAnswerable({
      entryId: imported.receivedEntryId,
      office: imported.kind === 'period-report' ? imported.report.officeName : imported.recommendation.officeName,
    });
    setMessage({
      isError: false,
      text:
        imported.kind === 'period-report'
          ? t('desk.import.reportStored', {
              office: imported.report.officeName,
              from: date(imported.report.period.from),
              to: date(new Date(Date.parse(imported.report.period.to) - 1).toISOString()),
            })
          : t('desk.import.answerStored', { office: imported.recommendation.officeName }),
    });
  };

  const writeReceipt = async (folder: GrantedFolder) => {
    if (!deps || !answerable) return;
    setReceipt(null);
    const written = await exportReceipt(deps, trust, answerable.entryId, folder.folderToken);
    setReceipt(
      written.ok
        ? { isError: false, text: t('desk.import.receiptWritten', { office: answerable.office }) }
        : { isError: true, text: t('desk.import.receiptFailed', { office: answerable.office }) },
    );
    if (written.ok) setAnswerable(null);
  };

  return (
    <section className="desk" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('desk.title')}
      </h1>
      <p className="lead no-print">{t('desk.intro')}</p>
      <section className="report-table no-print" aria-labelledby="desk-import">
        <h2 id="desk-import">{t('desk.import.heading')}</h2>
        <p>{t('desk.import.intro')}</p>
        <Button className="button" isDisabled={!deps || busy} onPress={() => void chooseFile()}>
          {t('desk.import.choose')}
        </Button>
        <div aria-live="polite">
          {busy && <p role="status">{t('desk.import.checking')}</p>}
          {message && <p className={message.isError ? 'error' : 'notice'}>{message.text}</p>}
          {receipt && (
            <p role={receipt.isError ? 'alert' : 'status'} className={receipt.isError ? 'error' : 'notice'}>
              {receipt.text}
            </p>
          )}
        </div>
        {deps && answerable && (
          <DestinationPicker
            shell={deps.shell}
            label={t('desk.import.receiptWhere', { office: answerable.office })}
            onPicked={(folder) => void writeReceipt(folder)}
          />
        )}
        {reports && reports.length > 0 ? (
          <table className="data-table">
            <caption>{t('desk.reports.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.reports.office')}</th>
                <th scope="col">{t('desk.reports.period')}</th>
                <th scope="col">{t('desk.reports.received')}</th>
                <th scope="col">{t('desk.reports.fingerprint')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.officeName}</th>
                  <td>
                    {t('desk.reports.periodRange', {
                      from: date(r.period.from),
                      to: date(new Date(Date.parse(r.period.to) - 1).toISOString()),
                    })}
                  </td>
                  <td>{dateTime(r.receivedAt)}</td>
                  <td>
                    <code>{r.fingerprint}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="empty">{t('desk.reports.none')}</p>
        )}
      </section>
      {deps && <DeskFindings offices={findings} deps={deps} trust={trust} now={now} />}
      {deps && <DeskRecommendations recommendations={recommendations ?? []} deps={deps} now={now} />}
      {deps && (
        <AnnualReportSection reports={reports ?? []} recommendations={recommendations ?? []} deps={deps} now={now} />
      )}
    </section>
  );
}
