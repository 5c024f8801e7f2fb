import { useCallback, useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { coSignerRoleFor } from '@shared/people/person-roles';
import type { Actor } from '@shared/domain/actor';
import { useCases } from '../../cases/CasesProvider';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { KdfProgress } from '../vault/KdfProgress';
import { vaultErrorMessage } from '../vault/vault-error-message';

type Props = {
  /** What the second person confirms, in words ("Authorise the case"). */
  readonly actionLabel: string;
  /** Runs the act as the second person once their passphrase checked out. */
  readonly onConfirmed: (secondPerson: Actor) => Promise<void>;
  readonly onCancel: () => void;
};

/**
 * The second-person rule between people: another caseworker or an authoriser, at this laptop now, confirms with
 * their own passphrase. The signed-in person's session stays open; the act is recorded as the second person's, and
 * signed with their key.
 */
export function CoSignPanel({ actionLabel, onConfirmed, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { people, person: me, coSign, reloadPeople } = useCases();
  const candidates = people.filter((p) => p.removedAt === null && p.id !== me?.id && coSignerRoleFor(p.roles) !== null);
  const [picked, setChosen] = useState<string | null>(null);
  const chosen = picked ?? candidates[0]?.id ?? null;
  // Who may confirm is read afresh: people and roles may have changed since this screen opened.
  useAsyncEffect(useCallback(async () => reloadPeople(), [reloadPeople]));
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const second = candidates.find((p) => p.id === chosen);
    if (!second || passphrase === '' || busy) return;
    setBusy(true);
    setError(null);
    // The act runs while the second person's key is lent to the keyring: its audit event is signed by them.
    const confirmed = await coSign(second.id, passphrase, () =>
      onConfirmed({ id: second.id, role: coSignerRoleFor(second.roles) ?? 'none' }),
    );
    setPassphrase('');
    setBusy(false);
    if (!confirmed.ok) setError(vaultErrorMessage(t, confirmed.error));
  };

  return (
    <form className="cosign" role="group" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h4 id={`${id}-title`}>{t('cosign.heading')}</h4>
      <p className="field__help">{t('cosign.intro', { action: actionLabel })}</p>
      {candidates.length === 0 ? (
        <p role="alert" className="error">
          {t('cosign.nobody')}
        </p>
      ) : (
        <>
          <fieldset className="field field--choices">
            <legend>{t('cosign.who')}</legend>
            {candidates.map((p) => (
              <label key={p.id} className="choice">
                <input
                  type="radio"
                  name={`${id}-who`}
                  checked={chosen === p.id}
                  disabled={busy}
                  onChange={() => setChosen(p.id)}
                />
                {p.name}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-pass`}>{t('cosign.passphrase')}</label>
            <input
              id={`${id}-pass`}
              type="password"
              autoComplete="off"
              value={passphrase}
              disabled={busy}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </div>
        </>
      )}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {busy ? <KdfProgress label={t('cosign.checking')} /> : null}
      <div className="form-actions">
        {candidates.length > 0 ? (
          <Button type="submit" className="button" isDisabled={busy || passphrase === ''}>
            {t('cosign.confirm', { action: actionLabel })}
          </Button>
        ) : null}
        <Button className="button button--quiet" onPress={onCancel} isDisabled={busy}>
          {t('cosign.cancel')}
        </Button>
      </div>
    </form>
  );
}
