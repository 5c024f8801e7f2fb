import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionsOf } from '@shared/deadlines/holiday-calendar';
import { termLabel, VOCABULARIES } from '@shared/vocab/vocabulary';
import { useCases } from '../cases/CasesProvider';
import { useLocaleFormat } from './useLocaleFormat';
import { SelectField } from './Field';

const NATIONAL = '';

/**
 * Which region's public holidays count, per State: the office's own and any partner's. Deadlines started from now
 * on use the choice; a running deadline keeps the calendar it started with. Only an administrator changes it.
 */
export function HolidayRegionsPanel() {
  const { t } = useTranslation();
  const { language } = useLocaleFormat();
  const { person, profile, settings, saveSettings } = useCases();
  const [adding, setAdding] = useState(NATIONAL);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const isAdministrator = person?.roles.includes('administrator') ?? false;
  const own = profile?.jurisdiction ?? null;
  const shown = [
    ...new Set([...(own ? [own] : []), ...Object.keys(settings.holidayRegions), ...(adding ? [adding] : [])]),
  ];
  const withRegions = VOCABULARIES.jurisdictions.terms
    .map((term) => term.code)
    .filter((code) => Object.keys(regionsOf(code)).length > 0 && !shown.includes(code));
  const choose = (jurisdiction: string, region: string) => {
    const others = Object.entries(settings.holidayRegions).filter(([code]) => code !== jurisdiction);
    const next = Object.fromEntries(region === NATIONAL ? others : [...others, [jurisdiction, region]]);
    void saveSettings({ ...settings, holidayRegions: next }).then((error) => {
      setStatus(error === null ? { ok: true, message: t('work.saved') } : { ok: false, message: error });
      if (error === null && jurisdiction === adding) setAdding(NATIONAL);
    });
  };
  return (
    <section aria-labelledby="holiday-regions-title" className="vault-settings" data-testid="holiday-regions">
      <h2 id="holiday-regions-title">{t('holidayRegions.heading')}</h2>
      <p className="field__help">{t('holidayRegions.help')}</p>
      {shown.map((jurisdiction) => {
        const regions = regionsOf(jurisdiction);
        if (Object.keys(regions).length === 0) return null;
        return (
          <SelectField
            key={jurisdiction}
            label={t('holidayRegions.regionFor', { state: termLabel('jurisdictions', jurisdiction, language) })}
            value={settings.holidayRegions[jurisdiction] ?? NATIONAL}
            disabled={!isAdministrator}
            onChange={(region) => choose(jurisdiction, region)}
            options={[
              { value: NATIONAL, label: t('holidayRegions.national') },
              ...Object.entries(regions)
                .map(([code, name]) => ({ value: code, label: `${name} (${jurisdiction}-${code})` }))
                .sort((a, b) => a.label.localeCompare(b.label)),
            ]}
          />
        );
      })}
      {isAdministrator ? (
        <SelectField
          label={t('holidayRegions.addState')}
          value={adding}
          onChange={setAdding}
          options={[
            { value: NATIONAL, label: t('holidayRegions.chooseState') },
            ...withRegions
              .map((code) => ({ value: code, label: termLabel('jurisdictions', code, language) }))
              .sort((a, b) => a.label.localeCompare(b.label)),
          ]}
        />
      ) : (
        <p className="field__help">{t('holidayRegions.adminOnly')}</p>
      )}
      <p role="status" className={status?.ok === false ? 'error' : 'field__help'}>
        {status?.message ?? ''}
      </p>
    </section>
  );
}
