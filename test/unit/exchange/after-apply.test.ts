import { describe, expect, it } from 'vitest';
import { BUNDLE_KINDS } from '@shared/bundle/bundle-kinds';
import { afterApply, receiptFailure } from '../../../renderer/src/exchange/after-apply';

const applied = { caseId: 'case-1', ledgerId: 'received:abc:bundle-1' };
const usb = { folderToken: 'folder-token', drive: 'usb' };

describe('afterApply', () => {
  it('leads to the case and offers the receipt on the drive the bundle came from', () => {
    expect(afterApply(applied, 'request', usb)).toEqual({
      caseId: 'case-1',
      ledgerId: 'received:abc:bundle-1',
      receipt: { source: usb },
    });
  });

  it('offers a receipt without a drive for a file picked in the dialog', () => {
    expect(afterApply(applied, 'response', null).receipt).toEqual({ source: null });
  });

  it('offers a receipt for every case bundle, never for a receipt', () => {
    for (const kind of BUNDLE_KINDS) expect(afterApply(applied, kind, usb).receipt === null).toBe(kind === 'receipt');
  });

  it('keeps a receipt without a case (an old sent entry) caseless', () => {
    expect(afterApply({ caseId: null, ledgerId: 'x' }, 'receipt', usb)).toEqual({
      caseId: null,
      ledgerId: 'x',
      receipt: null,
    });
  });
});

describe('receiptFailure', () => {
  it('names a pulled, full or locked drive, and leaves other failures to their message', () => {
    expect(receiptFailure('volume-gone')).toBe('driveGone');
    expect(receiptFailure('volume-full')).toBe('driveFull');
    expect(receiptFailure('read-only')).toBe('readOnly');
    expect(receiptFailure('not-granted')).toBe('other');
    expect(receiptFailure('sender-revoked')).toBe('other');
  });
});
