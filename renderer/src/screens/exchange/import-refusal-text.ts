import type { TFunction } from 'i18next';
import type { WorkflowMessage } from '@shared/workflow/workflow-message';
import type { PreparedImport } from '../../exchange/import-bundle';
import { bundleRefusalText } from '../../exchange/bundle-refusal-text';
import { refusalReason } from './refusal-reason';

type Refused = Extract<PreparedImport, { status: 'refused' }>;
type Already = Extract<PreparedImport, { status: 'already' }>;

/** How the screen words what it was given: dates in the reader's locale, workflow messages by their code. */
export type RefusalWording = {
  readonly t: TFunction;
  readonly dateTime: (iso: string) => string;
  readonly workflowMessage: (message: WorkflowMessage) => string;
};

/** Codes of a bundle that verified but that this office's cases cannot take (`shared/exchange/import-plan.ts`). */
const PLAN_CODES = ['IMPORT_CONTENT_INVALID', 'IMPORT_NO_MATCHING_CASE', 'IMPORT_WORKFLOW_REFUSED'];

/**
 * A refused import in the reader's words: the verifier's refusal by rule and details, a plan's refusal by its code
 * with the workflow's own reasons, the app's other refusals by code. Only a failure that arrives already worded (from
 * the shell, or the storage check) is shown as it came.
 */
export function refusedImportText(wording: RefusalWording, result: Refused): string {
  const { t } = wording;
  if (result.refusal)
    return t('exchange.import.refusedWithNext', bundleRefusalText(t, wording.dateTime, result.refusal));
  if (result.failure) return t(`exchange.import.${result.failure}`);
  if (result.code === 'IMPORT_ALTERED_COPY') return t('exchange.inbox.alteredRefused');
  if (result.code === 'IMPORT_KEY_CARD') return t('exchange.import.keyCardFile');
  if (result.code === 'IMPORT_OVERSIGHT_BUNDLE') return t('exchange.import.oversightFile');
  if (result.code === 'IMPORT_NOT_OUR_OVERSIGHT_BODY')
    return t('oversight.office.notOurBody', { office: result.senderName ?? '' });
  if (PLAN_CODES.includes(result.code)) {
    const reason = refusalReason(t, result.code);
    const details = (result.messages ?? []).map(wording.workflowMessage);
    return details.length === 0
      ? t('exchange.import.planRefused', { reason })
      : t('exchange.import.planRefusedBecause', { reason, details: details.join('; ') });
  }
  return t('exchange.import.refused', { message: result.message });
}

/** A bundle with nothing left to do, in the reader's words. */
export function alreadyImportText(wording: RefusalWording, result: Already): string {
  const { t } = wording;
  if (result.refusedEarlier) return t('exchange.import.alreadyRefused');
  if (result.answered) return t('exchange.import.alreadyAnswered');
  if (result.refusal)
    return t('exchange.import.already', { message: bundleRefusalText(t, wording.dateTime, result.refusal).what });
  return t('exchange.import.already', { message: result.message });
}
