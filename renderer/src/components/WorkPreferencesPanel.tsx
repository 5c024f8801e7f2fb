import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_ROLES } from '@shared/people/person-roles';
import { useCases } from '../cases/CasesProvider';
import { setUiLanguage, supportedLanguages } from '../i18n/i18n';
import { SelectField } from './Field';

/** Settings for the work itself: interface language, the roles granted to you, and the office's authorisation rule. */
export function WorkPreferencesPanel() {
  const { t, i18n } = useTranslation();
  const { person, settings, saveSettings } = useCases();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const report = (error: string | null) =>
    setStatus(error === null ? { ok: true, message: t('work.saved') } : { ok: false, message: error });
  return (
    <section aria-labelledby="work-settings-title" className="vault-settings">
      <h2 id="work-settings-title">{t('work.heading')}</h2>
      <SelectField
        label={t('work.language')}
        value={i18n.language.slice(0, 2)}
        onChange={(v) => {
          const language = supportedLanguages.find((l) => l === v);
          if (language) void setUiLanguage(language).then(() => setStatus(null));
        }}
        options={supportedLanguages.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      />
      {person ? (
        <div className="field" data-testid="my-roles">
          <p>
            <strong>{t('work.yourRoles')}</strong>{' '}
            {person.roles.length > 0
              ? PERSON_ROLES.filter((role) => person.roles.includes(role))
                  .map((role) => t(`people.roles.${role}`))
                  .join(', ')
              : t('work.noRoles')}
          </p>
          <p className="field__help">{t('work.rolesHelp')}</p>
        </div>
      ) : null}
      <label className="choice">
        <input
          type="checkbox"
          checked={settings.requireSecondPersonAuthorisation}
          // An office rule, not a personal preference: only an administrator changes it.
          disabled={!person?.roles.includes('administrator')}
          onChange={(e) =>
            void saveSettings({ ...settings, requireSecondPersonAuthorisation: e.target.checked }).then(report)
          }
        />
        {t('work.secondPerson')}
      </label>
      {person?.roles.includes('administrator') ? null : (
        <p className="field__help">{t('work.secondPersonAdminOnly')}</p>
      )}
      <p role="status" className={status?.ok === false ? 'error' : 'field__help'}>
        {status?.message ?? ''}
      </p>
    </section>
  );
}
