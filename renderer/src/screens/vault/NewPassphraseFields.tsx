import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_STRENGTH_SCORE, usePassphraseStrength } from './usePassphraseStrength';

type Props = {
  readonly passphrase: string;
  readonly repeat: string;
  readonly onPassphrase: (value: string) => void;
  readonly onRepeat: (value: string) => void;
  readonly labels?: { readonly passphrase: string; readonly repeat: string };
  readonly disabled?: boolean;
};

/** A new passphrase, typed twice, with live strength feedback. */
export function NewPassphraseFields({ passphrase, repeat, onPassphrase, onRepeat, labels, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const strength = usePassphraseStrength(passphrase);
  const mismatch = repeat !== '' && repeat !== passphrase;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-p`}>{labels?.passphrase ?? t('vault.passphrase')}</label>
        <input
          id={`${id}-p`}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          disabled={disabled}
          aria-describedby={`${id}-strength`}
          onChange={(e) => onPassphrase(e.target.value)}
        />
        <div id={`${id}-strength`} className="strength" aria-live="polite">
          {passphrase === '' ? null : strength === null ? (
            t('vault.strength.checking')
          ) : (
            <>
              <meter
                className="strength__meter"
                min={0}
                max={4}
                low={2}
                high={3}
                optimum={4}
                value={strength.score}
                aria-label={t('vault.strength.label')}
              />
              <span className="strength__label" data-testid="strength-label">
                {t(`vault.strength.${strength.score}`)}
              </span>
              {strength.score < MIN_STRENGTH_SCORE ? (
                <span className="strength__hint">{t('vault.strength.tooWeak')}</span>
              ) : null}
              {strength.warning ? <span className="strength__hint">{strength.warning}</span> : null}
              {strength.score < MIN_STRENGTH_SCORE
                ? strength.suggestions.map((s) => (
                    <span key={s} className="strength__hint">
                      {s}
                    </span>
                  ))
                : null}
            </>
          )}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-r`}>{labels?.repeat ?? t('vault.repeatPassphrase')}</label>
        <input
          id={`${id}-r`}
          type="password"
          autoComplete="new-password"
          value={repeat}
          disabled={disabled}
          aria-invalid={mismatch}
          aria-describedby={mismatch ? `${id}-mismatch` : undefined}
          onChange={(e) => onRepeat(e.target.value)}
        />
        {mismatch ? (
          <span id={`${id}-mismatch`} className="field__error">
            {t('vault.mismatch')}
          </span>
        ) : null}
      </div>
    </>
  );
}

/** True when the pair may be used: equal, and strong enough by the estimator. */
export function useNewPassphraseReady(passphrase: string, repeat: string): boolean {
  const strength = usePassphraseStrength(passphrase);
  return passphrase !== '' && passphrase === repeat && strength !== null && strength.score >= MIN_STRENGTH_SCORE;
}
