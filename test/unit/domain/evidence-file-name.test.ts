import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evidenceFileName } from '@shared/domain/evidence-file-name';
import { ipcContract } from '@shared/ipc/contract';

const accepted = (name: string) =>
  ipcContract['document.beginSave'].input.safeParse({ suggestedName: name, bytes: 1 }).success;

describe('the suggested name of an exported evidence file', () => {
  it.each([
    ['scan.pdf', 'application/pdf', 'scan.pdf'],
    ['Réponse du fournisseur.PDF', 'application/pdf', 'Réponse du fournisseur.PDF'],
    ['photo', 'image/jpeg', 'photo.jpg'],
    ['../../etc/passwd', 'text/plain', 'etc-passwd.txt'],
    ['C:\\Users\\x\\log.txt', 'text/plain', 'C-Users-x-log.txt'],
    ['...', 'application/octet-stream', 'evidence'],
    ['archive', 'application/zip', 'archive'],
  ])('%s (%s) → %s', (title, mediaType, expected) => {
    expect(evidenceFileName(title, mediaType)).toBe(expected);
    expect(accepted(expected)).toBe(true);
  });

  it('is always a name the shell accepts, whatever the title', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('application/pdf', 'text/plain', 'x/y'), (t, m) => {
        expect(accepted(evidenceFileName(t, m))).toBe(true);
      }),
    );
  });
});
