import type { BundleRefusal, BundleRefusalParams, BundleRefusalSituation } from './bundle-refusal';

/**
 * Every way a bundle can be refused, with a stable code (part of the specification: docs/bundle-format.md
 * §Errors). Partners and the importer switch on the code; the message tells a person what to do next.
 */
export const BUNDLE_ERROR_CODES = [
  'BUNDLE_MALFORMED',
  'BUNDLE_NONCANONICAL',
  'BUNDLE_VERSION_UNSUPPORTED',
  'BUNDLE_ALGORITHM_UNSUPPORTED',
  'BUNDLE_CRITICAL_EXTENSION_UNKNOWN',
  'BUNDLE_LIMIT_EXCEEDED',
  'BUNDLE_TRUNCATED',
  'BUNDLE_TRAILING_DATA',
  'BUNDLE_SIGNATURE_INVALID',
  'BUNDLE_SIGNER_UNKNOWN',
  'BUNDLE_SIGNER_UNVERIFIED',
  'BUNDLE_SIGNER_REVOKED',
  'BUNDLE_SIGNER_EXPIRED',
  'BUNDLE_NOT_YET_VALID',
  'BUNDLE_EXPIRED',
  'BUNDLE_NOT_FOR_US',
  'BUNDLE_REPLAYED',
  'BUNDLE_SEQUENCE_OLD',
  'BUNDLE_KEY_WRAP_INVALID',
  'BUNDLE_ITEM_HASH_MISMATCH',
  'BUNDLE_CHUNK_INVALID',
  'BUNDLE_INNER_SIGNATURE_INVALID',
  'BUNDLE_INNER_MISMATCH',
  'BUNDLE_PAYLOAD_INVALID',
  'BUNDLE_ATTACHMENT_MISMATCH',
  'BUNDLE_IO_FAILED',
  'BUNDLE_BUILD_INVALID',
] as const;

export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export function isBundleErrorCode(value: unknown): value is BundleErrorCode {
  return typeof value === 'string' && (BUNDLE_ERROR_CODES as readonly string[]).includes(value);
}

/** What a refusal adds to its code: the rule that decided it (where known), a situation, and params. */
export type BundleErrorDetail = {
  readonly rule?: string;
  readonly situation?: BundleRefusalSituation;
  readonly params?: BundleRefusalParams;
};

/**
 * A failed bundle operation: the code and English message (for the CLI and logs) and the refusal as data, so a
 * screen can word it in its own language (renderer/src/exchange/bundle-refusal-text.ts).
 */
export type BundleErr = {
  readonly ok: false;
  readonly error: { readonly code: BundleErrorCode; readonly message: string; readonly refusal: BundleRefusal };
};

/** Thrown inside the bundle code only; public entry points turn it into a Result. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    readonly detail: BundleErrorDetail = {},
  ) {
    super(message);
  }
}

export function bundleError(code: BundleErrorCode, message: string, detail?: BundleErrorDetail): BundleError {
  return new BundleError(code, message, detail);
}

function refusalOf(code: BundleErrorCode, detail: BundleErrorDetail): BundleRefusal {
  return {
    code,
    ...(detail.rule === undefined ? {} : { rule: detail.rule }),
    ...(detail.situation === undefined ? {} : { situation: detail.situation }),
    params: detail.params ?? {},
  };
}

/**
 * Classifies anything caught at a public entry point. A BundleError keeps its code; anything else (a bug or
 * an exhausted engine) still gets a stable code, so callers never see an unclassified error.
 */
export function toBundleErr(caught: unknown): BundleErr {
  if (caught instanceof BundleError)
    return {
      ok: false,
      error: { code: caught.code, message: caught.message, refusal: refusalOf(caught.code, caught.detail) },
    };
  const detail = caught instanceof Error ? caught.message : String(caught);
  return {
    ok: false,
    error: {
      code: 'BUNDLE_MALFORMED',
      message: `The bundle could not be read (${detail}). Ask the sender to export it again.`,
      refusal: refusalOf('BUNDLE_MALFORMED', {}),
    },
  };
}
