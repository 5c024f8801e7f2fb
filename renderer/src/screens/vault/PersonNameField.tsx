import { useId } from 'react';
import { PERSON_NAME_MAX } from './person-name';

type Props = {
  readonly label: string;
  readonly help?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly disabled?: boolean;
  /** `name` when people type their own name; `off` when an administrator types someone else's. */
  readonly autoComplete?: 'name' | 'off';
};

/** A person's name, as the lock screen and the audit trail will show it. */
export function PersonNameField({ label, help, value, onChange, disabled, autoComplete = 'name' }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        autoComplete={autoComplete}
        value={value}
        maxLength={PERSON_NAME_MAX}
        disabled={disabled}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {help ? (
        <span id={`${id}-help`} className="field__help">
          {help}
        </span>
      ) : null}
    </div>
  );
}
