import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { buildAnnualReport } from '@shared/oversight/annual-report';
import { annualReportToCsv, type AnnualReportLabels } from '@shared/oversight/annual-report-csv';
import { formatPublished, type PublishedTable } from '@shared/reports/suppress-table';
import type { ExchangeDeps } from '../../exchange/exchange-deps';
import type { DeskPeriodReport, DeskRecommendation } from '../../oversight/desk-records';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { ReportTableSection } from '../reports/ReportTableSection';
import { reportLabels } from '../reports/report-labels';

type Props = {
  readonly reports: readonly DeskPeriodReport[];
  readonly recommendations: readonly DeskRecommendation[];
  readonly deps: ExchangeDeps;
  readonly now: Date;
};

/**
 * The public annual report: the year's period reports combined, suppressed only after combining, shown with the
 * Reports screen's own tables and charts, and the recommendations issued and answered by office and finding type.
 */
export function AnnualReportSection({ reports, recommendations, deps, now }: Props) {
  const { t, i18n } = useTranslation();
  const { number } = useLocaleFormat();
  const years = useMemo(() => {
    const found = new Set(reports.map((r) => new Date(r.period.from).getUTCFullYear()));
    return [...found].sort((a, b) => b - a);
  }, [reports]);
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? years[0] ?? now.getUTCFullYear();
  const [saveMessage, setSaveMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const built = useMemo(
    () =>
      buildAnnualReport(
        year,
        reports.map((r) => ({ officeKey: r.officeKey, period: r.period, tables: r.tables })),
        recommendations.map((r) => ({
          officeName: r.officeName,
          findingTypes: r.findings.map((f) => f.type),
          issuedAt: r.issuedAt,
          answered: r.answer !== null,
        })),
      ),
    [year, reports, recommendations],
  );
  const labels: AnnualReportLabels = {
    ...reportLabels(t, i18n.language),
    findingType: (type) => t(`oversight.findingTypes.${type}`),
    recommendationTable: (id) => t(`desk.annual.tables.${id}`),
  };
  const bodyName = deps.officeName;

  const save = async (kind: 'csv' | 'pdf') => {
    if (!built.ok) return;
    setSaveMessage(null);
    const suggestedName = `Casebridge annual report ${year}.${kind}`;
    const result =
      kind === 'csv'
        ? await deps.shell.document.saveFile({
            suggestedName,
            bytes: new TextEncoder().encode(annualReportToCsv(built.value, labels, bodyName, now.toISOString())),
          })
        : await deps.shell.document.savePdf({ suggestedName });
    if (!result.ok) setSaveMessage({ text: t('reports.saveFailed', { message: result.error.message }), isError: true });
    else if (result.value !== null)
      setSaveMessage({ text: t('reports.saved', { name: result.value.name }), isError: false });
  };

  return (
    <section className="report" aria-labelledby="desk-annual">
      <h2 id="desk-annual">{t('desk.annual.heading', { year })}</h2>
      <div className="report__controls no-print">
        <div className="field">
          <label htmlFor="desk-annual-year">{t('desk.annual.year')}</label>
          <select id="desk-annual-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {(years.length > 0 ? years : [year]).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="report__actions">
          <Button className="button" isDisabled={!built.ok} onPress={() => void save('csv')}>
            {t('reports.exportCsv')}
          </Button>
          <Button className="button" isDisabled={!built.ok} onPress={() => void save('pdf')}>
            {t('reports.savePdf')}
          </Button>
        </div>
      </div>
      <div aria-live="polite" className="no-print">
        {saveMessage && <p className={saveMessage.isError ? 'error' : 'notice'}>{saveMessage.text}</p>}
      </div>
      {!built.ok ? (
        <p role="alert" className="error">
          {t(`desk.refused.${built.error.code}`)}
        </p>
      ) : (
        <>
          <header className="report__header">
            <p className="report__office">{t('desk.annual.by', { body: bodyName })}</p>
            <p>
              {t('desk.annual.combined', {
                count: built.value.reportsCombined,
                offices: number(built.value.combined.offices.length),
              })}
            </p>
          </header>
          {built.value.combined.tables.map((table) => (
            <ReportTableSection
              key={table.id}
              table={table}
              threshold={built.value.combined.threshold}
              labels={labels}
            />
          ))}
          <RecommendationTable
            title={t('desk.annual.byOffice')}
            issued={built.value.recommendations.issuedByOffice}
            answered={built.value.recommendations.answeredByOffice}
            label={(key) => key}
            threshold={built.value.combined.threshold}
          />
          <RecommendationTable
            title={t('desk.annual.byFindingType')}
            issued={built.value.recommendations.issuedByFindingType}
            answered={built.value.recommendations.answeredByFindingType}
            label={labels.findingType}
            threshold={built.value.combined.threshold}
          />
          <section className="report-method" aria-labelledby="desk-annual-method">
            <h2 id="desk-annual-method">{t('reports.methodHeading')}</h2>
            <p>{t('desk.annual.method')}</p>
            <p>{t('reports.threshold', { threshold: built.value.combined.threshold })}</p>
          </section>
        </>
      )}
    </section>
  );
}

function RecommendationTable(props: {
  readonly title: string;
  readonly issued: PublishedTable;
  readonly answered: PublishedTable;
  readonly label: (key: string) => string;
  readonly threshold: number;
}) {
  const { t } = useTranslation();
  const { number } = useLocaleFormat();
  const { issued, answered, threshold } = props;
  const shown = (value: PublishedTable['total'] | undefined) =>
    value === undefined ? number(0) : value.kind === 'count' ? number(value.count) : formatPublished(value, threshold);
  // A table whose breakdown is withheld lists no cells: its categories print "x", never 0.
  const cellOf = (table: PublishedTable, key: string): PublishedTable['total'] | undefined =>
    table.cells.find((c) => c.key === key)?.value ?? (table.breakdownWithheld ? { kind: 'withheld' } : undefined);
  const keys = [...new Set([...issued.cells, ...answered.cells].map((cell) => cell.key))].sort();
  const withheld = issued.breakdownWithheld || answered.breakdownWithheld;
  return (
    <section className="report-table" aria-label={props.title}>
      <h2>{props.title}</h2>
      {withheld && <p className="hint">{t('reports.breakdownWithheld', { threshold })}</p>}
      <table className="data-table">
        <caption className="visually-hidden">{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.category')}</th>
            <th scope="col" className="num">
              {t('desk.annual.issued')}
            </th>
            <th scope="col" className="num">
              {t('desk.annual.answered')}
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key}>
              <th scope="row">{props.label(key)}</th>
              <td className="num">{shown(cellOf(issued, key))}</td>
              <td className="num">{shown(cellOf(answered, key))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('reports.total')}</th>
            <td className="num">{shown(issued.total)}</td>
            <td className="num">{shown(answered.total)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
