import type { TFunction } from 'i18next';
import type { KeyCardImportError } from '../../offices/key-card-files';
import { bundleRefusalText } from '../../exchange/bundle-refusal-text';

/** Refusals of a key-card import with their own words in the catalogs (`offices.importErrors.<code>`). */
export const KEY_CARD_IMPORT_ERRORS = [
  'own-card',
  'too-large',
  'KEYCARD_MALFORMED',
  'KEYCARD_SIGNATURE_INVALID',
  'KEYCARD_ROTATION_INVALID',
  'TRUST_CARD_EXPIRED',
  'TRUST_CARD_STALE',
  'TRUST_KEY_REVOKED',
  'TRUST_ROTATION_CONFLICT',
  'storage-full',
  'vault-locked',
  'vault-read-only',
  'write-refused',
  'write-failed',
] as const;

const hasOwnWords = (code: string): code is (typeof KEY_CARD_IMPORT_ERRORS)[number] =>
  (KEY_CARD_IMPORT_ERRORS as readonly string[]).includes(code);

/**
 * What a refused key-card import says. Shared code explains its refusals in English for logs and the command-line
 * reader; on screen each has its own words: a bundle refusal is worded from its data, a failure from the shell
 * arrives already worded (wordedShell), and the trust, card and vault checks are worded here.
 */
export function keyCardImportText(
  t: TFunction,
  dateTime: (iso: string) => string,
  error: KeyCardImportError['error'],
): string {
  if (error.code === 'TRUST_KEY_CHANGED') return t('offices.keyChanged');
  const message = error.refusal
    ? Object.values(bundleRefusalText(t, dateTime, error.refusal)).join(' ')
    : hasOwnWords(error.code)
      ? t(`offices.importErrors.${error.code}`)
      : error.message;
  return t('offices.importRefused', { message });
}
