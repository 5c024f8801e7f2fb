import type { TFunction } from 'i18next';

/** The catalog message for a vault error code, falling back to the message the code came with. */
export function vaultErrorMessage(t: TFunction, error: { readonly code: string; readonly message: string }): string {
  return t(`vault.errors.${error.code}`, { defaultValue: error.message });
}
