import { assertNever } from '../result';
import { BUNDLE_ARCHIVE_FOLDER } from './contract';
import type { IpcErr, IpcErrorCode } from './contract';
import type { ShellMessage, ShellMessageCode, ShellPlace } from './shell-message';

/** The coarse IPC error code each message carries, which callers branch on (a full drive, a cancel…). */
export const IPC_CODE_OF: Readonly<Record<ShellMessageCode, IpcErrorCode>> = {
  'untrusted-sender': 'untrusted-sender',
  'unknown-channel': 'unknown-channel',
  'invalid-input': 'invalid-input',
  internal: 'internal',
  'drives-not-detected': 'not-supported',
  'drive-not-mounted': 'volume-gone',
  'not-granted': 'not-granted',
  'archive-not-listed': 'not-granted',
  'transfer-closed': 'unknown-session',
  'save-closed': 'unknown-session',
  'read-only': 'read-only',
  'volume-full': 'volume-full',
  'volume-gone': 'volume-gone',
  'already-exists': 'already-exists',
  'io-failed': 'io-failed',
  'write-cancelled': 'cancelled',
  'more-data-than-announced': 'io-failed',
  'fewer-bytes-than-announced': 'io-failed',
  'changed-on-the-way': 'verify-failed',
  'read-back-mismatch': 'verify-failed',
  'not-enough-space': 'volume-full',
  'file-too-large': 'too-large',
  'larger-than-any-bundle': 'too-large',
  'changed-while-read': 'io-failed',
  'not-regular-file': 'not-found',
  'archive-name-invalid': 'not-found',
  'archive-not-regular': 'not-found',
  'archive-folder-blocked': 'already-exists',
  'archive-names-used-up': 'already-exists',
  'archive-file-gone': 'not-found',
  'archive-drive-gone': 'volume-gone',
  'archive-read-only': 'read-only',
  'archive-full': 'volume-full',
  'archive-failed': 'io-failed',
};

function place(p: ShellPlace): string {
  switch (p.kind) {
    case 'drive':
      return 'the drive';
    case 'bundle-file':
      return 'the bundle file';
    case 'drive-at':
      return `the drive at ${p.path}`;
    case 'file':
      return `the file ${p.path}`;
    case 'folder':
      return `the folder ${p.path}`;
    case 'path':
      return p.path;
  }
}

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/**
 * The English sentence for a shell message: what logs, tests and the English screen read. Other languages never see
 * it; they word the code from their catalog, so rewording here changes no translation.
 */
