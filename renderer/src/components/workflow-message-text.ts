import type { Language } from '@shared/domain/primitives';
import { termLabel, type VocabularyName } from '@shared/vocab/vocabulary';
import type { WorkflowMessage, WorkflowMessageParamName } from '@shared/workflow/workflow-message';

/** How the UI shows each parameter: a catalog key prefix, a vocabulary, a date, or the value as written. */
type ParamDisplay =
  | { readonly as: 'text' }
  | { readonly as: 'date' }
  | { readonly as: 'catalog'; readonly prefix: string }
  | { readonly as: 'vocabulary'; readonly vocabulary: VocabularyName };

const TEXT: ParamDisplay = { as: 'text' };
const RUNG: ParamDisplay = { as: 'catalog', prefix: 'workflowMessages.params.rung' };

/** One entry per parameter name the workflow uses, so a new name is a compile error until it is placed here. */
const PARAM_DISPLAY: Record<WorkflowMessageParamName, ParamDisplay> = {
  action: { as: 'catalog', prefix: 'workflowMessages.params.action' },
  stage: { as: 'catalog', prefix: 'caseTerms.stage' },
  stages: { as: 'catalog', prefix: 'caseTerms.stage' },
  kind: { as: 'catalog', prefix: 'caseTerms.kind' },
  side: { as: 'catalog', prefix: 'caseTerms.side' },
  statement: { as: 'catalog', prefix: 'draft.statement' },
  question: { as: 'catalog', prefix: 'admissibility.question' },
  rung: RUNG,
  below: RUNG,
  lapse: { as: 'catalog', prefix: 'workflowMessages.params.lapse' },
  language: { as: 'catalog', prefix: 'languages' },
  legalBasis: { as: 'vocabulary', vocabulary: 'legal-bases' },
  category: { as: 'vocabulary', vocabulary: 'data-categories' },
  jurisdiction: { as: 'vocabulary', vocabulary: 'jurisdictions' },
  ground: { as: 'vocabulary', vocabulary: 'challenge-grounds' },
  refusalGround: { as: 'vocabulary', vocabulary: 'refusal-grounds' },
  remedy: { as: 'vocabulary', vocabulary: 'remedies' },
  outcome: { as: 'vocabulary', vocabulary: 'outcomes' },
  date: { as: 'date' },
  timeZone: TEXT,
  n: TEXT,
  count: TEXT,
  months: TEXT,
  version: TEXT,
  id: TEXT,
  name: TEXT,
  label: TEXT,
  source: TEXT,
  template: TEXT,
  procedure: TEXT,
  reason: TEXT,
  reference: TEXT,
  failure: { as: 'catalog', prefix: 'workflowMessages.params.failure' },
  // Civil dates (YYYY-MM-DD) of a template's validity, shown as written.
  openedOn: TEXT,
  from: TEXT,
  until: TEXT,
};

const isParamName = (key: string): key is WorkflowMessageParamName => Object.hasOwn(PARAM_DISPLAY, key);

/** The catalog lookup (i18next's `t`, or anything that answers a key with interpolated values). */
export type Translate = (key: string, values: Readonly<Record<string, string | number>>) => string;

export type MessageFormat = {
  readonly language: Language;
  /** An ISO instant in the reader's locale (`useLocaleFormat().dateTime`). */
  readonly dateTime: (iso: string) => string;
};

/**
 * A workflow message in the UI language: the catalog entry `workflowMessages.<code>`, with codes among its
 * parameters (stage, statement, vocabulary terms…) translated and dates in the reader's locale. Nothing matches
 * English text, so rewording the English never breaks a translation.
 */
export function workflowMessageText(message: WorkflowMessage, t: Translate, format: MessageFormat): string {
  const show = (display: ParamDisplay, value: string): string => {
    switch (display.as) {
      case 'text':
        return value;
      case 'date':
        return format.dateTime(value);
      case 'catalog':
        return t(`${display.prefix}.${value}`, { defaultValue: value });
      case 'vocabulary':
        return termLabel(display.vocabulary, value, format.language);
    }
  };
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(message.params)) {
    if (!isParamName(key)) continue;
    const display = PARAM_DISPLAY[key];
    if (typeof value === 'number') values[key] = value;
    else if (typeof value === 'string') values[key] = show(display, value);
    else if (Array.isArray(value))
      values[key] = value.map((item) => (typeof item === 'string' ? show(display, item) : '')).join(', ');
  }
  return t(`workflowMessages.${message.code}`, values);
}
