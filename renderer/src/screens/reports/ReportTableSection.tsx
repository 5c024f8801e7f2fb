import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPublished } from '@shared/reports/suppress-table';
import type { ReportLabels } from '@shared/reports/report-csv';
import type { ReportTable } from '@shared/reports/transparency-report';

const ReportBarChart = lazy(() => import('./ReportBarChart').then((module) => ({ default: module.ReportBarChart })));

type Props = { readonly table: ReportTable; readonly threshold: number; readonly labels: ReportLabels };

/**
 * One published table: a bar chart of the counts that may be shown, and the table itself, which is what
 * screen readers and print rely on. Withheld cells have no bar; the table lists them as "<t" or "x".
 */
export function ReportTableSection({ table, threshold, labels }: Props) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const title = labels.table(table.id);
  const headingId = `report-${table.id}`;
  const shown = (value: Parameters<typeof formatPublished>[0]) =>
    value.kind === 'count' ? number.format(value.count) : formatPublished(value, threshold);
  const bars = table.cells
    .filter((cell) => cell.value.kind === 'count')
    .map((cell) => ({
      name: labels.key(table.id, cell.key),
      count: cell.value.kind === 'count' ? cell.value.count : 0,
    }));
  return (
    <section className="report-table" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {table.breakdownWithheld && <p className="hint">{t('reports.breakdownWithheld', { threshold })}</p>}
      {table.cells.length === 0 && !table.breakdownWithheld ? (
        <p className="empty">{t('reports.empty')}</p>
      ) : (
        <>
          {bars.length > 0 && (
            <figure className="report-chart" aria-label={t('reports.chartOf', { title })}>
              <Suspense fallback={<p role="status">{t('reports.chartLoading')}</p>}>
                <ReportBarChart bars={bars} />
              </Suspense>
            </figure>
          )}
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.category')}</th>
                <th scope="col" className="num">
                  {t('reports.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {table.cells.map((cell) => (
                <tr key={cell.key}>
                  <th scope="row">{labels.key(table.id, cell.key)}</th>
                  <td className="num">{shown(cell.value)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('reports.total')}</th>
                <td className="num">{shown(table.total)}</td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </section>
  );
}
