import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseKind } from '@shared/domain/case-stage';
import { LANGUAGES, newAffectedPersonId } from '@shared/domain/primitives';
import { PROCEDURE_TEMPLATES, proceduresFor } from '@shared/procedures/procedure-registry';
import { retentionRuleFor } from '@shared/procedures/retention-guidance';
import { VOCABULARIES } from '@shared/vocab/vocabulary';
import { Field, SelectField } from '../../components/Field';
import { useTerms } from '../../components/useTerms';
import { useProcedureWords } from '../../components/useProcedureWords';
import { TEXT_LIMITS } from '@shared/domain/text-limits';
import {
  draftFieldId,
  isLanguage,
  STATEMENTS,
  withProcedure,
  type DraftField,
  type DraftFormState,
} from './draft-form-state';
import type { DraftProblems } from './useDraftProblems';
import { AdmissibilityFields } from './AdmissibilityFields';

type Props = {
  readonly kind: CaseKind;
  /** The case's local opening date (YYYY-MM-DD): it decides which templates are offered (Reg. 2025/2518). */
  readonly openedOn: string;
  readonly form: DraftFormState;
  readonly onChange: (form: DraftFormState) => void;
  /** What each field shows (`useDraftProblems`): nothing before the first save attempt. */
  readonly problems: DraftProblems;
};

/**
 * The draft's content, built from the domain's draft schema: subject, legal basis, data, people, and what the kind
 * is checked for (the threshold checklist of a request or measure, the admissibility of a complaint).
 */
