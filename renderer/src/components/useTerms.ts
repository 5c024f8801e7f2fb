import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseKind, CaseStage } from '@shared/domain/case-stage';
import { termLabel, VOCABULARIES, type VocabularyName } from '@shared/vocab/vocabulary';
import { useLocaleFormat } from './useLocaleFormat';

/** Labels for stages, kinds and vocabulary terms in the UI language (vocabulary labels come from the data files). */
export function useTerms() {
  const { t } = useTranslation();
  const { language } = useLocaleFormat();
  const stage = useCallback((s: CaseStage) => t(`caseTerms.stage.${s}`), [t]);
  const kind = useCallback((k: CaseKind) => t(`caseTerms.kind.${k}`), [t]);
  const term = useCallback(
    (vocabulary: VocabularyName, code: string) => termLabel(vocabulary, code, language),
    [language],
  );
  const options = useCallback(
    (vocabulary: VocabularyName) =>
      VOCABULARIES[vocabulary].terms.map((entry: { code: string; labels: Record<string, string> }) => ({
        value: entry.code,
        label: entry.labels[language] ?? entry.code,
      })),
    [language],
  );
  return { stage, kind, term, options, language };
}
