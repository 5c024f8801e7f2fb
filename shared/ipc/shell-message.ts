import { z } from 'zod';

/**
 * Why a call to the app shell (the main process) failed, as a stable code with its parameters. Main sends it beside
 * the English sentence (for logs and tests); the renderer parses it with this schema and shows the catalog's words
 * (`shellMessages.<code>`), so no English sentence from main reaches a French, German or Spanish screen. A code the
 * schema does not know fails to parse and gets the generic worded fallback, never the raw code.
 */

const path = z.string().max(4096);
const count = z.number().int().nonnegative();

/** Where a file operation failed: a drive, a file, a folder; paths are the person's own, shown as they are. */
export const shellPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['drive', 'bundle-file']) }).strict(),
  z.object({ kind: z.enum(['drive-at', 'file', 'folder', 'path']), path }).strict(),
]);
export type ShellPlace = z.infer<typeof shellPlaceSchema>;

const none = z.object({}).strict();
const at = z.object({ place: shellPlaceSchema }).strict();
const atWithCode = z.object({ place: shellPlaceSchema, errno: z.string().max(40) }).strict();
const named = z.object({ name: path }).strict();
const namedAt = z.object({ name: path, place: shellPlaceSchema }).strict();
const channelOnly = z.object({ channel: z.string().max(200) }).strict();

const message = <C extends string, P extends z.ZodType>(code: C, params: P) =>
  z.object({ code: z.literal(code), params }).strict();

export const shellMessageSchema = z.discriminatedUnion('code', [
  // The IPC router.
  message('untrusted-sender', none),
  message('unknown-channel', channelOnly),
  message('invalid-input', z.object({ channel: z.string().max(200), detail: z.string().max(400) }).strict()),
  message('internal', channelOnly),
  // Drives and grants.
  message('drives-not-detected', z.object({ platform: z.string().max(40) }).strict()),
  message('drive-not-mounted', z.object({ path }).strict()),
  message('not-granted', none),
  message('archive-not-listed', none),
  message('transfer-closed', none),
  message('save-closed', none),
  // What the file system said.
  message('read-only', at),
  message('volume-full', at),
  message('volume-gone', at),
  message('already-exists', at),
  message('io-failed', atWithCode),
  // Writing a file.
  message('write-cancelled', none),
  message('more-data-than-announced', none),
  message('fewer-bytes-than-announced', z.object({ written: count, expected: count }).strict()),
  message('changed-on-the-way', none),
  message('read-back-mismatch', at),
  message('not-enough-space', z.object({ place: shellPlaceSchema, freeBytes: count, neededBytes: count }).strict()),
  // Reading a bundle file.
  message('file-too-large', z.object({ bytes: count, maxBytes: count }).strict()),
  message('larger-than-any-bundle', z.object({ maxBytes: count }).strict()),
  message('changed-while-read', none),
  message('not-regular-file', named),
  // Archiving a processed bundle.
  message('archive-name-invalid', named),
  message('archive-not-regular', namedAt),
  message('archive-folder-blocked', at),
  message('archive-names-used-up', z.object({ name: path, place: shellPlaceSchema, copies: count }).strict()),
  message('archive-file-gone', z.object({ name: path, folder: path }).strict()),
  message('archive-drive-gone', namedAt),
  message('archive-read-only', namedAt),
  message('archive-full', namedAt),
  message('archive-failed', z.object({ name: path, place: shellPlaceSchema, errno: z.string().max(40) }).strict()),
]);

export type ShellMessage = z.infer<typeof shellMessageSchema>;
export type ShellMessageCode = ShellMessage['code'];
export type ShellMessageOf<C extends ShellMessageCode> = Extract<ShellMessage, { readonly code: C }>;

/** Every code, in schema order (catalog tests and samples walk it). */
export const SHELL_MESSAGE_CODES: readonly ShellMessageCode[] = shellMessageSchema.options.map(
  (option) => option.shape.code.value,
);

/** The message parsed from whatever crossed the bridge, or null when it is not one this build knows. */
export function parseShellMessage(untrusted: unknown): ShellMessage | null {
  const parsed = shellMessageSchema.safeParse(untrusted);
  return parsed.success ? parsed.data : null;
}
