import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSecret } from '@shared/backup/backup-keys';

export type SecretDraft = { readonly kind: BackupSecret['kind']; readonly text: string };

export function toSecret(draft: SecretDraft): BackupSecret {
  return draft.kind === 'passphrase'
    ? { kind: 'passphrase', passphrase: draft.text }
    : { kind: 'recovery-key', recoveryKey: draft.text };
}

const kinds: readonly BackupSecret['kind'][] = ['passphrase', 'recovery-key'];

type Props = {
  readonly value: SecretDraft;
  readonly onChange: (value: SecretDraft) => void;
  readonly disabled?: boolean;
};

/** What opens a backup: a passphrase of someone who had access when it was made, or the office's recovery key. */
export function BackupSecretFields({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field" disabled={disabled}>
      <legend>{t('backup.secret.legend')}</legend>
      {kinds.map((kind) => (
        <label className="choice" key={kind}>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={value.kind === kind}
            onChange={() => onChange({ kind, text: '' })}
          />
          {t(kind === 'passphrase' ? 'backup.secret.passphrase' : 'backup.secret.recoveryKey')}
        </label>
      ))}
      <label htmlFor={`${id}-text`}>
        {value.kind === 'passphrase' ? t('backup.secret.passphraseLabel') : t('backup.secret.recoveryKeyLabel')}
      </label>
      <input
        id={`${id}-text`}
        type={value.kind === 'passphrase' ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        value={value.text}
        onChange={(event) => onChange({ ...value, text: event.target.value })}
      />
    </fieldset>
  );
}
