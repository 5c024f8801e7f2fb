import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodRef } from '@shared/workflow/case-summary';

export type ProcedureWords = {
  /** A procedure template's title in the interface language (`procedures.<id>.title`). */
  readonly title: (template: { readonly id: string; readonly title: string }) => string;
  /** A period's label (`procedures.<procedure>.periods.<period>`); the label the deadline stored when unknown. */
  readonly period: (ref: PeriodRef | undefined, stored: string) => string;
};

/**
 * Procedure names and deadline labels in the reader's language. The templates are written in English (their
 * legal sources are quoted as they are); the catalogs word each title and period, and a template or period they
 * do not know (a newer template) keeps its English label rather than showing a key.
 */
export function useProcedureWords(): ProcedureWords {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      title: (template) => t(`procedures.${template.id}.title`, { defaultValue: template.title }),
      period: (ref, stored) =>
        ref ? t(`procedures.${ref.procedureId}.periods.${ref.periodId}`, { defaultValue: stored }) : stored,
    }),
    [t],
  );
}
