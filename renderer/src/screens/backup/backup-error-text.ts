import type { TFunction } from 'i18next';

/** A backup or restore refusal in the reader's language: the catalog words each stable code; else the shell's message. */
export function backupErrorText(t: TFunction, error: { readonly code: string; readonly message: string }): string {
  return t(`backup.errors.${error.code}`, { defaultValue: error.message });
}
