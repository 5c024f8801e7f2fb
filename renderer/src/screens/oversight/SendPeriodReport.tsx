import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantedFolder } from '@shared/ipc/contract';
import type { ReportPeriod } from '@shared/reports/report-period';
import { REPORT_TABLES } from '@shared/reports/transparency-report';
import type { Result } from '@shared/result';
import { useCases } from '../../cases/CasesProvider';
import { useExchange } from '../../exchange/ExchangeProvider';
import { sendPeriodReport } from '../../exchange/send-period-report';
import { verifiedOversightBody } from '../../oversight/office-oversight-store';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { DestinationPicker } from '../exchange/DestinationPicker';
import { reportLabels } from '../reports/report-labels';
import type { ReportCases } from '../reports/load-report-cases';
import { useOfficeOversight } from './useOfficeOversight';

type Props = {
  readonly period: ReportPeriod;
  readonly loadCases: () => Promise<ReportCases>;
  readonly buildAuditExport: (period: ReportPeriod, now: Date) => Promise<Result<Uint8Array, string>>;
};

type Status = { readonly tone: 'busy' | 'success' | 'error'; readonly text: string } | null;

/** Codes of a failed send with their own words (`oversight.office.sendErrors.<code>`); others show the message. */
const SEND_ERRORS = ['no-oversight-body', 'written-not-recorded', 'office-key-wiped', 'office-not-ready'];

/**
 * Reports → "Send to our oversight body": the period's true counts and its signed audit trails, in a signed bundle
 * for the body, written to a drive or folder; and the list of what was sent.
 */
export function SendPeriodReport({ period, loadCases, buildAuditExport }: Props) {
  const { t, i18n } = useTranslation();
  const { deps, trust } = useExchange();
  const { nameOf } = useCases();
  const { dateTime, number } = useLocaleFormat();
  const oversight = useOfficeOversight();
  const [status, setStatus] = useState<Status>(null);
  const labels = reportLabels(t, i18n.language);
  if (oversight === undefined) return null;
  const body = verifiedOversightBody(oversight, trust);
  const office = body?.partner.card.card.name ?? '';

  const send = async (folder: GrantedFolder) => {
    if (!deps) return;
    setStatus({ tone: 'busy', text: t('oversight.office.sending') });
    const failed = (code: string, message: string) =>
      setStatus({
        tone: 'error',
        text: SEND_ERRORS.includes(code)
          ? t(`oversight.office.sendErrors.${code}`)
          : t('oversight.office.sendFailed', { message }),
      });
    const auditExport = await buildAuditExport(period, new Date());
    if (!auditExport.ok) return failed(auditExport.error.code, auditExport.error.message);
    const { cases } = await loadCases();
    const sent = await sendPeriodReport(deps, trust, {
      period,
      cases,
      auditExport: auditExport.value,
      folderToken: folder.folderToken,
    });
    if (!sent.ok) return failed(sent.error.code, sent.error.message);
    setStatus({
      tone: 'success',
      text: t('oversight.office.sent', { period: sent.value.period.label, office, file: sent.value.fileName }),
    });
  };

  return (
    <section className="report-table no-print" aria-labelledby="report-send-oversight">
      <h2 id="report-send-oversight">{t('oversight.office.sendHeading')}</h2>
      {body ? (
        <>
          <p>{t('oversight.office.sendIntro', { period: period.label, office })}</p>
          {deps ? (
            <DestinationPicker
              shell={deps.shell}
              label={t('oversight.office.sendWhere', { office })}
              onPicked={(folder) => void send(folder)}
              isDisabled={status?.tone === 'busy'}
            />
          ) : null}
        </>
      ) : (
        <p className="hint">{t('oversight.office.noBody')}</p>
      )}
      <div aria-live="polite">
        {status ? (
          <p
            role={status.tone === 'error' ? 'alert' : 'status'}
            className={status.tone === 'error' ? 'error' : status.tone === 'success' ? 'success' : 'notice'}
          >
            {status.text}
          </p>
        ) : null}
      </div>
      <h3 id="reports-sent-heading">{t('oversight.office.sentHeading')}</h3>
      {oversight.reportsSent.length === 0 ? (
        <p className="empty">{t('oversight.office.noneSent')}</p>
      ) : (
        <table className="data-table" aria-labelledby="reports-sent-heading">
          <thead>
            <tr>
              <th scope="col">{t('oversight.office.columns.period')}</th>
              <th scope="col">{t('oversight.office.columns.sent')}</th>
              <th scope="col">{t('oversight.office.columns.to')}</th>
              <th scope="col">{t('oversight.office.columns.totals')}</th>
            </tr>
          </thead>
          <tbody>
            {oversight.reportsSent.map((report) => (
              <tr key={report.id}>
                <th scope="row">{report.period.label}</th>
                <td>
                  {t('oversight.office.sentBy', {
                    date: dateTime(new Date(report.sentAt).toISOString()),
                    person: nameOf(report.sentBy),
                  })}
                </td>
                <td>{report.bodyName}</td>
                <td>
                  <ul className="plain-list">
                    {REPORT_TABLES.map((id) => {
                      const total = report.totals[id];
                      return total === undefined ? null : (
                        <li key={id}>
                          {labels.table(id)}: {number(total)}
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
