import type { CryptoKit } from '../crypto/crypto-kit';
import { fromHex, toHex } from '../bytes/bytes';
import { signDomain, verifyDomain } from '../bundle/signing-domains';
import type { AuditEvent } from './audit-event';

/**
 * Signs for one person, with their own key (held by the vault's keyring in the app): audit event hashes, and the
 * changes they make to people's access (`shared/people/person-change.ts`), each under its own signing domain.
 */
export type EventSigner = {
  readonly personId: string;
  sign(eventHash: Uint8Array): Uint8Array;
  signPersonChange(changeHash: Uint8Array): Uint8Array;
};

/**
 * Who signs an act by `actorId`: that person, or — for an act of a partner office replayed from a bundle — the
 * person who imports it. Throws when no key of that person is unlocked: an event is never written unsigned.
 */
export type AuditSigner = { signerFor(actorId: string): EventSigner };

export class SignerUnavailableError extends Error {
  override readonly name = 'SignerUnavailableError';
  constructor(actorId: string) {
    super(`Nobody who may sign for ${actorId} is signed in; the act was not recorded.`);
  }
}

/** For code that only reads trails: it can sign nothing. */
export const READ_ONLY_SIGNER: AuditSigner = {
  signerFor(actorId) {
    throw new SignerUnavailableError(actorId);
  },
};

/** Acts of a partner office carry the office's key as actor id; a local person records (and signs) them. */
export const isOfficeActor = (actorId: string): boolean => actorId.startsWith('office:');

/** An EventSigner over a person's Ed25519 private key (domain-separated: each purpose signs under its own domain). */
export function eventSignerFromKey(kit: CryptoKit, personId: string, privateKey: Uint8Array): EventSigner {
  return {
    personId,
    sign: (eventHash) => signDomain(kit, 'auditEvent', privateKey, eventHash),
    signPersonChange: (changeHash) => signDomain(kit, 'personChange', privateKey, changeHash),
  };
}

/** A person's signing key as the verifier knows it: from a person certificate, or the vault's own person record. */
export type PersonKey = {
  readonly personId: string;
  readonly name: string;
  readonly publicKeyHex: string;
  /** When the key began to sign; the earliest of all keys is when personal signing began on this installation. */
  readonly validFrom: string;
  /** When the person's access was removed; events this key signed later are refused. */
  readonly revokedAt: string | null;
};

export type ForgedReason =
  'unknown-signer' | 'bad-signature' | 'signed-after-removal' | 'signer-not-actor' | 'unsigned-after-personal-signing';

export type EventSignatureVerdict =
  | { readonly status: 'signed'; readonly personId: string; readonly name: string; readonly revokedAt: string | null }
  | { readonly status: 'before-personal-signing' }
  | {
      readonly status: 'forged';
      readonly reason: ForgedReason;
      /** The person the event claims as its signer (or actor, for an unsigned one), and their name if known. */
      readonly personId: string;
      readonly name: string | null;
    };

/** When personal signing began: the earliest key's start, or null when no key is known yet. */
export function personalSigningSince(keys: readonly PersonKey[]): string | null {
  return keys.reduce<string | null>((min, key) => (min === null || key.validFrom < min ? key.validFrom : min), null);
}

/**
 * Checks one event's signature. An unsigned (version 1) event is accepted only from before personal signing began;
 * a signed one must be signed by its actor (or, for a partner office's act, by a known person), with a key of theirs
 * that was not yet revoked at the event's time.
 */
export function checkEventSignature(
  kit: CryptoKit,
  event: AuditEvent,
  keys: readonly PersonKey[],
  since: string | null,
): EventSignatureVerdict {
  if (event.formatVersion === 1) {
    if (since !== null && event.at >= since) return forged('unsigned-after-personal-signing', event.actor.id, keys);
    return { status: 'before-personal-signing' };
  }
  if (event.signedBy !== event.actor.id && !isOfficeActor(event.actor.id))
    return forged('signer-not-actor', event.signedBy, keys);
  const own = keys.filter((key) => key.personId === event.signedBy);
  if (own.length === 0) return forged('unknown-signer', event.signedBy, keys);
  const digest = fromHex(event.hash, 32);
  const signature = fromHex(event.signature, 64);
  const key = own.find((candidate) => {
    const publicKey = fromHex(candidate.publicKeyHex, 32);
    return (
      digest !== undefined &&
      signature !== undefined &&
      publicKey !== undefined &&
      verifyDomain(kit, 'auditEvent', signature, publicKey, digest)
    );
  });
  if (!key) return forged('bad-signature', event.signedBy, keys);
  if (key.revokedAt !== null && event.at > key.revokedAt) return forged('signed-after-removal', key.personId, keys);
  return { status: 'signed', personId: key.personId, name: key.name, revokedAt: key.revokedAt };
}

function forged(reason: ForgedReason, personId: string, keys: readonly PersonKey[]): EventSignatureVerdict {
  return { status: 'forged', reason, personId, name: keys.find((key) => key.personId === personId)?.name ?? null };
}

export const FORGED_MESSAGES: Record<ForgedReason, string> = {
  'unknown-signer': 'is signed by someone this office never certified',
  'bad-signature': 'does not match its signature: it was forged or edited after it was signed',
  'signed-after-removal': 'was signed after the person’s access was removed',
  'signer-not-actor': 'is signed by someone other than the person it names as having acted',
  'unsigned-after-personal-signing': 'is unsigned but dated after personal signing began',
};

/** The sentence a verifier prints for a forged event, naming the event and the person it claims. */
export function forgedEventMessage(
  index: number,
  eventId: string,
  verdict: Extract<EventSignatureVerdict, { status: 'forged' }>,
): string {
  const who = verdict.name === null ? verdict.personId : `${verdict.name} (${verdict.personId})`;
  return `Audit event ${index + 1} (${eventId}), claimed by ${who}, ${FORGED_MESSAGES[verdict.reason]}.`;
}

/** The hex of a public key, as PersonKey carries it. */
export const publicKeyHex = (publicKey: Uint8Array): string => toHex(publicKey);
