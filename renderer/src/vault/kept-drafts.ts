import { z } from 'zod';
import type { VaultDb } from './vault-db';
import { vaultWrite } from './vault-write';

/**
 * Work kept across a lock. Forms with unsaved changes register here while they are on screen; when the vault
 * locks (idle, the OS locking, or the Lock button) each one's current value is written, encrypted like every
 * record, into the settings table under the signed-in person — before the keys are wiped — and offered back to that
 * person, and only them, after they unlock.
 */
const KEPT_DRAFT_PREFIX = 'kept-draft';

export const keptDraftRecordSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.literal('kept-draft'),
  personId: z.string().min(1),
  key: z.string().min(1),
  value: z.unknown(),
  savedAt: z.date(),
});
export type KeptDraftRecord = z.infer<typeof keptDraftRecordSchema>;

const recordId = (personId: string, key: string) => `${KEPT_DRAFT_PREFIX}:${personId}:${key}`;

/** The forms on screen: each gives its unsaved value, or null when it has nothing unsaved. */
export class DraftKeeper {
  readonly #sources = new Map<string, () => unknown>();

  /** Registers a form under a stable key (e.g. "draft:<caseId>"); returns the unregister function. */
  register(key: string, unsaved: () => unknown): () => void {
    this.#sources.set(key, unsaved);
    return () => {
      if (this.#sources.get(key) === unsaved) this.#sources.delete(key);
    };
  }

  /** What would be lost now: every registered form's unsaved value. */
  pending(): { key: string; value: unknown }[] {
    return [...this.#sources].flatMap(([key, unsaved]) => {
      const value = unsaved();
      return value === null || value === undefined ? [] : [{ key, value }];
    });
  }
}

/** Writes the pending drafts of `personId` in one transaction (a draft for the same form replaces the older one). */
export async function keepDrafts(
  db: VaultDb,
  personId: string,
  drafts: readonly { key: string; value: unknown }[],
  now: Date,
): Promise<boolean> {
  if (drafts.length === 0) return true;
  const written = await vaultWrite(db, [db.settings], async () => {
    for (const { key, value } of drafts) {
      await db.settings.put(
        keptDraftRecordSchema.parse({
          id: recordId(personId, key),
          kind: 'kept-draft',
          personId,
          key,
          value,
          savedAt: now,
        }),
      );
    }
  });
  return written.ok;
}

/** The draft `personId` left in form `key`, still unknown content (the form parses it), or null. */
export async function readKeptDraft(db: VaultDb, personId: string, key: string): Promise<KeptDraftRecord | null> {
  const parsed = keptDraftRecordSchema.safeParse(await db.settings.get(recordId(personId, key)));
  return parsed.success ? parsed.data : null;
}

/** Forgets a kept draft (restored, or discarded by its person). */
export async function dropKeptDraft(db: VaultDb, personId: string, key: string): Promise<void> {
  await vaultWrite(db, [db.settings], () => db.settings.delete(recordId(personId, key)));
}
