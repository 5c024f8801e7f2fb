import { useCallback, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, type CaseKind } from '@shared/domain/case-stage';
import { openedOnDate, PROCEDURE_TEMPLATES } from '@shared/procedures/procedure-registry';
import { findJurisdiction } from '@shared/vocab/vocabulary';
import { useCases } from '../../cases/CasesProvider';
import { Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import type { ShownMessage } from '../../components/useWorkflowMessage';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useTerms } from '../../components/useTerms';
import { DraftForm } from '../case/DraftForm';
import {
  draftFieldId,
  draftFormStateSchema,
  emptyDraftForm,
  isUntouchedDraftForm,
  withProcedure,
  isLanguage,
  type DraftFormState,
} from '../case/draft-form-state';
import { useKeptDraft } from '../../components/useKeptDraft';
import { KeptDraftBanner } from '../../components/KeptDraftBanner';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TEXT_LIMITS } from '@shared/domain/text-limits';
import { useDraftProblems } from '../case/useDraftProblems';
import type { OpenRoute } from './case-route';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { referenceCodeOf } from '../../cases/case-repository';

/** The template a new case of each kind starts with (the user can pick another). */
const DEFAULT_TEMPLATE: Record<CaseKind, string> = {
  'data-access-request': 'gdpr-art61-mutual-assistance',
  'enforcement-action': 'generic-notice-challenge-decision',
  'rights-complaint': 'generic-notice-challenge-decision',
};

const newCaseDraftSchema = z.strictObject({
  kind: z.enum(CASE_KINDS),
  reference: z.string(),
  form: draftFormStateSchema,
});

/** A new case: kind first (data-access request preselected), then the draft form. Saving creates a draft. */
export function NewCaseScreen({ onOpen }: { readonly onOpen: OpenRoute }) {
  const { t, i18n } = useTranslation();
  const { repository, profile, actor } = useCases();
  const { kind: kindLabel } = useTerms();
  const [kind, setKind] = useState<CaseKind>('data-access-request');
  const [reference, setReference] = useState('');
  const [form, setForm] = useState<DraftFormState>(() =>
    emptyDraftForm(DEFAULT_TEMPLATE['data-access-request'], 'data-access-request'),
  );
  const [attempt, setAttempt] = useState(0);
  const submitted = attempt > 0;
  const [messages, setMessages] = useState<readonly ShownMessage[]>([]);
  const [busy, setBusy] = useState(false);

  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const year = new Date().getFullYear();
        const next = await repository.nextReference(profile?.jurisdiction ?? 'XX', referenceCodeOf(profile), year);
        if (alive()) setReference((r) => r || next);
      },
      [repository, profile],
    ),
  );

  // A new case typed but not yet saved survives a lock: kept as an encrypted draft, offered back here after unlock.
  const dirty = !isUntouchedDraftForm(form, kind);
  const kept = useKeptDraft('new-case', { kind, reference, form }, dirty, newCaseDraftSchema, (value) => {
    setKind(value.kind);
    setReference(value.reference);
    setForm(value.form);
  });

  const chooseKind = (next: CaseKind) => {
    setKind(next);
    const template = PROCEDURE_TEMPLATES.find((p) => p.id === form.procedureId);
    const procedureId = template?.appliesTo.includes(next) ? form.procedureId : DEFAULT_TEMPLATE[next];
    setForm(withProcedure(form, kind, { kind: next, procedureId }));
  };

  const problems = useDraftProblems(form, kind, submitted);
  const referenceError =
    reference.trim() === ''
      ? t('draft.errors.referenceEmpty')
      : reference.length > TEXT_LIMITS.reference
        ? t('draft.errors.too-long', { limit: TEXT_LIMITS.reference })
        : null;
  const summary = [
    ...(submitted && referenceError
      ? [{ fieldId: draftFieldId('reference'), text: `${t('newCase.reference')}: ${referenceError}` }]
      : []),
    ...problems.summary,
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setMessages([]);
    const { changes } = problems;
    if (referenceError !== null || problems.blocked || changes === null || busy) return;
    setBusy(true);
    const writingLanguage = i18n.language.slice(0, 2);
    const created = await repository.createCase(
      {
        reference: reference.trim(),
        kind,
        title: form.title,
        originatingJurisdiction: profile?.jurisdiction ?? 'DE',
        procedure: changes.procedure,
        // Free text is written in the interface language; notices in another language mark it until translated.
        textLanguage: isLanguage(writingLanguage) ? writingLanguage : 'en',
        changes,
      },
      actor,
    );
    setBusy(false);
    if (created.ok) {
      kept.settle();
      onOpen({ view: 'case', caseId: created.case.id, step: 'draft' });
    } else setMessages(created.messages);
  };

  return (
    <section aria-labelledby="screen-title" className="new-case">
      <ScreenHeading>{t('newCase.title')}</ScreenHeading>
      <p className="lead">{t('newCase.lead')}</p>
      <KeptDraftBanner draft={kept} />
      <ErrorSummary problems={summary} attempt={attempt} />
      <form onSubmit={(e) => void submit(e)} noValidate className={submitted ? 'form form--submitted' : 'form'}>
        <fieldset className="form-group">
          <legend>{t('newCase.kind')}</legend>
          {CASE_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="case-kind" value={k} checked={kind === k} onChange={() => chooseKind(k)} />
              {kindLabel(k)}
            </label>
          ))}
          <Field
            label={t('newCase.reference')}
            id={draftFieldId('reference')}
            required
            value={reference}
            onChange={setReference}
            maxLength={TEXT_LIMITS.reference}
            help={t('newCase.referenceHelp')}
            error={submitted ? referenceError : null}
          />
        </fieldset>
        <DraftForm
          kind={kind}
          openedOn={openedOnDate(
            new Date().toISOString(),
            findJurisdiction(profile?.jurisdiction ?? 'DE')?.timeZone ?? 'UTC',
          )}
          form={form}
          onChange={setForm}
          problems={problems}
        />
        <MessageList title={t('newCase.notSaved')} messages={messages} />
        <div className="form-actions">
          <Button type="submit" className="button" isDisabled={busy}>
            {t('newCase.save')}
          </Button>
          <Button className="button button--quiet" onPress={() => onOpen({ view: 'list' })}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
