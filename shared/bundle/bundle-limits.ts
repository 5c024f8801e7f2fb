/** Every limit of format v1 (docs/bundle-format.md §Limits). Checked before any allocation they govern. */
export const BUNDLE_LIMITS = {
  /** Canonical header JSON, bytes. */
  maxHeaderBytes: 1024 * 1024,
  maxRecipients: 16,
  maxAttachments: 256,
  minChunkBytes: 64 * 1024,
  maxChunkBytes: 1024 * 1024,
  /** The payload item is parsed in memory, so it is capped well below the attachments. */
  maxPayloadBytes: 16 * 1024 * 1024,
  maxAttachmentBytes: 2 ** 40,
  maxTotalBytes: 2 ** 42,
  /** Longest created-at → not-after window the format allows; verifiers may set a shorter policy. */
  maxValidityMs: 366 * 24 * 60 * 60 * 1000,
  /** Every "characters" limit counts Unicode code points. */
  maxAttachmentNameChars: 255,
  maxMediaTypeChars: 127,
  maxCaseRefChars: 100,
  maxCaseKeyChars: 200,
  maxMessageChars: 20_000,
  maxGrounds: 50,
  maxGroundChars: 100,
  maxRefusalCodeChars: 64,
  /** Cells in one table of a period report; findings in one recommendation. */
  maxReportCells: 1_000,
  maxReportCellKeyChars: 100,
  maxRecommendationFindings: 1_000,
} as const;

/** What a verifier accepts by default: a shorter validity window than the format maximum, and a small clock skew. */
export type VerifyPolicy = { readonly maxValidityMs: number; readonly clockSkewMs: number };

export const DEFAULT_VERIFY_POLICY: VerifyPolicy = {
  maxValidityMs: 90 * 24 * 60 * 60 * 1000,
  clockSkewMs: 10 * 60 * 1000,
};

export const DEFAULT_CHUNK_BYTES = 256 * 1024;
