import { z } from 'zod';
import { BUNDLE_ERROR_CODES } from './bundle-error';
import { BUNDLE_RULES } from './bundle-rules';

/**
 * Refusals that share a code but need other words for a person: a key card not valid yet (rule 6.4, like an
 * expired one), an expiry too old even for an override (7.2), no unlocked office key (9.1) and an attachment name
 * that is not a plain name (13.3), a file read as a key card that is another kind of bundle, a validity over this
 * office's policy (7.3, with its days), one attachment that differs from its descriptor (14.3, with its name), and a
 * revoked signer whose revocation has no date (6.1).
 * Anything else is worded by its code, in words that need no params (the frame and header checks give none).
 */
export const BUNDLE_REFUSAL_SITUATIONS = [
  'cardNotYetValid',
  'expiredPastOverride',
  'noOfficeKey',
  'attachmentName',
  'notAKeyCard',
  'validityOverPolicy',
  'attachmentAltered',
  'revokedUndated',
] as const;
export type BundleRefusalSituation = (typeof BUNDLE_REFUSAL_SITUATIONS)[number];

/** The details a person needs to act on a refusal; dates are milliseconds since the epoch (shown per locale). */
export const bundleRefusalParamsSchema = z.strictObject({
  office: z.string().max(200).optional(),
  fingerprint: z.string().max(100).optional(),
  at: z.number().int().optional(),
  days: z.number().int().nonnegative().optional(),
  sequence: z.number().int().nonnegative().optional(),
  last: z.number().int().nonnegative().optional(),
  part: z.number().int().nonnegative().optional(),
  item: z.string().max(300).optional(),
});
export type BundleRefusalParams = z.infer<typeof bundleRefusalParamsSchema>;

const RULE_IDS = new Set(BUNDLE_RULES.map((entry) => entry.rule));

/**
 * A refusal as data: its code, the rule of docs/bundle-format.md §11 that decided it where the verifier knows it,
 * and params. The English message stays beside it for the CLI and logs; a screen words it from its catalogs.
 */
export const bundleRefusalSchema = z.strictObject({
  code: z.enum(BUNDLE_ERROR_CODES),
  rule: z
    .string()
    .refine((rule) => RULE_IDS.has(rule), 'a rule of the verification order')
    .optional(),
  situation: z.enum(BUNDLE_REFUSAL_SITUATIONS).optional(),
  params: bundleRefusalParamsSchema,
});
export type BundleRefusal = z.infer<typeof bundleRefusalSchema>;

/** The catalog entry that words a refusal: its situation if it has one, else its code. */
export function bundleRefusalKey(refusal: Pick<BundleRefusal, 'code' | 'situation'>): string {
  return refusal.situation ?? refusal.code;
}

/** Shows an untrusted name safely in a sentence: control characters as U+FFFD, at most 120 characters. */
export function displayableName(name: string): string {
  // eslint-disable-next-line no-control-regex -- the characters replaced are exactly the control characters
  const cleaned = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
  const points = [...cleaned];
  return points.length > 120 ? `${points.slice(0, 119).join('')}…` : cleaned;
}
