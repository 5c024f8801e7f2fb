/**
 * The kinds of bundle: the seven of format v1, and the three between an office and its oversight body added in v1.1
 * (docs/bundle-format.md §8; issue #19): an office's period report, the body's corrective recommendation, and the
 * office's answer to it.
 */
export const BUNDLE_KINDS = [
  'key-card',
  'request',
  'response',
  'challenge',
  'decision',
  'receipt',
  'revocation',
  'period-report',
  'recommendation',
  'recommendation-response',
] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

/**
 * Kinds that may travel as public bundles (no recipients, content key in the header): identity, not case data,
 * so they never carry attachments (whether public or addressed).
 */
export const PUBLIC_KINDS: readonly BundleKind[] = ['key-card', 'revocation'];
