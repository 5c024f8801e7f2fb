import type { TFunction } from 'i18next';
import type { DeskRefusal } from '../../desk/desk-import';
import { bundleRefusalText } from '../../exchange/bundle-refusal-text';
import { reportLabels } from '../reports/report-labels';

/** The desk's own refusals, worded from the catalog by code. */
const DESK_CODES = [
  'DESK_NOT_FOR_DESK',
  'DESK_UNKNOWN_OFFICE',
  'DESK_NO_EXPORT',
  'DESK_EXPORT_OTHER_OFFICE',
  'DESK_UNKNOWN_RECOMMENDATION',
  'DESK_RESPONSE_WRONG_OFFICE',
  'DESK_ALREADY_ANSWERED',
  'REPORT_SCOPE_MISMATCH',
  'COMBINE_OVERLAP',
  'COMBINE_LINKED_MISMATCH',
  'COMBINE_BAD_COUNT',
  'OVERSIGHT_MALFORMED',
  'OVERSIGHT_SIGNATURE_INVALID',
  'OVERSIGHT_CERTIFICATE_INVALID',
  'OVERSIGHT_CHAIN_BROKEN',
  'BUNDLE_REPLAYED',
] as const;

/** A refused desk import in the reader's words: the verifier's refusal by rule, a contradiction with its figures. */
export function deskRefusalText(
  t: TFunction,
  language: string,
  dateTime: (iso: string) => string,
  refusal: DeskRefusal,
): string {
  const { code } = refusal.error;
  if (refusal.contradiction) {
    const c = refusal.contradiction;
    const labels = reportLabels(t, language);
    return t(c.bound === 'exact' ? 'desk.refused.contradicts' : 'desk.refused.contradictsAtLeast', {
      table: labels.table(c.table),
      cell: c.key === null ? t('reports.total') : labels.key(c.table, c.key),
      reported: c.reported,
      fromTrail: c.fromTrail,
    });
  }
  if ((DESK_CODES as readonly string[]).includes(code)) return t(`desk.refused.${code}`);
  if (refusal.refusal) return t('exchange.import.refusedWithNext', bundleRefusalText(t, dateTime, refusal.refusal));
  return t('exchange.import.refused', { message: refusal.error.message });
}
