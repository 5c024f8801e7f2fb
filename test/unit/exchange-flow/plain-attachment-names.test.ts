import { describe, expect, it } from 'vitest';
import { attachmentDescriptorSchema } from '@shared/bundle/bundle-payloads';
import { plainAttachmentNames } from '@shared/exchange/plain-attachment-names';

const files = (...names: string[]) => names.map((fileName, index) => ({ id: `f${index}`, fileName }));
const plainOf = (...names: string[]) => plainAttachmentNames(files(...names)).map((entry) => entry.plain);
const isPlain = (name: string) =>
  attachmentDescriptorSchema.safeParse({ name, mediaType: 'text/plain', size: 1, blake2b256: '00'.repeat(32) }).success;

describe('stored file names mapped to the plain names a bundle carries (bundle-format §7.1)', () => {
  it('keeps plain names exactly as they are', () => {
    expect(plainOf('notice.pdf', 'Scan 1 (Seite 2).pdf', '.profile', 'a..b')).toEqual([
      'notice.pdf',
      'Scan 1 (Seite 2).pdf',
      '.profile',
      'a..b',
    ]);
  });

  it('replaces slashes, backslashes and control characters and keeps the extension', () => {
    expect(plainOf('a\\b.pdf', 'x/y/z.txt', 'line\nbreak.doc', 'bell\u0007.png', 'nel\u0085.jpg')).toEqual([
      'a_b.pdf',
      'x_y_z.txt',
      'line_break.doc',
      'bell_.png',
      'nel_.jpg',
    ]);
  });

  it('names an empty, "." or ".." file "file"', () => {
    expect(plainOf('', '.', '..')).toEqual(['file', 'file (2)', 'file (3)']);
  });

  it('keeps names unique within the bundle, ignoring case, without moving a name that was already plain', () => {
    expect(plainOf('a\\b.pdf', 'a_b.pdf', 'A/B.PDF', 'a_b (2).pdf')).toEqual([
      'a_b (3).pdf',
      'a_b.pdf',
      'A_B (4).PDF',
      'a_b (2).pdf',
    ]);
    expect(plainOf('report.pdf', 'report.pdf')).toEqual(['report.pdf', 'report (2).pdf']);
  });

  it('shortens a name over the limit before its extension, counting code points', () => {
    const [long] = plainOf(`${'😀'.repeat(300)}/.pdf`);
    expect([...(long ?? '')].length).toBe(255);
    expect(long?.endsWith('😀.pdf')).toBe(true);
  });

  it('is deterministic, and every name it gives is one the verifier accepts', () => {
    const names = ['a\\b.pdf', '', '..', 'x'.repeat(400), 'ok.txt', 'ok.txt', 'tab\there', '\u0000'];
    expect(plainOf(...names)).toEqual(plainOf(...names));
    const mapped = plainOf(...names);
    for (const name of mapped) expect(isPlain(name), JSON.stringify(name)).toBe(true);
    expect(new Set(mapped.map((name) => name.toLowerCase())).size).toBe(mapped.length);
  });
});
