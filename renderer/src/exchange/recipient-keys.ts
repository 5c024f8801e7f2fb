import { toHex } from '@shared/bytes/bytes';
import type { BundleHeader } from '@shared/bundle/bundle-header';
import type { RecipientKeys } from '@shared/bundle/verify-bundle';
import { readBundleFrame } from '@shared/bundle/read-bundle-frame';
import { toBundleErr } from '@shared/bundle/bundle-error';
import { err, ok, type Result } from '@shared/result';
import { openBundleFile } from '../bundle-io/ipc-byte-source';
import { loadRetiredKeys } from '../offices/own-office-rotation';
import type { ExchangeDeps } from './exchange-deps';

/** A bundle's header alone (prologue, header, signature frame): one short read, nothing decrypted. */
export async function readBundleHeader(deps: ExchangeDeps, fileToken: string): Promise<Result<BundleHeader, string>> {
  const opened = await openBundleFile(deps.shell.exchange, fileToken);
  if (!opened.ok) return opened;
  try {
    return ok((await readBundleFrame(deps.kit, opened.value.source)).header);
  } catch (caught) {
    const refused = toBundleErr(caught);
    return err(refused.error.code, refused.error.message);
  } finally {
    await opened.value.close().catch(() => undefined);
  }
}

/**
 * Which of our keys opens a bundle: the current one, or — for a bundle a partner addressed to a key that a
 * lost-laptop drill retired, before it imported the rotation — that key's box key, kept for reading only. The
 * verifier then checks everything else as usual. `retired` tells the caller to wipe the copy afterwards.
 */
export async function recipientKeysFor(
  deps: ExchangeDeps,
  fileToken: string,
): Promise<{ keys: RecipientKeys; retired: boolean }> {
  const current = {
    keys: {
      signingPublicKey: deps.own.signer.publicKey,
      boxPrivateKeyPlaintext: deps.own.boxPrivateKeyPlaintext,
    },
    retired: false,
  };
  const retired = await loadRetiredKeys(deps.db);
  if (retired.length === 0) return current;
  const header = await readBundleHeader(deps, fileToken);
  const addressed = new Set(header.ok ? header.value.recipients.map((entry) => entry.signingKey) : []);
  const match = addressed.has(toHex(current.keys.signingPublicKey))
    ? undefined
    : retired.find((keys) => addressed.has(toHex(keys.signingPublicKey)));
  for (const keys of retired) if (keys !== match) deps.kit.wipe(keys.boxPrivateKeyPlaintext);
  return match
    ? {
        keys: { signingPublicKey: match.signingPublicKey, boxPrivateKeyPlaintext: match.boxPrivateKeyPlaintext },
        retired: true,
      }
    : current;
}
