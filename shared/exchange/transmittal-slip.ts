import type { BundleKind } from '../bundle/bundle-kinds';

/** What travels on paper with the stick (chain of custody): enough to check the file without opening it. */
export type TransmittalSlip = {
  readonly bundleId: string;
  readonly kind: BundleKind;
  readonly senderName: string;
  readonly senderFingerprint: string;
  readonly recipientName: string;
  readonly recipientFingerprint: string;
  /** BLAKE2b-512 of the whole file, in groups of 8 hex digits for reading aloud. */
  readonly fileHash: string;
  readonly fileName: string;
  readonly size: number;
  readonly createdAt: number;
  readonly sequence: number;
};

/** "0123abcd 4567ef01 …": a long hash in groups a person can compare line by line. */
export function groupHex(hex: string, group = 8): string {
  return (hex.match(new RegExp(`.{1,${group}}`, 'g')) ?? []).join(' ');
}

/** The file name of an exported bundle: derived from kind and bundle id only (never from case content). */
export function bundleFileName(kind: BundleKind, bundleId: string): string {
  return `casebridge-${kind}-${bundleId.slice(0, 16)}.cbundle`;
}
