/**
 * Why an export stopped, for each case the export code refuses itself (`exchange.export.errors.<code>`): the English
 * message stays for logs. The shell's failures arrive worded; a bundle code is worded by the refusal wording.
 */
export const EXPORT_ERROR_CODES = [
  'case-not-found',
  'kind-not-allowed',
  'recipient-unverified',
  'recipient-not-allowed',
  'content-invalid',
  'workflow-refused',
  'written-not-recorded',
] as const;

export type ExportErrorCode = (typeof EXPORT_ERROR_CODES)[number];

export const isExportErrorCode = (code: string): code is ExportErrorCode =>
  (EXPORT_ERROR_CODES as readonly string[]).includes(code);
