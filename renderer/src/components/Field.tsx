import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Common = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | null;
  readonly help?: string;
  readonly required?: boolean;
  /** A stable id, where an error summary links to the field; a generated one otherwise. */
  readonly id?: string;
  /** The most characters the value may have: a counter shows how many are used, and how many too many. */
  readonly maxLength?: number;
};

type Props = Common &
  (
    | { readonly kind?: 'text' | 'date' | 'datetime-local' | 'search'; readonly multiline?: false }
    | { readonly kind?: never; readonly multiline: true; readonly rows?: number }
  );

/** A labelled text input or text area with its help text and inline validation message wired for screen readers. */
export function Field(props: Props) {
  const { t, i18n } = useTranslation();
  const generated = useId();
  const id = props.id ?? generated;
  const limit = props.maxLength;
  const describedBy =
    [props.help ? `${id}-help` : null, limit ? `${id}-count` : null, props.error ? `${id}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  const shared = {
    id,
    value: props.value,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': props.required || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.multiline ? (
        <textarea {...shared} rows={props.rows ?? 3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...shared} type={props.kind ?? 'text'} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.help ? (
        <span id={`${id}-help`} className="field__help">
          {props.help}
        </span>
      ) : null}
      {limit ? (
        // Not a live region: a count read out at every keystroke would drown what the user types.
        <span
          id={`${id}-count`}
          className={props.value.length > limit ? 'field__count field__count--over' : 'field__count'}
        >
          {props.value.length > limit
            ? t('field.over', { count: props.value.length - limit, limit: formatCount(i18n.language, limit) })
            : t('field.count', {
                used: formatCount(i18n.language, props.value.length),
                limit: formatCount(i18n.language, limit),
              })}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${id}-error`} className="field__error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

const formatCount = (language: string, value: number) => new Intl.NumberFormat(language).format(value);

type SelectProps = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly error?: string | null;
  readonly help?: string;
  /** The help's language when it is not the interface's (a legal source quoted from the English text: `'en'`). */
  readonly helpLang?: string;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly children?: ReactNode;
  readonly id?: string;
};

export function SelectField(props: SelectProps) {
  const generated = useId();
  const id = props.id ?? generated;
  const describedBy =
    [props.help ? `${id}-help` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.help ? (
        <span id={`${id}-help`} className="field__help" lang={props.helpLang}>
          {props.help}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${id}-error`} className="field__error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
