import { z } from 'zod';

/** The metadata of a stored attachment (itself an encrypted record). Written last: no record, no attachment. */
export const attachmentRecordSchema = z.strictObject({
  id: z.string().min(1),
  caseId: z.string().min(1),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  /** BLAKE2b-256 of the plaintext, hex: the chain-of-custody fingerprint. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  chunkCount: z.number().int().positive(),
  chunkBytes: z.number().int().positive(),
  streamHeader: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
  createdAt: z.date(),
});
export type AttachmentRecord = z.infer<typeof attachmentRecordSchema>;
