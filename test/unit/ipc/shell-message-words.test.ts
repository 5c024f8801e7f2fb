import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExchangeHandlers } from '../../../electron/main/handlers/exchange/create-exchange-handlers';
import { createPathGrants } from '../../../electron/main/handlers/files/path-grants';
import { createIpcRouter } from '../../../electron/main/ipc/create-ipc-router';
import { isTrustedSender } from '../../../electron/main/security/request-policy';
import { describeShellMessage } from '@shared/ipc/describe-shell-message';
import {
  SHELL_MESSAGE_CODES,
  type ShellMessageCode,
  type ShellMessageOf,
  type ShellPlace,
} from '@shared/ipc/shell-message';
import { wordShellFailure, type Wording } from '../../../renderer/src/components/worded-shell';
import { shellMessageText } from '../../../renderer/src/components/shell-message-text';
import { testHandlers } from './test-handlers';
import { catalogOf, catalogTranslator } from '../../support/catalog-translator';

async function wording(language: string): Promise<Wording> {
  const t = await catalogTranslator(language);
  return { t: (key, values) => t(key, values), language: () => language };
}

const drive: ShellPlace = { kind: 'drive-at', path: '/media/stick' };
const name = 'request-7.cbundle';

/** One message per code; a new code is a compile error here until it has a sample. */
const SAMPLES: { readonly [C in ShellMessageCode]: ShellMessageOf<C> } = {
  'untrusted-sender': { code: 'untrusted-sender', params: {} },
  'unknown-channel': { code: 'unknown-channel', params: { channel: '"app.nope"' } },
  'invalid-input': { code: 'invalid-input', params: { channel: 'exchange.openBundle', detail: 'Invalid input' } },
  internal: { code: 'internal', params: { channel: 'exchange.listBundles' } },
  'drives-not-detected': { code: 'drives-not-detected', params: { platform: 'freebsd' } },
  'drive-not-mounted': { code: 'drive-not-mounted', params: { path: '/media/stick' } },
  'not-granted': { code: 'not-granted', params: {} },
  'archive-not-listed': { code: 'archive-not-listed', params: {} },
  'transfer-closed': { code: 'transfer-closed', params: {} },
  'save-closed': { code: 'save-closed', params: {} },
  'read-only': { code: 'read-only', params: { place: drive } },
  'volume-full': { code: 'volume-full', params: { place: { kind: 'drive' } } },
  'volume-gone': { code: 'volume-gone', params: { place: { kind: 'bundle-file' } } },
  'already-exists': { code: 'already-exists', params: { place: { kind: 'folder', path: '/home/ana' } } },
  'io-failed': { code: 'io-failed', params: { place: { kind: 'file', path: '/media/stick/x' }, errno: 'EBUSY' } },
  'write-cancelled': { code: 'write-cancelled', params: {} },
  'more-data-than-announced': { code: 'more-data-than-announced', params: {} },
  'fewer-bytes-than-announced': { code: 'fewer-bytes-than-announced', params: { written: 1000, expected: 1001 } },
  'changed-on-the-way': { code: 'changed-on-the-way', params: {} },
  'read-back-mismatch': { code: 'read-back-mismatch', params: { place: drive } },
  'not-enough-space': {
    code: 'not-enough-space',
    params: { place: drive, freeBytes: 3 * 1024 * 1024, neededBytes: 48 * 1024 * 1024 },
  },
  'file-too-large': { code: 'file-too-large', params: { bytes: 5e9, maxBytes: 4 * 1024 ** 3 } },
  'larger-than-any-bundle': { code: 'larger-than-any-bundle', params: { maxBytes: 4 * 1024 ** 3 } },
  'changed-while-read': { code: 'changed-while-read', params: {} },
  'not-regular-file': { code: 'not-regular-file', params: { name } },
  'archive-name-invalid': { code: 'archive-name-invalid', params: { name } },
  'archive-not-regular': { code: 'archive-not-regular', params: { name, place: drive } },
  'archive-folder-blocked': { code: 'archive-folder-blocked', params: { place: drive } },
  'archive-names-used-up': { code: 'archive-names-used-up', params: { name, place: drive, copies: 999 } },
  'archive-file-gone': { code: 'archive-file-gone', params: { name, folder: '/media/stick' } },
  'archive-drive-gone': { code: 'archive-drive-gone', params: { name, place: drive } },
  'archive-read-only': { code: 'archive-read-only', params: { name, place: drive } },
  'archive-full': { code: 'archive-full', params: { name, place: drive } },
  'archive-failed': { code: 'archive-failed', params: { name, place: drive, errno: 'EXDEV' } },
};

