import type { TFunction } from 'i18next';
import type { Language } from '@shared/domain/primitives';
import { LANGUAGES } from '@shared/domain/primitives';
import { termLabel } from '@shared/vocab/vocabulary';
import type { ReportLabels } from '@shared/reports/report-csv';
import { TABLE_KEYS } from '@shared/reports/transparency-report';

/** Labels for a report in the UI language: vocabulary codes from the vocabularies, report words from the catalog. */
export function reportLabels(t: TFunction, uiLanguage: string): ReportLabels {
  const language: Language = (LANGUAGES as readonly string[]).includes(uiLanguage) ? (uiLanguage as Language) : 'en';
  return {
    table: (id) => t(`reports.tables.${id}`),
    key: (table, key) => {
      const source = TABLE_KEYS[table];
      if (source !== 'report' && key !== 'unknown' && key !== 'other') return termLabel(source, key, language);
      return t(`reports.keys.${key}`, { defaultValue: key });
    },
    span: (id) => t(`reports.spans.${id}`),
    publication: (kind) => (kind === 'internal' ? t('reports.internalMark') : t('reports.publicMark')),
  };
}
