import i18next from 'i18next';
import { toByteUnit } from '../format/format-bytes';

/**
 * How much room a write needs and how much the browser says is free, and the words for "not saved, not enough space".
 * Used before a large write (refuse early, write nothing) and after a real QuotaExceededError (estimates are
 * approximate, so the write itself is still guarded). Evidence upload, bundle import and restore share it.
 */

/**
 * What a payload of plaintext costs on disk, beyond its own bytes: 10% for the secretstream tags, each chunk row's key
 * and index entry and IndexedDB's write-ahead log before compaction, plus 1 MiB for the records written with it
 * (case, events, ledger). Deliberately generous: refusing a write that would just have fitted is cheaper than
 * filling the disk to the last byte.
 */
export const SPACE_MARGIN = { ratio: 0.1, fixedBytes: 1024 * 1024 } as const;

/** The part of `StorageEstimate` we read (both fields are optional in the platform's type). */
export type StorageEstimateLike = { readonly quota?: number | undefined; readonly usage?: number | undefined };

export type SpaceCheck = {
  /** Bytes the write needs, margin included. */
  readonly neededBytes: number;
  /** quota − usage, or null when the browser gave no estimate (then only the real write can tell). */
  readonly freeBytes: number | null;
  readonly enough: boolean;
};

export function spaceNeededFor(payloadBytes: number): number {
  return Math.ceil(Math.max(0, payloadBytes) * (1 + SPACE_MARGIN.ratio)) + SPACE_MARGIN.fixedBytes;
}

export function freeBytesOf(estimate: StorageEstimateLike | null): number | null {
  if (!estimate || typeof estimate.quota !== 'number' || typeof estimate.usage !== 'number') return null;
  return Math.max(0, estimate.quota - estimate.usage);
}

export function checkSpace(payloadBytes: number, estimate: StorageEstimateLike | null): SpaceCheck {
  const neededBytes = spaceNeededFor(payloadBytes);
  const freeBytes = freeBytesOf(estimate);
  return { neededBytes, freeBytes, enough: freeBytes === null || freeBytes >= neededBytes };
}

/** The browser's estimate for this origin, or null where there is none (or it failed). */
export async function estimateStorage(): Promise<StorageEstimateLike | null> {
  try {
    return (await globalThis.navigator?.storage?.estimate?.()) ?? null;
  } catch {
    return null;
  }
}

/** Estimates first: is there room for `payloadBytes`? */
export async function measureSpace(payloadBytes: number): Promise<SpaceCheck> {
  return checkSpace(payloadBytes, await estimateStorage());
}

/** A catalog lookup: `t` from react-i18next or i18next, narrowed to what the wording needs. */
export type Translate = (key: string, values: Readonly<Record<string, string>>) => string;

/** A byte count as the catalog words it ("48 MiB", « 48 Mio »), rounded to one decimal in the UI language. */
export function formatBytesWith(t: Translate, language: string, bytes: number): string {
  const { value, unit } = toByteUnit(bytes);
  return t(`units.${unit}`, { value: new Intl.NumberFormat(language).format(value) });
}

/**
 * "Not saved: this needs about 48 MiB and about 12 MiB are free. Free some space on this computer, then try again."
 * When the browser gave no estimate, the free amount is left out rather than guessed.
 */
export function storageFullMessage(
  t: Translate,
  language: string,
  space: Pick<SpaceCheck, 'neededBytes' | 'freeBytes'>,
): string {
  const needed = formatBytesWith(t, language, space.neededBytes);
  return space.freeBytes === null
    ? t('storageSpace.notSavedFreeUnknown', { needed })
    : t('storageSpace.notSaved', { needed, free: formatBytesWith(t, language, space.freeBytes) });
}

/** The same words in the current UI language, for code without a `t` of its own (the importer, restore). */
export function storageFullText(space: Pick<SpaceCheck, 'neededBytes' | 'freeBytes'>): string {
  return storageFullMessage((key, values) => i18next.t(key, values), i18next.language, space);
}