export function DraftForm({ kind, openedOn, form, onChange, problems }: Props) {
  const { t } = useTranslation();
  const { term, options, language } = useTerms();
  const words = useProcedureWords();
  const id = useId();
  const set = <K extends keyof DraftFormState>(key: K, value: DraftFormState[K]) => onChange({ ...form, [key]: value });
  const jurisdictions = VOCABULARIES.jurisdictions.terms.map((j) => ({
    value: j.code,
    label: `${j.labels[language]} (${j.code})`,
  }));
  // The templates for this kind and opening date, plus the one already chosen (a case keeps its template).
  const offered = proceduresFor(kind, openedOn);
  const chosen = PROCEDURE_TEMPLATES.find((p) => p.id === form.procedureId && !offered.includes(p));
  const procedures = chosen ? [...offered, chosen] : offered;
  /** The id the error summary links to, and what the field shows. */
  const wired = (field: DraftField) => ({ id: draftFieldId(field), error: problems.text(problems.shown[field]) });
  const statementsDone = STATEMENTS.filter((s) => form[s].trim() !== '').length;

  return (
    <div className="draft-form">
      <fieldset className="form-group">
        <legend>{t('draft.subject')}</legend>
        <Field
          label={t('draft.title')}
          required
          value={form.title}
          onChange={(v) => set('title', v)}
          maxLength={TEXT_LIMITS.title}
          {...wired('title')}
        />
        <SelectField
          label={t('draft.procedure')}
          value={form.procedureId}
          onChange={(v) => onChange(withProcedure(form, kind, { kind, procedureId: v }))}
          options={procedures.map((p) => ({ value: p.id, label: words.title(p) }))}
          help={procedures.find((p) => p.id === form.procedureId)?.source}
          helpLang="en"
        />
        <SelectField
          label={t('draft.partner')}
          required={kind === 'data-access-request'}
          value={form.partnerJurisdiction}
          onChange={(v) => set('partnerJurisdiction', v)}
          options={[{ value: '', label: t('draft.choose') }, ...jurisdictions]}
        />
        <Field
          label={t('draft.platform')}
          help={t('draft.platformHelp')}
          value={form.platform}
          onChange={(v) => set('platform', v)}
          maxLength={TEXT_LIMITS.platform}
          {...wired('platform')}
        />
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('draft.basis')}</legend>
        <SelectField
          label={t('draft.legalBasis')}
          required
          value={form.legalBasisCode}
          onChange={(v) => set('legalBasisCode', v)}
          options={[{ value: '', label: t('draft.choose') }, ...options('legal-bases')]}
        />
        <Field
          label={t('draft.legalBasisText')}
          value={form.legalBasisText}
          onChange={(v) => set('legalBasisText', v)}
          maxLength={TEXT_LIMITS.legalBasisText}
          {...wired('legalBasisText')}
        />
        <Field
          label={t('draft.purpose')}
          required
          multiline
          value={form.purpose}
          onChange={(v) => set('purpose', v)}
          maxLength={TEXT_LIMITS.purpose}
          {...wired('purpose')}
        />
      </fieldset>

      {kind === 'data-access-request' ? (
        <fieldset className="form-group">
          <legend>{t('draft.data')}</legend>
          <div className="checkbox-grid" role="group" aria-labelledby={`${id}-categories`}>
            <span id={`${id}-categories`} className="field__label">
              {t('draft.dataCategories')} <span aria-hidden="true">*</span>
            </span>
            {VOCABULARIES['data-categories'].terms.map((category) => (
              <label key={category.code} className="choice">
                <input
                  type="checkbox"
                  checked={form.dataCategoryCodes.includes(category.code)}
                  onChange={(e) =>
                    set(
                      'dataCategoryCodes',
                      e.target.checked
                        ? [...form.dataCategoryCodes, category.code]
                        : form.dataCategoryCodes.filter((c) => c !== category.code),
                    )
                  }
                />
                {term('data-categories', category.code)}
                {category.sensitivity === 'sensitive' ? (
                  <span className="badge badge--warn">{t('draft.sensitive')}</span>
                ) : null}
              </label>
            ))}
          </div>
          <div className="field-row">
            <Field
              kind="date"
              label={t('draft.dataFrom')}
              value={form.dataFrom}
              onChange={(v) => set('dataFrom', v)}
              {...wired('dataFrom')}
            />
            <Field
              kind="date"
              label={t('draft.dataTo')}
              value={form.dataTo}
              onChange={(v) => set('dataTo', v)}
              {...wired('dataTo')}
            />
          </div>
        </fieldset>
      ) : null}

      <fieldset className="form-group">
        <legend>{t('draft.people')}</legend>
        <p className="field__help">{t('draft.peopleHelp')}</p>
        {form.people.map((person, index) => (
          <div key={person.id} className="person-row" role="group" aria-label={t('draft.person', { n: index + 1 })}>
            <Field
              label={t('draft.personName', { n: index + 1 })}
              required
              value={person.name}
              onChange={(v) =>
                set(
                  'people',
                  form.people.map((p) => (p.id === person.id ? { ...p, name: v } : p)),
                )
              }
              maxLength={TEXT_LIMITS.personName}
              {...wired(`person-${index}-name`)}
            />
            <Field
              label={t('draft.personContact', { n: index + 1 })}
              required
              value={person.contactForNotice}
              onChange={(v) =>
                set(
                  'people',
                  form.people.map((p) => (p.id === person.id ? { ...p, contactForNotice: v } : p)),
                )
              }
              maxLength={TEXT_LIMITS.personContact}
              {...wired(`person-${index}-contact`)}
            />
            <SelectField
              label={t('draft.personLanguage', { n: index + 1 })}
              value={person.preferredLanguage}
              onChange={(v) =>
                isLanguage(v) &&
                set(
                  'people',
                  form.people.map((p) => (p.id === person.id ? { ...p, preferredLanguage: v } : p)),
                )
              }
              options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            />
            <Button
              className="button button--quiet"
              onPress={() =>
                set(
                  'people',
                  form.people.filter((p) => p.id !== person.id),
                )
              }
            >
              {t('draft.removePerson', { n: index + 1 })}
            </Button>
          </div>
        ))}
        <Button
          className="button button--quiet"
          onPress={() =>
            set('people', [
              ...form.people,
              {
                id: newAffectedPersonId(),
                name: '',
                contactForNotice: '',
                preferredLanguage: 'en',
              },
            ])
          }
        >
          {t('draft.addPerson')}
        </Button>
      </fieldset>

      {kind === 'rights-complaint' ? (
        // A complaint asks for nothing to be taken from anyone: it is checked for admissibility, not proportionality.
        <AdmissibilityFields form={form} onChange={onChange} problems={problems} />
      ) : (
        <fieldset className="form-group threshold" aria-describedby={`${id}-threshold-help`}>
          <legend>
            {t('draft.threshold')}{' '}
            <span className="badge">
              {t('draft.thresholdDone', { done: statementsDone, total: STATEMENTS.length })}
            </span>
          </legend>
          <p id={`${id}-threshold-help`} className="field__help">
            {t('draft.thresholdHelp')}
          </p>
          <ul className="checklist" aria-label={t('draft.thresholdChecklist')}>
            {STATEMENTS.map((s) => (
              <li key={s} className={form[s].trim() ? 'checklist__item checklist__item--done' : 'checklist__item'}>
                <span aria-hidden="true">{form[s].trim() ? '✓' : '○'}</span> {t(`draft.statement.${s}`)}
                <span className="visually-hidden">{form[s].trim() ? t('draft.complete') : t('draft.missing')}</span>
              </li>
            ))}
          </ul>
          {STATEMENTS.map((s) => (
            <Field
              key={s}
              label={t(`draft.statementLabel.${s}`)}
              required
              multiline
              value={form[s]}
              onChange={(v) => set(s, v)}
              help={t(`draft.statementHelp.${s}`)}
              maxLength={TEXT_LIMITS.statement}
              {...wired(s)}
            />
          ))}
        </fieldset>
      )}

      <fieldset className="form-group">
        <legend>{t('draft.emergencyAndRetention')}</legend>
        <label className="choice">
          <input type="checkbox" checked={form.emergency} onChange={(e) => set('emergency', e.target.checked)} />
          {t('draft.emergency')}
        </label>
        {form.emergency ? (
          <>
            <Field
              label={t('draft.emergencyJustification')}
              required
              multiline
              value={form.emergencyJustification}
              onChange={(v) => set('emergencyJustification', v)}
              maxLength={TEXT_LIMITS.emergencyJustification}
              {...wired('emergencyJustification')}
            />
            <Field
              kind="date"
              label={t('draft.emergencySunset')}
              required
              value={form.emergencySunset}
              onChange={(v) => set('emergencySunset', v)}
              {...wired('emergencySunset')}
              help={t('draft.sunsetHelp')}
            />
          </>
        ) : null}
        <Field
          kind="date"
          label={t('draft.purgeAt')}
          required
          value={form.purgeAt}
          onChange={(v) => set('purgeAt', v)}
          {...wired('purgeAt')}
          help={`${t('draft.purgeHelp')} ${t(`retention.guidance.${retentionRuleFor(form.procedureId)}`)}`}
        />
        <Field
          label={t('draft.retentionBasis')}
          value={form.retentionBasis}
          onChange={(v) => set('retentionBasis', v)}
          maxLength={TEXT_LIMITS.retentionBasis}
          {...wired('retentionBasis')}
        />
      </fieldset>
    </div>
  );
}
