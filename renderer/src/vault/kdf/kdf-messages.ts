import { z } from 'zod';

const bytes = () => z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be bytes');

/** Messages between the window and the Argon2id worker; both sides parse what they receive. */
export const kdfRequestSchema = z.strictObject({
  passphrase: bytes(),
  salt: bytes(),
  iterations: z.number().int().positive(),
  memoryBytes: z.number().int().positive(),
});
export type KdfRequest = z.infer<typeof kdfRequestSchema>;

export const kdfResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), key: bytes() }),
  z.strictObject({ ok: z.literal(false), message: z.string(), retryable: z.boolean() }),
]);
export type KdfResponse = z.infer<typeof kdfResponseSchema>;
