import { z } from 'zod';
import { memorySink } from '@shared/bytes/byte-io';
import { toHex } from '@shared/bytes/bytes';
import type { BuiltBundle } from '@shared/bundle/build-bundle';
import { buildPublicBundle } from '@shared/bundle/public-bundle';
import { BUNDLE_KINDS } from '@shared/bundle/bundle-kinds';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { signedKeyCardSchema } from '@shared/offices/key-card';
import { keyCardFileName, revocationFileName } from '@shared/offices/key-card-file-name';
import { officeFingerprint } from '@shared/offices/fingerprint';
import { checkRevocationDate, rotateOfficeKeys, type DrillReason } from '@shared/offices/key-rotation';
import { signedRevocationSchema } from '@shared/offices/revocation';
import { signingOffice } from '@shared/offices/signing-office';
import { err, ok, type Result } from '@shared/result';
import type { VaultDb } from '../vault/vault-db';
import { vaultWrite } from '../vault/vault-write';
import type { OfficeProfile } from '../vault/records/office-profile';
import { KEY_CARD_VALIDITY_MS, OWN_KEYS_ID, keyBytes, ownKeysRecordSchema } from './own-office';

const RETIRED_PREFIX = 'retired:';

const drillFileSchema = z.strictObject({
  fileName: z.string(),
  bundleId: z.string(),
  kind: z.enum(BUNDLE_KINDS),
  size: z.number(),
  headerDigest: z.string(),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes'),
});

/**
 * A key this office signed with until a lost-laptop drill. Its signing private key is gone (this installation signs
 * with the new key only); its box key stays, so bundles partners still address to it open. The two bundles the drill
 * built are kept as written, because only the old key could sign the revocation again.
 */
const retiredKeysRecordSchema = z.strictObject({
  id: z.string().startsWith(RETIRED_PREFIX),
  officeId: z.literal('retired'),
  createdAt: z.date(),
  retiredAt: z.date(),
  signingPublicKey: keyBytes(32),
  boxPublicKey: keyBytes(32),
  boxPrivateKeyPlaintext: keyBytes(32),
  card: signedKeyCardSchema,
  successor: z.string(),
  revocation: signedRevocationSchema,
  files: z.array(drillFileSchema),
});

export type RetiredKeys = z.infer<typeof retiredKeysRecordSchema>;
/** What the drill screen shows and writes: the retired keys without their private half. */
export type DrillRecord = Omit<RetiredKeys, 'boxPrivateKeyPlaintext'>;

/** The public part of `keys`; the private box key copy in memory is wiped. */
export function drillRecordOf(kit: CryptoKit, keys: RetiredKeys): DrillRecord {
  const { boxPrivateKeyPlaintext, ...record } = keys;
  kit.wipe(boxPrivateKeyPlaintext);
  return record;
}
export type DrillFile = z.infer<typeof drillFileSchema>;
export type DrillInput = { readonly reason: DrillReason; readonly revokedAt: number; readonly note?: string };
export type RotationErrorCode =
  | 'DRILL_DATE_FUTURE'
  | 'DRILL_DATE_BEFORE_KEY'
  | 'keys-corrupt'
  | 'rotated-elsewhere'
  | 'build-failed'
  | 'storage-full'
  | 'vault-locked'
  | 'vault-read-only'
  | 'write-refused'
  | 'write-failed';

