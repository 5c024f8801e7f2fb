import { useId, useMemo, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PersonRole } from '@shared/people/person-roles';
import { OFFICE_PROFILE_ID } from '../../vault/records/office-profile';
import { officeCode, REFERENCE_CODE_PATTERN } from '../../cases/office-code';
import type { VaultService } from '../../vault/vault-service';
import { jurisdictionOptions } from './jurisdiction-options';
import { vaultErrorMessage } from './vault-error-message';

type Props = { readonly vault: VaultService; readonly onSaved: () => void };

/** The case work the first person of a new installation does; later people get roles from an administrator. */
const workChoices = {
  caseworker: ['caseworker'],
  'redress-officer': ['redress-officer'],
  both: ['caseworker', 'redress-officer'],
} as const satisfies Record<string, readonly PersonRole[]>;
type WorkChoice = keyof typeof workChoices;
const workChoiceIds = Object.keys(workChoices) as WorkChoice[];

/** Who this installation works for: office name, jurisdiction (controlled vocabulary) and role. */
export function OfficeProfileForm({ vault, onSaved }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const jurisdictions = useMemo(() => jurisdictionOptions(), []);
  const [officeName, setOfficeName] = useState('');
  const [jurisdiction, setJurisdiction] = useState('');
  const [role, setRole] = useState<WorkChoice | null>(null);
  // An office works cases; an oversight body's desk receives offices' reports (issue #19, docs/oversight.md).
  const [installation, setInstallation] = useState<'office' | 'oversight'>('office');
  const desk = installation === 'oversight';
  // The reference code follows the office name's initials until the person types one of their own.
  const [ownCode, setOwnCode] = useState<string | null>(null);
  const code = ownCode ?? officeCode(officeName.trim() || 'Office');
  const codeValid = REFERENCE_CODE_PATTERN.test(code);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (officeName.trim() === '' || jurisdiction === '' || (role === null && !desk)) {
      setError(t('vault.firstRun.profileIncomplete'));
      return;
    }
    if (!codeValid) {
      setError(t('vault.firstRun.referenceCodeInvalid'));
      return;
    }
    setSaving(true);
    const saved = await vault.saveProfile({
      id: OFFICE_PROFILE_ID,
      officeName: officeName.trim(),
      jurisdiction,
      createdAt: new Date(),
      referenceCode: code,
      installation,
    });
    // A desk works no cases: its first person is recorded with the caseworker's (least) role.
    const roles = saved.ok
      ? await vault.people.setUpOwnWorkingRoles(role === null ? workChoices.caseworker : workChoices[role])
      : saved;
    setSaving(false);
    // With other people on record, roles come from an administrator; the profile itself is saved.
    if (roles.ok || roles.error.code === 'own-roles') onSaved();
    else setError(vaultErrorMessage(t, roles.error));
  };

  return (
    <form className="vault-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="field field--choices">
        <legend>{t('vault.firstRun.installation')}</legend>
        {(['office', 'oversight'] as const).map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name={`${id}-installation`}
              value={kind}
              checked={installation === kind}
              onChange={() => setInstallation(kind)}
            />
            {t(`vault.firstRun.installations.${kind}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('vault.firstRun.officeName')}</label>
        <input
          id={`${id}-name`}
          value={officeName}
          maxLength={200}
          aria-describedby={`${id}-name-help`}
          onChange={(e) => setOfficeName(e.target.value)}
        />
        <span id={`${id}-name-help`} className="field__help">
          {t('vault.firstRun.officeNameHelp')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-j`}>{t('vault.firstRun.jurisdiction')}</label>
        <select id={`${id}-j`} value={jurisdiction} onChange={(e) => setJurisdiction(e.target.value)}>
          <option value="">{t('vault.firstRun.chooseJurisdiction')}</option>
          {jurisdictions.map((j) => (
            <option key={j.code} value={j.code}>
              {j.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('vault.firstRun.referenceCode')}</label>
        <input
          id={`${id}-code`}
          value={code}
          maxLength={8}
          aria-invalid={codeValid ? undefined : true}
          aria-describedby={`${id}-code-help`}
          onChange={(e) => setOwnCode(e.target.value.toUpperCase().replace(/\s+/g, ''))}
        />
        <span id={`${id}-code-help`} className="field__help">
          {t('vault.firstRun.referenceCodeHelp', {
            example: `${jurisdiction || 'XX'}-${codeValid ? code : 'ABC'}-${new Date().getFullYear()}-0001`,
          })}
        </span>
      </div>
      {desk ? null : (
        <fieldset className="field field--choices">
          <legend>{t('vault.firstRun.role')}</legend>
          {workChoiceIds.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name={`${id}-role`} value={r} checked={role === r} onChange={() => setRole(r)} />
              {t(`vault.firstRun.roles.${r}`)}
            </label>
          ))}
        </fieldset>
      )}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="button" isDisabled={saving}>
        {t('vault.firstRun.saveProfile')}
      </Button>
    </form>
  );
}
