/** The seven kinds of bundle in format v1. */
export const BUNDLE_KINDS = [
  'key-card',
  'request',
  'response',
  'challenge',
  'decision',
  'receipt',
  'revocation',
] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

/**
 * Kinds that may travel as public bundles (no recipients, content key in the header): identity, not case data,
 * so they never carry attachments (whether public or addressed).
 */
export const PUBLIC_KINDS: readonly BundleKind[] = ['key-card', 'revocation'];
