import { z } from 'zod';
import type { Result } from '@shared/result';
import { CASE_KINDS, CASE_STAGES } from '@shared/domain/case-stage';
import { DUE_WINDOWS } from '@shared/deadlines/due-window';
import type { VaultDb } from '../vault/vault-db';
import { vaultWrite, type VaultWriteErrorCode } from '../vault/vault-write';
import { CASE_SORTS, NO_CRITERIA, STAGE_GROUPS, type CaseCriteria } from './case-list-row';
import type { CaseScope } from './case-scope';

/** A case list view: the filters, and "my cases" or "all cases". */
export type CaseView = { readonly criteria: CaseCriteria; readonly scope: CaseScope };
export type SavedView = CaseView & { readonly id: string; readonly name: string };

export const BUILT_IN_VIEWS = {
  /** The signed-in person's cases with something this office had to do already late. */
  'my-overdue': { criteria: { ...NO_CRITERIA, due: { window: 'overdue' }, sort: 'due' }, scope: 'mine' },
  /** Every challenge waiting for a reviewer or under review. */
  'redress-queue': { criteria: { ...NO_CRITERIA, stage: 'redress-queue', sort: 'due' }, scope: 'all' },
} as const satisfies Record<string, CaseView>;
export type BuiltInViewId = keyof typeof BUILT_IN_VIEWS;

export const SAVED_VIEW_NAME_MAX = 60;
const MAX_SAVED_VIEWS = 50;

const civilDateOrEmpty = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);
const savedViewSchema = z.strictObject({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(SAVED_VIEW_NAME_MAX),
  scope: z.enum(['mine', 'all']),
  criteria: z.strictObject({
    query: z.string().max(200),
    kind: z.enum([...CASE_KINDS, 'all']),
    stage: z.enum([...CASE_STAGES, ...(Object.keys(STAGE_GROUPS) as (keyof typeof STAGE_GROUPS)[]), 'all']),
    partner: z.string().max(8),
    due: z.discriminatedUnion('window', [
      z.strictObject({ window: z.literal('any') }),
      z.strictObject({ window: z.enum(DUE_WINDOWS.filter((w) => w !== 'range')) }),
      z.strictObject({ window: z.literal('range'), from: civilDateOrEmpty, to: civilDateOrEmpty }),
    ]),
    sort: z.enum(CASE_SORTS),
  }),
});

/** One person's saved views, in one record of the settings table (encrypted like every record there). */
const savedViewsRecordSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.literal('saved-views'),
  personId: z.string().min(1),
  views: z.array(savedViewSchema).max(MAX_SAVED_VIEWS),
});

const recordId = (personId: string) => `saved-views:${personId}`;

/** The views `personId` saved, in the order saved; none when there is no record or it does not parse. */
export async function readSavedViews(db: VaultDb, personId: string): Promise<readonly SavedView[]> {
  const parsed = savedViewsRecordSchema.safeParse(await db.settings.get(recordId(personId)));
  return parsed.success ? parsed.data.views : [];
}

/** Replaces `personId`'s saved views (a save adds one, a delete leaves one out). */
export function writeSavedViews(
  db: VaultDb,
  personId: string,
  views: readonly SavedView[],
): Promise<Result<void, VaultWriteErrorCode>> {
  return vaultWrite(db, [db.settings], async () => {
    await db.settings.put(
      savedViewsRecordSchema.parse({ id: recordId(personId), kind: 'saved-views', personId, views: [...views] }),
    );
  });
}
