import type { AuditSigner } from '@shared/audit/event-signature';
import { eventSignerFromKey } from '@shared/audit/event-signature';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import type { Actor } from '@shared/domain/actor';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { fingerprintOf, importKeyCard, markVerified, type TrustStore } from '@shared/offices/trust-store';
import { err, type Result } from '@shared/result';
import type { SampleOfficeOptions } from '@shared/samples/sample-office';
import { samplePartnerCards } from '@shared/samples/sample-partners';
import type { DeriveKey, UnlockedPerson } from '@shared/vault/vault-keys';
import { unlockWithPassphrase } from '@shared/vault/vault-keys';
import { saveTrustChanges } from '../offices/partner-offices';
import { APP_KDF } from '../vault/kdf/app-kdf';
import { deriveInWorker } from '../vault/kdf/derive-in-worker';
import { OFFICE_PROFILE_ID } from '../vault/records/office-profile';
import { VAULT_HEADER_ROW_ID } from '../vault/vault-header-row';
import { VaultService, type VaultErrorCode, type VaultServiceOptions } from '../vault/vault-service';
import { vaultWrite } from '../vault/vault-write';

/**
 * The training office is a vault of its own, in its own IndexedDB database: nothing in it can be read from, or
 * written to, the real vault's database, and deleting it deletes that database alone.
 */
export const TRAINING_VAULT_DB_NAME = 'casebridge-training';

/** How many sample cases the training office starts with. */
export const TRAINING_CASES = 200;

/** The seed of the training office's sample data: its cases and its partner offices' key cards. */
export const TRAINING_SEED = 2026;

/**
 * The sample people of the training office. Their passphrases are printed on screen on purpose: the office holds
 * invented data only, and whoever trains must be able to sign in as each of them.
 */
export const TRAINING_PEOPLE = [
  { key: 'caseworker', name: 'Sam Sample', passphrase: 'sample caseworker lantern 42', roles: ['caseworker'] },
  { key: 'authoriser', name: 'Alex Example', passphrase: 'sample authoriser harbour 42', roles: ['authoriser'] },
  { key: 'reviewer', name: 'Robin Placeholder', passphrase: 'sample reviewer heron 42', roles: ['redress-officer'] },
] as const;

export type TrainingProgress =
  | { readonly step: 'vault' }
  | { readonly step: 'people' }
  | { readonly step: 'cases'; readonly done: number; readonly total: number };

/** The training office's vault: the app's KDF and worker (tests pass cheaper ones), its own database. */
export function createTrainingVaultService(
  kit: CryptoKit,
  options: Pick<VaultServiceOptions, 'kdf' | 'derive'> = {},
): VaultService {
  return new VaultService(kit, {
    kdf: options.kdf ?? APP_KDF,
    derive: options.derive ?? deriveInWorker,
    dbName: TRAINING_VAULT_DB_NAME,
  });
}

/** Whether a training office exists, asked without opening (and so creating) its database. */
export async function trainingOfficeExists(): Promise<boolean> {
  const databases = await indexedDB.databases();
  return databases.some((database) => database.name === TRAINING_VAULT_DB_NAME);
}

/** Deletes the training office's database (locking it first); the real vault's database is not touched. */
export async function deleteTrainingOffice(vault: VaultService): Promise<void> {
  vault.lock();
  vault.db.close();
  await vault.db.delete();
}

