import type { TFunction } from 'i18next';
import { isReceiptRefusalCode } from '@shared/exchange/refusal-receipt';

/**
 * A refusal code in plain words ("it answers a case the receiving office does not have"). A code this app does not
 * emit (a partner's own reader may send others) is shown as itself.
 */
export function refusalReason(t: TFunction, code: string | undefined): string {
  return code !== undefined && isReceiptRefusalCode(code)
    ? t(`exchange.refusalReasons.${code}`)
    : t('exchange.refusalReasons.other', { code: code === undefined || code === '' ? '—' : code });
}
