import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { reportToCsv } from '@shared/reports/report-csv';
import type { ReportPeriod } from '@shared/reports/report-period';
import type { Result } from '@shared/result';
import { formatPublished } from '@shared/reports/suppress-table';
import { buildTransparencyReport } from '@shared/reports/transparency-report';
import { defaultReportPeriod, ReportPeriodPicker } from './ReportPeriodPicker';
import { ReportTableSection } from './ReportTableSection';
import { reportLabels } from './report-labels';
import type { ReportCases } from './load-report-cases';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';

type Props = {
  readonly shell: CasebridgeApi;
  readonly officeName: string;
  readonly officeJurisdiction: string;
  readonly loadCases: () => Promise<ReportCases>;
  readonly threshold?: number;
  /** The clock, for the default period and "generated" date; the app passes none and gets the real time. */
  readonly now?: Date;
  /** Builds the signed audit-trail file of a period for an oversight body. */
  readonly buildOversightFile?: (period: ReportPeriod, now: Date) => Promise<Result<Uint8Array, string>>;
  /** "Send to our oversight body" for the chosen period (the app gives it; it needs the exchange layer). */
  readonly sendToOversight?: (period: ReportPeriod) => ReactNode;
};

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly data: ReportCases };

/** File names may only carry letters, digits, space and . _ - (the shell checks the same rule). */
const fileSafe = (text: string) => text.replace(/[^\p{L}\p{N} ._-]+/gu, '-');

