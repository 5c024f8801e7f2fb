import { useTranslation } from 'react-i18next';
import { DUE_WINDOWS, type DueFilter } from '@shared/deadlines/due-window';
import { Field, SelectField } from '../../components/Field';

const CHOICES = ['any', ...DUE_WINDOWS] as const;

/** When this office must act: a window counted from now in the office's zone, or a range of dates. */
export function DueFilterField({
  value,
  onChange,
}: {
  readonly value: DueFilter;
  readonly onChange: (next: DueFilter) => void;
}) {
  const { t } = useTranslation();
  const choose = (choice: string) => {
    const window = CHOICES.find((c) => c === choice) ?? 'any';
    onChange(window === 'range' ? { window, from: '', to: '' } : { window });
  };
  return (
    <>
      <SelectField
        label={t('cases.due')}
        value={value.window}
        onChange={choose}
        options={CHOICES.map((c) => ({ value: c, label: t(`cases.dueWindow.${c}`) }))}
      />
      {value.window === 'range' ? (
        <>
          <Field
            kind="date"
            label={t('cases.dueFrom')}
            value={value.from}
            onChange={(from) => onChange({ ...value, from })}
          />
          <Field kind="date" label={t('cases.dueTo')} value={value.to} onChange={(to) => onChange({ ...value, to })} />
        </>
      ) : null}
    </>
  );
}
