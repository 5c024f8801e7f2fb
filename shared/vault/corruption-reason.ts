import { assertNever } from '../result';

/**
 * Why a stored record could not be opened, as a stable code. The corruption notice words the code from the catalogs
 * (`vault.corrupt.reasons.<code>`); `describeCorruptionReason` gives the English for logs and tests.
 */
export type CorruptionReason =
  | { readonly code: 'row-malformed'; readonly params: Record<string, never> }
  | { readonly code: 'failed-authentication'; readonly params: Record<string, never> }
  | { readonly code: 'content-invalid'; readonly params: Record<string, never> }
  /** A plain or blind index value beside the ciphertext disagrees with the record; `field` names the index. */
  | { readonly code: 'index-mismatch'; readonly params: { readonly field: string } };

export type CorruptionReasonCode = CorruptionReason['code'];

export const CORRUPTION_REASON_CODES: readonly CorruptionReasonCode[] = [
  'row-malformed',
  'failed-authentication',
  'content-invalid',
  'index-mismatch',
];

/** The English sentence (logs, tests); the index field is named here only, never on screen. */
export function describeCorruptionReason(reason: CorruptionReason): string {
  switch (reason.code) {
    case 'row-malformed':
      return 'The stored row is malformed.';
    case 'failed-authentication':
      return 'It failed authentication: it was altered, damaged or moved from another record.';
    case 'content-invalid':
      return 'Its decrypted content is not valid.';
    case 'index-mismatch':
      return `Its stored index value for "${reason.params.field}" does not match its content: it was edited outside the app.`;
    default:
      return assertNever(reason, 'corruption reason');
  }
}
