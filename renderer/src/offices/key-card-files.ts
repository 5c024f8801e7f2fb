import { readKeyCardBundle, exportKeyCardBundle } from '@shared/bundle/key-card-bundle';
import { memorySource } from '@shared/bytes/byte-io';
import { keyCardFileName } from '@shared/offices/key-card-file-name';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { importKeyCard, type ImportOutcome, type PartnerOffice, type TrustStore } from '@shared/offices/trust-store';
import type { BundleRefusal } from '@shared/bundle/bundle-refusal';
import { err, ok, type Ok, type Result } from '@shared/result';
import { writeBundleFile, type WrittenBundle } from '../bundle-io/write-bundle-file';
import { readSmallBundle } from '../bundle-io/ipc-byte-source';
import type { VaultDb } from '../vault/vault-db';
import type { OwnOffice } from './own-office';
import { saveTrustChanges } from './partner-offices';

const KEY_CARD_FILE_LIMIT = 256 * 1024;

/** Saves our key card (a public, self-signed key-card bundle) into a granted folder or drive. */
export function exportOwnKeyCard(
  kit: CryptoKit,
  shell: CasebridgeApi,
  own: OwnOffice,
  folderToken: string,
  now: number,
): Promise<Result<WrittenBundle, string>> {
  return writeBundleFile({
    kit,
    writer: shell.exchange,
    folderToken,
    expectedBytes: 4096,
    fileName: (built) => keyCardFileName(own.card.card.name, own.fingerprint, built.bundleId),
    build: (sink) => exportKeyCardBundle(kit, own, own.card, now, sink),
  });
}

export type ImportedCard = {
  readonly office: PartnerOffice;
  readonly outcome: ImportOutcome;
  readonly store: TrustStore;
};

/** Why a key card was not imported; a bundle refusal keeps its data, so the screen can word it. */
export type KeyCardImportError = {
  readonly ok: false;
  readonly error: { readonly code: string; readonly message: string; readonly refusal?: BundleRefusal };
};

/** Reads a partner's key-card file, checks it, and adds it to the partner list as unverified (or renews it). */
export async function importKeyCardFile(
  kit: CryptoKit,
  shell: CasebridgeApi,
  db: VaultDb,
  own: OwnOffice,
  store: TrustStore,
  fileToken: string,
  now: number,
): Promise<Ok<ImportedCard> | KeyCardImportError> {
  const bytes = await readSmallBundle(shell.exchange, fileToken, KEY_CARD_FILE_LIMIT);
  if (!bytes.ok) return bytes;
  const card = await readKeyCardBundle(kit, memorySource(bytes.value));
  if (!card.ok) return card;
  if (card.value.card.signingKey === own.card.card.signingKey)
    return err('own-card', 'This is your own office’s key card. Import the key card of the partner office instead.');
  const imported = importKeyCard(kit, store, card.value, now);
  if (!imported.ok) return err(imported.error.code, imported.error.message);
  const saved = await saveTrustChanges(db, kit, store, imported.value.store);
  if (!saved.ok) return err(saved.error.code, saved.error.message);
  return ok(imported.value);
}
