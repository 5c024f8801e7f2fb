import { useId, type ReactNode } from 'react';

type Common = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | null;
  readonly help?: string;
  readonly required?: boolean;
};

type Props = Common &
  (
    | { readonly kind?: 'text' | 'date' | 'datetime-local' | 'search'; readonly multiline?: false }
    | { readonly kind?: never; readonly multiline: true; readonly rows?: number }
  );

/** A labelled text input or text area with its help text and inline validation message wired for screen readers. */
export function Field(props: Props) {
  const id = useId();
  const describedBy =
    [props.help ? `${id}-help` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
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
      {props.error ? (
        <span id={`${id}-error`} className="field__error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

type SelectProps = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly error?: string | null;
  readonly help?: string;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly children?: ReactNode;
};

export function SelectField(props: SelectProps) {
  const id = useId();
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
        <span id={`${id}-help`} className="field__help">
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
