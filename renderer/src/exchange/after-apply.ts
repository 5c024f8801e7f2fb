import type { BundleKind } from '@shared/bundle/bundle-kinds';

/** The drive folder a bundle was read from (granted when the drive was listed), so its receipt can go back there. */
export type BundleSource = { readonly folderToken: string; readonly drive: string };

/** What the outcome of an Apply offers next: the case it created or advanced, and the receipt the sender awaits. */
export type AfterApply = {
  readonly caseId: string | null;
  readonly ledgerId: string;
  /** Null when no receipt is due: a receipt is not itself acknowledged. */
  readonly receipt: { readonly source: BundleSource | null } | null;
};

export function afterApply(
  applied: { readonly caseId: string | null; readonly ledgerId: string },
  kind: BundleKind,
  source: BundleSource | null,
): AfterApply {
  return { ...applied, receipt: kind === 'receipt' ? null : { source } };
}

export type ReceiptFailure = 'driveGone' | 'driveFull' | 'readOnly' | 'notRecorded' | 'other';

/** Which catalog message explains a failed receipt write (codes from the main process's file errors). */
export function receiptFailure(code: string): ReceiptFailure {
  switch (code) {
    case 'volume-gone':
      return 'driveGone';
    case 'volume-full':
      return 'driveFull';
    case 'read-only':
      return 'readOnly';
    case 'written-not-recorded':
      return 'notRecorded';
    default:
      return 'other';
  }
}
