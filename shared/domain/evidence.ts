import { z } from 'zod';
import { digestHexSchema, entityIdSchema, instantSchema } from './primitives';

export const CUSTODY_ACTIONS = [
  'received',
  'stored',
  'accessed',
  'copied',
  'exported',
  'transferred',
  'returned',
  'destroyed',
] as const;

/** One hand-over or handling of an evidence item; the list is the item's chain of custody. */
export const custodyEntrySchema = z.strictObject({
  at: instantSchema,
  by: entityIdSchema,
  action: z.enum(CUSTODY_ACTIONS),
  note: z.string(),
});
export type CustodyEntry = z.infer<typeof custodyEntrySchema>;

export const evidenceItemSchema = z.strictObject({
  id: entityIdSchema,
  title: z.string().min(1),
  mediaType: z.string().min(1),
  sizeBytes: z.number().int().nonnegative(),
  /** BLAKE2b-256 of the file's bytes, so any later copy can be checked against what was received. */
  contentHash: digestHexSchema,
  custody: z.array(custodyEntrySchema).min(1),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const noteSchema = z.strictObject({
  id: entityIdSchema,
  at: instantSchema,
  by: entityIdSchema,
  text: z.string().min(1),
});
export type Note = z.infer<typeof noteSchema>;
