import { z } from 'zod';
import type { JsonValue } from '../json/canonical-json';

/** Lowercase hex of exactly `bytes` bytes. */
export const hexBytes = (bytes: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `${bytes * 2} lowercase hex digits`);

export const safeUint = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Milliseconds since the Unix epoch (UTC), an integer. */
export const timestampMs = safeUint;

/** Any canonical-JSON value (the parser already refused floats and non-canonical strings). */
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number().int(),
    z.string(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

/** Number of Unicode code points (not UTF-16 units): how every "characters" limit of the format counts. */
export function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * A string of `min`…`max` characters, counted in Unicode code points (docs/bundle-format.md §1), as JSON Schema's
 * minLength/maxLength count them; the exported schema carries the same two numbers.
 */
export const textChars = (min: number, max: number, base: z.ZodString = z.string()) =>
  base
    .refine((text) => {
      const count = codePointCount(text);
      return count >= min && count <= max;
    }, `${min}–${max} characters`)
    .meta({ minLength: min, maxLength: max });