const BATCH = 20;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Creates the training office in `vault` (which must use TRAINING_VAULT_DB_NAME): the sample people with their
 * roles, the office profile, and TRAINING_CASES sample cases written in batches, yielding to the page between
 * batches so progress shows and the window stays responsive. Leaves the vault unlocked as the caseworker. `derive`
 * must be the one `vault` was made with (it opens the other sample people's keys to sign their steps).
 */
export async function setUpTrainingOffice(
  vault: VaultService,
  onProgress: (progress: TrainingProgress) => void,
  { now = new Date(), derive = deriveInWorker }: { readonly now?: Date; readonly derive?: DeriveKey } = {},
): Promise<Result<void, VaultErrorCode>> {
  if (vault.db.name !== TRAINING_VAULT_DB_NAME)
    return err('write-refused', 'Sample data goes into the training office only, never into a real vault.');
  const [caseworker, authoriser, reviewer] = TRAINING_PEOPLE;
  onProgress({ step: 'vault' });
  const created = await vault.create(caseworker.passphrase, caseworker.name);
  if (!created.ok) return created;
  const profiled = await vault.saveProfile({
    id: OFFICE_PROFILE_ID,
    officeName: 'Training office (sample data)',
    jurisdiction: 'DE',
    createdAt: now,
    referenceCode: 'TRN',
  });
  if (!profiled.ok) return profiled;
  const own = await vault.people.setUpOwnWorkingRoles([...caseworker.roles]);
  if (!own.ok) return own;
  onProgress({ step: 'people' });
  const others: UnlockedPerson[] = [];
  try {
    for (const person of [authoriser, reviewer]) {
      const added = await vault.people.addPerson(person.name, person.passphrase);
      if (!added.ok) return added;
      for (const role of person.roles) {
        const granted = await vault.people.changeRole(added.value.personId, role, 'granted');
        if (!granted.ok) return granted;
      }
      const opened = await unlockWithPassphrase({
        kit: vault.kit,
        derive,
        untrustedHeader: (await vault.db.vaultHeader.get(VAULT_HEADER_ROW_ID))?.header,
        personId: added.value.personId,
        passphrase: person.passphrase,
        floor: vault.kdfFloor,
      });
      if (!opened.ok) return opened;
      vault.kit.wipe(opened.value.vaultKey);
      others.push(opened.value.person);
    }
    const [second, third] = others;
    const me = vault.person;
    if (!second || !third || !me) return err('unknown-person', 'The sample people were not all set up.');
    const options: SampleOfficeOptions = {
      seed: TRAINING_SEED,
      now,
      people: {
        caseworker: { id: me.personId, role: 'caseworker' } satisfies Actor,
        authoriser: { id: second.personId, role: 'authoriser' },
        reviewer: { id: third.personId, role: 'redress-officer' },
      },
      sealing: { hash: (bytes) => vault.kit.hash(bytes, 32), signer: trainingSigner(vault, others) },
    };
    // The sample generator and the workflow behind it load only when a training office is set up, not with the
    // lock screen that offers it.
    const [{ sampleCases }, { toStoredEvent }] = await Promise.all([
      import('@shared/samples/sample-office'),
      import('../cases/stored-case'),
    ]);
    for (let from = 0; from < TRAINING_CASES; from += BATCH) {
      onProgress({ step: 'cases', done: from, total: TRAINING_CASES });
      await nextTask();
      const batch = sampleCases(options, Math.min(BATCH, TRAINING_CASES - from), from);
      const written = await vaultWrite(vault.db, [vault.db.cases, vault.db.events], async () => {
        await vault.db.cases.bulkAdd(batch.map((s) => s.case));
        await vault.db.events.bulkAdd(batch.flatMap((s) => s.events.map(toStoredEvent)));
      });
      if (!written.ok) return written;
    }
    onProgress({ step: 'cases', done: TRAINING_CASES, total: TRAINING_CASES });
    return await storeSamplePartners(vault, now);
  } finally {
    for (const person of others) vault.kit.wipe(person.signing.privateKey);
  }
}

/**
 * The sample partner offices, stored the way a person stores a partner: each key card checked and added by the trust
 * store, then written to the vault's partner list. The main partner is marked verified, as if its fingerprint had
 * been compared by phone, so the list shows both states; the others wait for a comparison a trainee can practise.
 */
async function storeSamplePartners(vault: VaultService, now: Date): Promise<Result<void, VaultErrorCode>> {
  let store: TrustStore = {};
  const cards = samplePartnerCards(vault.kit, TRAINING_SEED, now);
  for (const card of cards) {
    const imported = importKeyCard(vault.kit, store, card, now.getTime());
    if (!imported.ok) return err('write-refused', imported.error.message);
    store = imported.value.store;
  }
  const [main] = cards;
  if (main !== undefined) {
    const fingerprint = formatFingerprint(fingerprintOf(vault.kit, main));
    const verified = markVerified(vault.kit, store, main.card.signingKey, fingerprint, now.getTime());
    if (!verified.ok) return err('write-refused', verified.error.message);
    store = verified.value;
  }
  return saveTrustChanges(vault.db, vault.kit, {}, store);
}

/** Signs for the signed-in caseworker through the keyring, and for the two other sample people with their keys. */
function trainingSigner(vault: VaultService, others: readonly UnlockedPerson[]): AuditSigner {
  return {
    signerFor(actorId) {
      const other = others.find((person) => person.personId === actorId);
      return other
        ? eventSignerFromKey(vault.kit, other.personId, other.signing.privateKey)
        : vault.keyring.signerFor(actorId);
    },
  };
}