export function ReportsScreen({
  shell,
  officeName,
  officeJurisdiction,
  loadCases,
  threshold,
  now: givenNow,
  buildOversightFile,
  sendToOversight,
}: Props) {
  const { t, i18n } = useTranslation();
  const [now] = useState(() => givenNow ?? new Date());
  const [period, setPeriod] = useState<ReportPeriod>(() => defaultReportPeriod(now));
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [saveMessage, setSaveMessage] = useState<{ text: string; isError: boolean } | null>(null);

  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        try {
          const data = await loadCases();
          if (alive()) setLoad({ status: 'ready', data });
        } catch (error: unknown) {
          if (alive()) setLoad({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      },
      [loadCases],
    ),
  );

  const report = useMemo(
    () =>
      load.status === 'ready'
        ? buildTransparencyReport(load.data.cases, {
            period,
            officeJurisdiction,
            now: now.toISOString(),
            ...(threshold ? { threshold } : {}),
          })
        : null,
    [load, period, officeJurisdiction, now, threshold],
  );
  const labels = reportLabels(t, i18n.language);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' });
  const lastDay = new Date(Date.parse(period.to) - 1);

  async function save(kind: 'csv' | 'pdf' | 'audit') {
    if (report === null) return;
    setSaveMessage(null);
    const internal = kind !== 'audit' && report.publication === 'internal' ? ' internal' : '';
    const suggestedName = `${fileSafe(`Casebridge ${kind === 'audit' ? 'audit trails' : 'report'} ${period.label}${internal}`)}.${kind === 'audit' ? 'json' : kind}`;
    if (kind === 'audit') {
      if (!buildOversightFile) return;
      setSaveMessage({ text: t('reports.auditBuilding'), isError: false });
      const file = await buildOversightFile(period, now);
      if (!file.ok) {
        const message =
          file.error.code === 'office-key-wiped'
            ? t('reports.auditKeyClosed')
            : file.error.code === 'office-not-ready'
              ? t('reports.auditOfficeNotReady')
              : file.error.message;
        setSaveMessage({ text: t('reports.saveFailed', { message }), isError: true });
        return;
      }
      const saved = await shell.document.saveFile({ suggestedName, bytes: file.value });
      if (!saved.ok) setSaveMessage({ text: t('reports.saveFailed', { message: saved.error.message }), isError: true });
      else
        setSaveMessage(
          saved.value === null ? null : { text: t('reports.saved', { name: saved.value.name }), isError: false },
        );
      return;
    }
    const result =
      kind === 'csv'
        ? await shell.document.saveFile({
            suggestedName,
            bytes: new TextEncoder().encode(reportToCsv(report, labels, officeName)),
          })
        : await shell.document.savePdf({ suggestedName });
    if (!result.ok) setSaveMessage({ text: t('reports.saveFailed', { message: result.error.message }), isError: true });
    else if (result.value !== null)
      setSaveMessage({ text: t('reports.saved', { name: result.value.name }), isError: false });
  }

  return (
    <section className="report" aria-labelledby="screen-title">
      <h1 id="screen-title">{t('reports.title')}</h1>
      <p className="lead no-print">{t('reports.intro')}</p>
      <div className="report__controls no-print">
        <ReportPeriodPicker now={now} onChange={setPeriod} />
        <div className="report__actions">
          <Button className="button" isDisabled={report === null} onPress={() => void save('csv')}>
            {t('reports.exportCsv')}
          </Button>
          <Button className="button" isDisabled={report === null} onPress={() => void save('pdf')}>
            {t('reports.savePdf')}
          </Button>
        </div>
      </div>
      <div aria-live="polite" className="no-print">
        {saveMessage && <p className={saveMessage.isError ? 'error' : 'notice'}>{saveMessage.text}</p>}
      </div>

      <header className="report__header">
        <p className="report__office">{t('reports.reportFor', { office: officeName })}</p>
        <p>
          {t('reports.periodLine', {
            label: period.label,
            from: date.format(new Date(period.from)),
            to: date.format(lastDay),
          })}
        </p>
        <p>{t('reports.generatedLine', { date: date.format(now) })}</p>
        {report?.publication === 'internal' && (
          // Printed with the report (no "no-print"): the PDF carries the mark as well as the screen.
          <p className="report__internal" role="note">
            <strong>{t('reports.internalMark')}</strong> {t('reports.internalReason')}
          </p>
        )}
      </header>

      {load.status === 'loading' && <p aria-busy="true">{t('reports.loading')}</p>}
      {load.status === 'failed' && (
        <p role="alert" className="error">
          {t('reports.loadFailed', { message: load.message })}
        </p>
      )}
      {load.status === 'ready' && load.data.unreadable > 0 && (
        <p role="status" className="notice">
          {t('reports.unreadable', { count: load.data.unreadable })}
        </p>
      )}
      {report && (
        <>
          {report.tables.map((table) => (
            <ReportTableSection key={table.id} table={table} threshold={report.threshold} labels={labels} />
          ))}
          <section className="report-table" aria-labelledby="report-durations">
            <h2 id="report-durations">{t('reports.durationsHeading')}</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.stage')}</th>
                  <th scope="col" className="num">
                    {t('reports.cases')}
                  </th>
                  <th scope="col" className="num">
                    {t('reports.medianDays')}
                  </th>
                  <th scope="col" className="num">
                    {t('reports.p90Days')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.stageDurations.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{labels.span(d.id)}</th>
                    <td className="num">{formatPublished(d.cases, report.threshold)}</td>
                    <td className="num">{d.medianDays ?? t('reports.withheldDuration')}</td>
                    <td className="num">{d.p90Days ?? t('reports.withheldDuration')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {buildOversightFile && (
            <section className="report-table no-print" aria-labelledby="report-oversight">
              <h2 id="report-oversight">{t('reports.auditHeading')}</h2>
              <p>{t('reports.auditIntro')}</p>
              <Button className="button" onPress={() => void save('audit')}>
                {t('reports.auditExport')}
              </Button>
            </section>
          )}
          {sendToOversight ? sendToOversight(period) : null}
          <section className="report-method" aria-labelledby="report-method">
            <h2 id="report-method">{t('reports.methodHeading')}</h2>
            <p>{t('reports.method')}</p>
            <p>{t('reports.threshold', { threshold: report.threshold })}</p>
          </section>
        </>
      )}
    </section>
  );
}
