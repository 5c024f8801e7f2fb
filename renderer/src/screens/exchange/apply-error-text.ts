import type { ExchangeWriteErrorCode } from '../../exchange/exchange-commit';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Why applying a verified bundle stored nothing, in the catalog's words for each code the commit gives. */
const WORDED: readonly Exclude<ExchangeWriteErrorCode, 'storage-full'>[] = [
  'already-recorded',
  'sequence-old',
  'case-conflict',
  'case-exists',
  'store-failed',
];

/**
 * The reader's words for a failed apply. A full disk keeps its own message (it is already worded, with the space the
 * import needs); any other code falls back to the message as given.
 */
export function applyErrorText(t: Translate, error: { readonly code: string; readonly message: string }): string {
  const worded = WORDED.find((code) => code === error.code);
  return worded === undefined ? error.message : t(`exchange.applyErrors.${worded}`);
}