/** The keys retired by drills on this installation, newest first (damaged rows are left out). */
export async function loadRetiredKeys(db: VaultDb): Promise<RetiredKeys[]> {
  const rows: unknown[] = await db.officeKeys.where('officeId').equals('retired').toArray();
  return rows
    .flatMap((row) => {
      const parsed = retiredKeysRecordSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.retiredAt.getTime() - a.retiredAt.getTime());
}

/** The signing keys (hex) a drill retired, for telling our own old bundles apart; no secret is kept. */
export async function retiredSigningKeys(db: VaultDb, kit: CryptoKit): Promise<string[]> {
  const retired = await loadRetiredKeys(db);
  for (const keys of retired) kit.wipe(keys.boxPrivateKeyPlaintext);
  return retired.map((keys) => toHex(keys.signingPublicKey));
}

async function built(
  build: (sink: ReturnType<typeof memorySink>) => Promise<Result<BuiltBundle, string>>,
  fileName: (bundle: BuiltBundle) => string,
): Promise<Result<DrillFile, 'build-failed'>> {
  const sink = memorySink();
  const result = await build(sink);
  if (!result.ok) return err('build-failed', result.error.message);
  return ok({ ...result.value, fileName: fileName(result.value), bytes: sink.bytes() });
}

/**
 * The lost-laptop drill on this installation: a new identity whose card the old key signs, the old key's revocation
 * from `input.revokedAt`, both built as bundles, and — in one transaction — the new keys as this office's own and the
 * old ones as retired. Nothing is stored if any step fails; the caller then writes `files` to a drive.
 */
export async function rotateOwnOffice(
  db: VaultDb,
  kit: CryptoKit,
  profile: OfficeProfile,
  input: DrillInput,
  now: number,
): Promise<Result<DrillRecord, RotationErrorCode>> {
  const untrusted: unknown = await db.officeKeys.get(OWN_KEYS_ID);
  const current = ownKeysRecordSchema.safeParse(untrusted);
  if (!current.success)
    return err('keys-corrupt', "This office's keys could not be read. Restore the vault from a backup first.");
  const { card: oldCard, createdAt, id: _id, officeId: _officeId, ...oldIdentity } = current.data;
  const date = checkRevocationDate(input.revokedAt, now, createdAt.getTime());
  // The unwrapped old signing key goes to a signer: it signs the successor's card and its own revocation, no more.
  const old = signingOffice(kit, oldIdentity);
  if (!date.ok) {
    old.signer.wipe();
    kit.wipe(old.boxPrivateKeyPlaintext);
    return date;
  }
  const rotation = rotateOfficeKeys(
    kit,
    old.signer,
    { name: profile.officeName, jurisdiction: profile.jurisdiction },
    { validFrom: now, validUntil: now + KEY_CARD_VALIDITY_MS },
    input,
  );
  /** The signers own both signing keys (the same bytes as the identities): wiping them zeroes the keys. */
  const wipeSigningKeys = () => {
    rotation.office.signer.wipe();
    old.signer.wipe();
  };
  /** A failed build stores nothing: every key copy in memory goes. */
  const abandon = <F>(failure: F): F => {
    wipeSigningKeys();
    kit.wipe(rotation.identity.boxPrivateKeyPlaintext, old.boxPrivateKeyPlaintext);
    return failure;
  };
  const name = rotation.card.card.name;
  const cardFile = await built(
    (sink) => buildPublicBundle(kit, 'key-card', { card: rotation.card }, rotation.office, now, sink),
    (bundle) => keyCardFileName(name, officeFingerprint(kit, rotation.office.signer.publicKey), bundle.bundleId),
  );
  if (!cardFile.ok) return abandon(cardFile);
  const revocationFile = await built(
    (sink) => buildPublicBundle(kit, 'revocation', { revocation: rotation.revocation }, old, now, sink),
    (bundle) => revocationFileName(name, officeFingerprint(kit, old.signer.publicKey), bundle.bundleId),
  );
  if (!revocationFile.ok) return abandon(revocationFile);
  const oldKey = toHex(old.signer.publicKey);
  const retired: RetiredKeys = {
    id: `${RETIRED_PREFIX}${oldKey}`,
    officeId: 'retired',
    createdAt,
    retiredAt: new Date(now),
    signingPublicKey: old.signer.publicKey,
    boxPublicKey: old.boxPublicKey,
    boxPrivateKeyPlaintext: old.boxPrivateKeyPlaintext,
    card: oldCard,
    successor: rotation.card.card.signingKey,
    revocation: rotation.revocation,
    files: [revocationFile.value, cardFile.value],
  };
  const saved = await vaultWrite(db, [db.officeKeys], async () => {
    // Checked inside the transaction: a second window must not rotate the same key to another successor.
    const inside = ownKeysRecordSchema.safeParse(await db.officeKeys.get(OWN_KEYS_ID));
    if (!inside.success || toHex(inside.data.signingPublicKey) !== oldKey) return false;
    await db.officeKeys.put({
      id: OWN_KEYS_ID,
      officeId: OWN_KEYS_ID,
      createdAt: new Date(now),
      ...rotation.identity,
      card: rotation.card,
    });
    await db.officeKeys.put(retired);
    return true;
  });
  // The copies in memory go: the vault holds the new keys and the old box key; the old signing key is dropped here.
  wipeSigningKeys();
  kit.wipe(rotation.identity.boxPrivateKeyPlaintext);
  if (!saved.ok) return saved;
  if (!saved.value)
    return err('rotated-elsewhere', "This office's key was already replaced in another window. Reopen Settings.");
  return ok(drillRecordOf(kit, retired));
}
