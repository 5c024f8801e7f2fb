/** File-name extensions for the media types Casebridge previews, when the title has none. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'text/plain': 'txt',
  'text/csv': 'csv',
};

const MAX_NAME = 100;

/**
 * The default name offered in the "Save as…" dialog for an evidence file: its title reduced to letters, digits,
 * space, dot, dash and underscore (a title may come from another office's bundle: it never becomes a path as is),
 * keeping or adding an extension. Only a suggestion: the user picks the real name and folder.
 */
export function evidenceFileName(title: string, mediaType: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[ .]+$/u, '');
  const dot = cleaned.lastIndexOf('.');
  const hasExtension = dot > 0 && /^[A-Za-z0-9]{1,10}$/.test(cleaned.slice(dot + 1));
  const extension = hasExtension ? cleaned.slice(dot + 1) : (EXTENSIONS[mediaType.toLowerCase()] ?? '');
  const stem = (hasExtension ? cleaned.slice(0, dot) : cleaned).slice(0, MAX_NAME).replace(/[ .]+$/u, '') || 'evidence';
  return extension === '' ? stem : `${stem}.${extension}`;
}
