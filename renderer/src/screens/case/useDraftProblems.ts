import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DraftChanges } from '@shared/workflow/workflow-action';
import type { CaseKind } from '@shared/domain/case-stage';
import type { SummaryProblem } from '../../components/ErrorSummary';
import { toDateInputValue, useLocaleFormat } from '../../components/useLocaleFormat';
import {
  draftChangesFromForm,
  draftFieldId,
  draftFieldOrder,
  draftFormMissing,
  type DraftField,
  type DraftFormState,
  type FieldProblem,
  type FormErrors,
} from './draft-form-state';

export type DraftProblems = {
  /** The changes to save, or null while something on the form stops it. */
  readonly changes: DraftChanges | null;
  /** Whether saving must wait: a problem, or a title or a person's name or contact still missing. */
  readonly blocked: boolean;
  /** What each field shows: nothing before the first attempt; then its problem, or that it is still missing. */
  readonly shown: FormErrors;
  /** The same, for the error summary, in form order with each field's name. */
  readonly summary: readonly SummaryProblem[];
  /** A problem's words under its field. */
  readonly text: (problem: FieldProblem | undefined) => string | null;
};

/** The draft form's problems for `form` of a case of `kind` as of today, shown once `attempted` (a save was tried). */
export function useDraftProblems(form: DraftFormState, kind: CaseKind, attempted: boolean): DraftProblems {
  const { t } = useTranslation();
  const { number } = useLocaleFormat();
  // The local day the form opened on: a form left open past midnight keeps its first day (a re-open refreshes it).
  const [today] = useState(() => toDateInputValue(Date.now()));
  const { changes, errors } = draftChangesFromForm(form, kind, today);
  const text = (problem: FieldProblem | undefined) =>
    problem ? t(`draft.errors.${problem.code}`, { limit: number(problem.limit ?? 0) }) : null;
  const missing = draftFormMissing(form);
  const blocked = changes === null || Object.keys(missing).length > 0;
  if (!attempted) return { changes, blocked, shown: {}, summary: [], text };
  const shown: FormErrors = {};
  const summary: SummaryProblem[] = [];
  for (const field of draftFieldOrder(form, kind)) {
    const problem = errors[field] ?? missing[field];
    if (!problem) continue;
    shown[field] = problem;
    summary.push({ fieldId: draftFieldId(field), text: `${draftFieldLabel(t, field)}: ${text(problem) ?? ''}` });
  }
  return { changes, blocked, shown, summary, text };
}

/** The label a field carries on the form, for the error summary. */
export function draftFieldLabel(t: TFunction, field: DraftField): string {
  const person = /^person-(\d+)-(name|contact)$/.exec(field);
  if (person) return t(person[2] === 'name' ? 'draft.personName' : 'draft.personContact', { n: Number(person[1]) + 1 });
  switch (field) {
    case 'necessity':
    case 'proportionality':
    case 'nonDiscrimination':
    case 'minimisation':
      return t(`draft.statementLabel.${field}`);
    case 'admissibilityReasons':
      return t('admissibility.reasons');
    default:
      return t(`draft.${field}`);
  }
}
