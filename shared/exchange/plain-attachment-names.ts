import { BUNDLE_LIMITS } from '../bundle/bundle-limits';
import { PLAIN_NAME_PATTERN } from '../bundle/bundle-payloads';

/** A stored file and the plain name it travels under in a bundle (docs/bundle-format.md §7.1). */
export type PlainAttachmentName = { readonly id: string; readonly stored: string; readonly plain: string };

/** Slashes, backslashes and control characters: what a plain name must not contain. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a plain name must not contain
const FORBIDDEN = /[/\\\u0000-\u001f\u007f-\u009f]/g;
/** An extension worth keeping: a dot and 1–16 letters or digits at the end. */
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;
const FALLBACK = 'file';

/**
 * Maps stored file names to plain names, deterministically for the same files in the same order: forbidden
 * characters become "_", a name that is empty, "." or ".." becomes "file", a name too long is shortened before its
 * extension, and a name already given (compared without case, as Windows and macOS do) gets " (2)", " (3)"…
 * before its extension. A name that is already plain and unique is kept as it is, even when a renamed file comes first.
 */
export function plainAttachmentNames(
  files: readonly { readonly id: string; readonly fileName: string }[],
): PlainAttachmentName[] {
  const taken = new Set<string>();
  const plain: (string | undefined)[] = files.map(() => undefined);
  const assign = (index: number, base: string) => {
    let name = base;
    for (let copy = 2; taken.has(name.toLowerCase()); copy++) name = withSuffix(base, ` (${copy})`);
    taken.add(name.toLowerCase());
    plain[index] = name;
  };
  const bases = files.map((file) => plainBase(file.fileName));
  // Names that are plain already are placed first, so a renamed file never pushes a good name aside.
  bases.forEach((base, index) => {
    if (base === files[index]?.fileName && !taken.has(base.toLowerCase())) assign(index, base);
  });
  bases.forEach((base, index) => {
    if (plain[index] === undefined) assign(index, base);
  });
  return files.map((file, index) => ({ id: file.id, stored: file.fileName, plain: plain[index] ?? FALLBACK }));
}

function plainBase(stored: string): string {
  const replaced = stored.normalize('NFC').replace(FORBIDDEN, '_');
  const named = replaced === '' || replaced === '.' || replaced === '..' ? FALLBACK : replaced;
  const fitted = withSuffix(named, '');
  // The pattern is the rule the verifier applies: a mapped name that broke it would be a bug here, not in the file.
  return PLAIN_NAME_PATTERN.test(fitted) ? fitted : FALLBACK;
}

/** `name` with `suffix` before its extension, shortened (keeping the extension) to the bundle's name limit. */
function withSuffix(name: string, suffix: string): string {
  const match = EXTENSION.exec(name);
  // ".pdf" alone is a name, not an extension.
  const extension = match && match.index > 0 ? match[0] : '';
  const stem = [...name.slice(0, name.length - extension.length)];
  const room = BUNDLE_LIMITS.maxAttachmentNameChars - [...extension].length - [...suffix].length;
  const shortened = stem.length > room ? stem.slice(0, room).join('') : stem.join('');
  return `${shortened === '' && extension === '' ? FALLBACK : shortened}${suffix}${extension}`;
}
