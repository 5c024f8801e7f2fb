import { z } from 'zod';
import type { PayloadBody } from '../bundle/bundle-payloads';
import type { JsonValue } from '../json/canonical-json';
import type { Case } from '../domain/case';
import { digestHexSchema, instantSchema, termCodeSchema } from '../domain/primitives';
import { outcomeSchema, type Outcome } from '../domain/redress';
import { recognitionOutcomeSchema } from '../domain/incoming-request';
import type { CaseBundleKind } from './exchange-policy';
import type { LedgerEntry } from './ledger-entry';
import { sharedCaseSchema, shareCase, type ShareableField, type SharedEvidence } from './shared-case';

/** What the sender chose in the export dialog. */
export type ExportChoice = {
  readonly kind: CaseBundleKind;
  readonly fields: readonly ShareableField[];
  readonly evidence: readonly SharedEvidence[];
  readonly message: string;
};

/**
 * The `case` object of a response: the answer itself, the responder's own reference, and (from responders that
 * record one) its decision on recognition: accepted, accepted in part or refused, with the grounds' codes.
 */
export const responseCaseSchema = z.strictObject({
  summary: z.string().min(1).max(20_000),
  responderReference: z.string().max(100),
  recognition: z
    .strictObject({ outcome: recognitionOutcomeSchema, grounds: z.array(termCodeSchema).max(50) })
    .optional(),
});

/** The `case` object of a challenge: the shared case plus what the challenger says. */
export const challengeCaseSchema = z.strictObject({
  shared: sharedCaseSchema,
  statement: z.string().max(20_000),
});

/** The `case` object of a decision: the workflow's own decision record, so the challenger's case can advance. */
export const decisionCaseSchema = z.strictObject({
  outcome: outcomeSchema,
  reasons: z.string().min(1).max(20_000),
  remedies: z
    .array(z.strictObject({ code: termCodeSchema, description: z.string().max(5_000), dueAt: instantSchema }))
    .max(50),
  evidenceHashes: z.array(digestHexSchema).max(256).optional(),
});

/**
 * The format's outcome speaks of the challenge; the workflow's of the measure challenged. A measure upheld
 * means the challenge was rejected, and so on.
 */
export const BUNDLE_OUTCOME: Record<Outcome, PayloadBody<'decision'>['outcome']> = {
  upheld: 'rejected',
  modified: 'partially-upheld',
  quashed: 'upheld',
};

/** Canonical JSON knows no `undefined` and wants NFC strings: normalise once here. */
export function toJson(value: unknown): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key.normalize('NFC')] = toJson(item);
    return out;
  }
  throw new TypeError(`Cannot put a ${typeof value} into a bundle.`);
}

function jsonObject(value: unknown): Record<string, JsonValue> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('Expected an object.');
  const out: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key.normalize('NFC')] = toJson(item);
  return out;
}

const optionalMessage = (message: string) => (message.trim() === '' ? {} : { message: message.normalize('NFC') });

export type BodyError = { readonly ok: false; readonly reason: string };
export type CaseBody =
  | { readonly ok: true; readonly kind: 'request'; readonly body: PayloadBody<'request'> }
  | { readonly ok: true; readonly kind: 'response'; readonly body: PayloadBody<'response'> }
  | { readonly ok: true; readonly kind: 'challenge'; readonly body: PayloadBody<'challenge'> }
  | { readonly ok: true; readonly kind: 'decision'; readonly body: PayloadBody<'decision'> };

/** The payload body for a case bundle, from exactly what the user chose (and, for answers, the bundle answered). */
export function caseBundleBody(c: Case, choice: ExportChoice, origin: LedgerEntry | undefined): CaseBody | BodyError {
  switch (choice.kind) {
    case 'request':
      return {
        ok: true,
        kind: 'request',
        body: {
          caseRef: c.references.local,
          case: jsonObject(shareCase(c, choice.fields, choice.evidence)),
          ...optionalMessage(choice.message),
        },
      };
    case 'response': {
      if (!origin || origin.kind !== 'request') return { ok: false, reason: 'this case did not come in as a request' };
      if (choice.message.trim() === '')
        return { ok: false, reason: 'write the response (what you found or did) before sending it' };
      const recognition = c.recognition && { outcome: c.recognition.outcome, grounds: [...c.recognition.grounds] };
      return {
        ok: true,
        kind: 'response',
        body: {
          caseRef: origin.caseRef ?? c.references.local,
          inReplyTo: origin.bundleId,
          case: jsonObject({ summary: choice.message, responderReference: c.references.local, recognition }),
          message: choice.message.normalize('NFC'),
        },
      };
    }
    case 'challenge': {
      if (!c.challenge) return { ok: false, reason: 'no challenge is lodged on this case' };
      return {
        ok: true,
        kind: 'challenge',
        body: {
          caseRef: c.references.local,
          grounds: [...c.challenge.grounds],
          case: jsonObject({ shared: shareCase(c, choice.fields, choice.evidence), statement: c.challenge.statement }),
          ...optionalMessage(choice.message),
        },
      };
    }
    case 'decision': {
      if (!origin || origin.kind !== 'challenge')
        return { ok: false, reason: 'this case did not come in as a challenge' };
      if (!c.decision) return { ok: false, reason: 'the challenge is not decided yet' };
      const remedies = c.remedies.map((remedy) => ({
        code: remedy.code,
        description: remedy.description,
        dueAt: remedy.dueAt,
      }));
      return {
        ok: true,
        kind: 'decision',
        body: {
          caseRef: origin.caseRef ?? c.references.local,
          outcome: BUNDLE_OUTCOME[c.decision.outcome],
          case: jsonObject({ outcome: c.decision.outcome, reasons: c.decision.reasons, remedies }),
          reasons: c.decision.reasons.normalize('NFC'),
        },
      };
    }
  }
}