export function describeShellMessage(m: ShellMessage): string {
  switch (m.code) {
    case 'untrusted-sender':
      return 'This request did not come from the Casebridge window and was refused.';
    case 'unknown-channel':
      return `There is no Casebridge operation called ${m.params.channel}.`;
    case 'invalid-input':
      return `The request to ${m.params.channel} was malformed: ${m.params.detail}.`;
    case 'internal':
      return `Casebridge could not complete ${m.params.channel}. Try again; if it keeps failing, restart the app.`;
    case 'drives-not-detected':
      return `Removable drives cannot be detected on ${m.params.platform}. Choose a folder on the drive instead.`;
    case 'drive-not-mounted':
      return `The drive at ${m.params.path} is not mounted any more. Insert it again and choose Refresh.`;
    case 'not-granted':
      return 'Casebridge may only use folders and files you picked. Choose the drive or file again.';
    case 'archive-not-listed':
      return 'Casebridge archives only bundles it listed on a drive. Look on the drive again and archive from that list.';
    case 'transfer-closed':
      return 'This transfer is no longer open (it finished, failed or was cancelled). Start it again.';
    case 'save-closed':
      return 'This save is no longer open (it finished, failed or was cancelled). Start it again.';
    case 'read-only':
      return `${place(m.params.place)} is read-only, or you may not write there. Check the drive's lock switch, or choose another drive. Nothing was written.`;
    case 'volume-full':
      return `${place(m.params.place)} is full. Free some space or choose another drive. No usable file was left behind.`;
    case 'volume-gone':
      return `${place(m.params.place)} is no longer available (was the drive removed?). Re-insert it and try again. No usable file was left behind.`;
    case 'already-exists':
      return `A file with this name already exists on ${place(m.params.place)}. Nothing was overwritten.`;
    case 'io-failed':
      return `Writing to ${place(m.params.place)} failed (${m.params.errno}). Try again or choose another drive.`;
    case 'write-cancelled':
      return 'The export was cancelled. No usable file was left behind.';
    case 'more-data-than-announced':
      return 'More data arrived than was announced; the export was stopped.';
    case 'fewer-bytes-than-announced':
      return `Only ${m.params.written} of ${m.params.expected} bytes arrived; the export was stopped.`;
    case 'changed-on-the-way':
      return 'The data changed on its way to the drive. Export again.';
    case 'read-back-mismatch':
      return `The file read back from ${place(m.params.place)} does not match what was written. The drive may be failing: use another one.`;
    case 'not-enough-space':
      return `${place(m.params.place)} has ${mib(m.params.freeBytes)} free but the bundle needs ${mib(m.params.neededBytes)}. Free some space or choose another drive. Nothing was written.`;
    case 'file-too-large':
      return `This file is ${m.params.bytes} bytes, more than the ${m.params.maxBytes} a bundle may have. It is not a Casebridge bundle, or it was damaged.`;
    case 'larger-than-any-bundle':
      return `This file is larger than any bundle may be (${m.params.maxBytes} bytes). It is not a Casebridge bundle.`;
    case 'changed-while-read':
      return 'The file changed while it was being read. Try again.';
    case 'not-regular-file':
      return `${m.params.name} is a link or a special file, not a regular file. Casebridge opens only the file itself: copy the bundle onto the drive, then choose it again.`;
    case 'archive-name-invalid':
      return `${m.params.name} is not a bundle file that Casebridge listed. Nothing was moved.`;
    case 'archive-not-regular':
      return `${m.params.name} on ${place(m.params.place)} is not a regular file. Nothing was moved.`;
    case 'archive-folder-blocked':
      return `${place(m.params.place)} has a file named ${BUNDLE_ARCHIVE_FOLDER} where the archive folder belongs. Rename or move that file, then archive again. Nothing was moved.`;
    case 'archive-names-used-up':
      return `${BUNDLE_ARCHIVE_FOLDER} on ${place(m.params.place)} already holds ${m.params.name} and ${m.params.copies} numbered copies of it. Tidy that folder, then archive again. Nothing was overwritten or moved.`;
    case 'archive-file-gone':
      return `${m.params.name} is no longer in ${m.params.folder} (it was moved or deleted outside Casebridge). Look on the drive again to refresh the list.`;
    case 'archive-drive-gone':
      return `${place(m.params.place)} is no longer available (was the drive removed?). Re-insert it, look on the drive again, then archive. ${m.params.name} was not moved.`;
    case 'archive-read-only':
      return `${place(m.params.place)} is read-only, or you may not change it. Check the drive's lock switch, then archive again. ${m.params.name} was not moved.`;
    case 'archive-full':
      return `${place(m.params.place)} is full, so the archive folder cannot be created. Free some space, then archive again. ${m.params.name} was not moved.`;
    case 'archive-failed':
      return `Moving ${m.params.name} into ${BUNDLE_ARCHIVE_FOLDER} on ${place(m.params.place)} failed (${m.params.errno}). Try again, or move it by hand. Nothing was deleted.`;
    default:
      return assertNever(m, 'shell message');
  }
}

/** A failed IPC call: the coarse code, the English sentence, and the message the renderer words. */
export function shellErr(m: ShellMessage): IpcErr {
  return { ok: false, error: { code: IPC_CODE_OF[m.code], message: describeShellMessage(m), shellMessage: m } };
}