/** What must never reach a screen: a catalog key, an unfilled placeholder, a kebab-case or errno code. */
const RAW = /shellMessages\.|\{\{|\bE[A-Z]{3,}\b|(?<![\p{L}\p{N}/.@-])[a-z]+(?:-[a-z0-9]+)+(?![\p{L}\p{N}/.@-])/u;
const wordsOnly = (text: string) =>
  text.replace(/casebridge-archive|read-only/g, '').replace(/request-7\.cbundle/g, '');

describe('failures from the app shell, in the reader’s words', () => {
  it('has a sample for every code, and the English sentence stays the log’s', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...SHELL_MESSAGE_CODES].sort());
    expect(describeShellMessage(SAMPLES['io-failed'])).toBe(
      'Writing to the file /media/stick/x failed (EBUSY). Try again or choose another drive.',
    );
  });

  it.each(['fr', 'de', 'es'])('%s: every code is worded from the catalog, never the English', async (language) => {
    const w = await wording(language);
    const en = await wording('en');
    const own = Reflect.get(catalogOf(language), 'shellMessages') as Record<string, unknown>;
    const english = Reflect.get(catalogOf('en'), 'shellMessages') as Record<string, unknown>;
    for (const message of Object.values(SAMPLES)) {
      expect(own[message.code], message.code).not.toBe(english[message.code]);
      const text = shellMessageText(w.t, language, message);
      expect(wordsOnly(text), message.code).not.toMatch(RAW);
      expect(text, message.code).not.toBe(describeShellMessage(message));
      expect(text, message.code).not.toBe(shellMessageText(en.t, 'en', message));
    }
  });

  it('en: every code is worded too, with the place and sizes filled in', async () => {
    const w = await wording('en');
    for (const message of Object.values(SAMPLES)) {
      expect(wordsOnly(shellMessageText(w.t, 'en', message)), message.code).not.toMatch(RAW);
    }
    expect(shellMessageText(w.t, 'en', SAMPLES['not-enough-space'])).toBe(
      'There is 3 MiB free on the drive at /media/stick, but the file needs 48 MiB. Free some space or choose another drive. Nothing was written.',
    );
  });

  it('gives a worded generic failure for a code this build does not know, never the code', async () => {
    const w = await wording('fr');
    const unknown = wordShellFailure(
      {
        code: 'disk-on-fire',
        message: 'English from a newer main',
        shellMessage: { code: 'disk-on-fire', params: {} },
      },
      w,
    );
    expect(unknown.error.code).toBe('internal');
    expect(unknown.error.message).toContain('Casebridge n’a pas pu terminer cette étape');
    expect(unknown.error.message).not.toContain('disk-on-fire');
    const strayParams = wordShellFailure(
      { code: 'volume-full', message: 'x', shellMessage: { code: 'volume-full', params: { place: { kind: 'moon' } } } },
      w,
    );
    expect(strayParams.error.message).toBe(unknown.error.message);
  });

  describe('a real handler failure', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'casebridge-words-'));
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('crosses the router with its code and reaches a French screen in French', async () => {
      await writeFile(join(dir, 'taken.cbundle'), 'already here');
      const exchange = createExchangeHandlers({
        grants: createPathGrants(),
        dialogs: { chooseFolder: async () => dir, chooseBundleFile: async () => null },
        listVolumes: async () => [],
      });
      const router = createIpcRouter({
        handlers: { ...testHandlers(), ...exchange },
        isTrustedSender: (url) => isTrustedSender(url),
      });
      const app = 'app://casebridge/index.html';
      const folder = await router.dispatch(app, 'exchange.chooseFolder', undefined);
      const folderToken =
        folder.ok && folder.value !== null && 'folderToken' in folder.value ? folder.value.folderToken : '';
      const refused = await router.dispatch(app, 'exchange.beginExport', {
        folderToken,
        fileName: 'taken.cbundle',
        bytes: 12,
        hashHex: 'a'.repeat(128),
      });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'already-exists',
          message: `A file with this name already exists on the drive at ${dir}. Nothing was overwritten.`,
          shellMessage: { code: 'already-exists', params: { place: { kind: 'drive-at', path: dir } } },
        },
      });
      // What the renderer receives is a structured clone: no class, no prototype, only data.
      const received: unknown = structuredClone(refused.ok ? null : refused.error);
      const worded = wordShellFailure(received, await wording('fr'));
      expect(worded.error.code).toBe('already-exists');
      expect(worded.error.message).toBe(
        `Un fichier de ce nom existe déjà sur le support monté sur ${dir}. Rien n’a été remplacé.`,
      );
    });
  });
});
