import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quarterPeriod, yearPeriod, type ReportPeriod } from '@shared/reports/report-period';

type Props = { readonly now: Date; readonly onChange: (period: ReportPeriod) => void };

type Preset = { readonly id: string; readonly label: string; readonly period: ReportPeriod };

/** Year and quarter presets (what reports should be published for), plus a custom range with a warning. */
export function ReportPeriodPicker({ now, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const year = now.getUTCFullYear();
  const presets: Preset[] = [
    { id: 'last-year', label: t('reports.presetLastYear', { year: year - 1 }), period: yearPeriod(year - 1) },
    { id: 'this-year', label: t('reports.presetThisYear', { year }), period: yearPeriod(year) },
    ...[year, year - 1].flatMap((y) =>
      ([1, 2, 3, 4] as const).map((q) => ({
        id: `${y}-q${q}`,
        label: t('reports.presetQuarter', { year: y, quarter: q }),
        period: quarterPeriod(y, q),
      })),
    ),
  ];
  const [choice, setChoice] = useState('last-year');
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(now.toISOString().slice(0, 10));
  const customInvalid = choice === 'custom' && !(from <= to);

  const applyCustom = (nextFrom: string, nextTo: string) => {
    if (!(nextFrom <= nextTo) || nextFrom === '' || nextTo === '') return;
    const end = new Date(`${nextTo}T00:00:00.000Z`);
    end.setUTCDate(end.getUTCDate() + 1); // "to" is inclusive for the user, exclusive in the period
    onChange({
      from: new Date(`${nextFrom}T00:00:00.000Z`).toISOString(),
      to: end.toISOString(),
      label: `${nextFrom} – ${nextTo}`,
    });
  };

  return (
    <fieldset className="report-period">
      <legend>{t('reports.periodHeading')}</legend>
      <label htmlFor={`${id}-preset`}>{t('reports.preset')}</label>
      <select
        id={`${id}-preset`}
        value={choice}
        onChange={(event) => {
          setChoice(event.target.value);
          const preset = presets.find((p) => p.id === event.target.value);
          if (preset) onChange(preset.period);
          else applyCustom(from, to);
        }}
      >
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
        <option value="custom">{t('reports.presetCustom')}</option>
      </select>
      {choice === 'custom' && (
        <div className="report-period__custom">
          <label htmlFor={`${id}-from`}>{t('reports.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
              applyCustom(e.target.value, to);
            }}
          />
          <label htmlFor={`${id}-to`}>{t('reports.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={to}
            aria-invalid={customInvalid}
            aria-describedby={`${id}-note`}
            onChange={(e) => {
              setTo(e.target.value);
              applyCustom(from, e.target.value);
            }}
          />
          <p id={`${id}-note`} className={customInvalid ? 'error' : 'hint'}>
            {customInvalid ? t('reports.periodInvalid') : t('reports.customNote')}
          </p>
        </div>
      )}
    </fieldset>
  );
}

export function defaultReportPeriod(now: Date): ReportPeriod {
  return yearPeriod(now.getUTCFullYear() - 1);
}
