import { sealAuditEvent } from '../audit/audit-chain';
import type { AuditSealing } from '../audit/audit-chain';
import { EMPTY_AUDIT_HEAD } from '../audit/audit-event';
import type { AuditEvent } from '../audit/audit-event';
import type { Actor } from '../domain/actor';
import type { Case } from '../domain/case';
import { CASE_KINDS } from '../domain/case-stage';
import type { CaseKind } from '../domain/case-stage';
import { importedPersonId, LANGUAGES } from '../domain/primitives';
import type { Language } from '../domain/primitives';
import type { Party } from '../domain/parties';
import { PROCEDURE_TEMPLATES, proceduresFor } from '../procedures/procedure-registry';
import type { ProcedureRef } from '../procedures/procedure-template';
import { refusalGroundsFor } from '../vocab/vocabulary';
import { describeWorkflowMessages } from '../workflow/describe-workflow-message';
import { openCase } from '../workflow/open-case';
import { openIncomingCase } from '../workflow/open-incoming-case';
import type { IncomingCaseInput } from '../workflow/open-incoming-case';
import { transition } from '../workflow/transition';
import type { DraftChanges, WorkflowAction } from '../workflow/workflow-action';
import type { OfficeSettings, TransitionResult, WorkflowContext } from '../workflow/workflow-types';
import { caseSeed, sampleRandom } from './sample-random';
import type { SampleRandom } from './sample-random';
import {
  SAMPLE_ADMISSIBILITY,
  SAMPLE_ASSESSMENT,
  SAMPLE_NAMES,
  SAMPLE_NOTES,
  SAMPLE_PARTNER_OFFICES,
  SAMPLE_PLATFORMS,
  SAMPLE_PURPOSES,
  SAMPLE_TITLES,
} from './sample-words';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The sample people who act on sample cases; the caller's signer must sign for each of their ids. */
export type SamplePeople = {
  /** Opens and carries cases: role caseworker (or both). */
  readonly caseworker: Actor;
  /** Authorises drafts: another person, so the second-person rule holds too. */
  readonly authoriser: Actor;
  /** Reviews challenges and decides: never a caseworker on the case. */
  readonly reviewer: Actor;
};

export type SampleOfficeOptions = {
  readonly seed: number;
  /** The generator's "now": no case acts after it; periods that ran out before it are overdue. */
  readonly now: Date;
  readonly people: SamplePeople;
  /** The hash and the signer that seal each event (the signer signs for every sample person). */
  readonly sealing: AuditSealing;
  readonly settings?: OfficeSettings;
  /** This office's jurisdiction and its code in references (DE-TRN-2026-0001). */
  readonly ownJurisdiction?: string;
  readonly officeCode?: string;
  /**
   * How many notes the caseworker adds to a case after its story, on average (each a real `add-note` step, sealed
   * and signed like any other). None by default; the large-office benchmark asks for six, so its trails average
   * about ten events, as a busy office's do.
   */
  readonly notesPerCase?: number;
};

export type SampleCase = { readonly case: Case; readonly events: readonly AuditEvent[] };

const DEFAULT_SETTINGS: OfficeSettings = { requireSecondPersonAuthorisation: true, holidayRegions: {} };

/**
 * How many distinct stories the office has: cases up to this number each run the real workflow from opening; every
 * later case retells one of them (`retold`). Running the workflow costs about 3 ms a case (deadline calendars,
 * canonical JSON, signing); retelling only re-seals the events, about a quarter of that, so 100,000 cases stay
 * within a bench's budget.
 */
export const SAMPLE_STORIES = 256;

const storyCache = new WeakMap<SampleOfficeOptions, SampleCase[]>();

/**
 * `count` sample cases, numbered from `from` (so a caller can generate and store them in batches). Deterministic for
 * the options' seed, people, "now" and signing keys.
 */
export function sampleCases(options: SampleOfficeOptions, count: number, from = 0): SampleCase[] {
  return Array.from({ length: count }, (_, i) => sampleCase(options, from + i));
}

/** Sample case number `index`: its own story below SAMPLE_STORIES, a retold story above. */
export function sampleCase(options: SampleOfficeOptions, index: number): SampleCase {
  let stories = storyCache.get(options);
  if (!stories) {
    stories = [];
    storyCache.set(options, stories);
  }
  const at = index % SAMPLE_STORIES;
  const story = (stories[at] ??= storyCase(options, at));
  return index < SAMPLE_STORIES ? story : retold(story, options, index);
}

/** The clock a case's story moves forward; it never passes the generator's "now". */
class StoryClock {
  constructor(public ms: number) {}
  now = () => new Date(this.ms);
  iso = (offsetMs = 0) => new Date(this.ms + offsetMs).toISOString();
}

/** One step of a story: how long after the last one it happens (or until when), who does what. */
type Beat = {
  /** Days after the last step (a range), or how long from the clock's time until the step can happen (null: never). */
  readonly after: readonly [minDays: number, maxDays: number] | ((c: Case, clockMs: number) => number | null);
  readonly actor: Actor;
  readonly action: (c: Case, clock: StoryClock) => WorkflowAction;
};

/**
 * Sample case number `index` of the office: opened by the real workflow and moved along a story of real steps,
 * each sealed and signed, until the story's chosen depth or the generator's "now", whichever comes first. Pure and
 * deterministic for (seed, index, people, now).
 */
function storyCase(options: SampleOfficeOptions, index: number): SampleCase {
  const rng = sampleRandom(caseSeed(options.seed, index));
  const nowMs = options.now.getTime();
  const clock = new StoryClock(nowMs - rng.int(1, 240) * DAY - rng.int(0, 10) * HOUR);
  const context: WorkflowContext = { ...options.sealing, clock, settings: options.settings ?? DEFAULT_SETTINGS };
  const own = options.ownJurisdiction ?? 'DE';
  const { id, reference } = identity(options, index, clock.ms);
  const draw = rng.next();
  const side = draw < 0.62 ? 'issuing' : draw < 0.88 ? 'executing' : 'redress-body';
  const kind = rng.pick(CASE_KINDS);
  const language: Language = rng.chance(0.4) ? 'en' : rng.pick(LANGUAGES);
  const platform = rng.pick(SAMPLE_PLATFORMS);
  // Most work is with the main partner office; some with the others.
  const partner = rng.chance(0.6) ? SAMPLE_PARTNER_OFFICES[0] : rng.pick(SAMPLE_PARTNER_OFFICES);
  if (!partner) throw new RangeError('There is no sample partner office.');
  const title = rng.pick(SAMPLE_TITLES[kind][language]).replace('{platform}', platform);
  const openedOn = clock.iso().slice(0, 10);
  const applicable = proceduresFor(kind, openedOn);
  const template = applicable.length > 0 ? rng.pick(applicable) : PROCEDURE_TEMPLATES[0];
  const procedure: ProcedureRef | undefined = template && { id: template.id, version: template.version };
  const facts = caseFacts(rng, kind, platform, partner.jurisdiction);
  const { caseworker } = options.people;

  const opened: TransitionResult =
    side === 'issuing'
      ? openCase(
          { id, reference, kind, title, originatingJurisdiction: own, procedure, textLanguage: language },
          caseworker,
          context,
        )
      : openIncomingCase(
          incomingInput(rng, { id, reference, kind, title, procedure, facts, partner, own, side, clock, caseworker }),
          caseworker,
          context,
        );
  if (!opened.ok)
    throw new Error(
      `Sample case ${index} could not open: ${describeWorkflowMessages(opened.refusal.missing).join('; ')}`,
    );
  const beats =
    side === 'issuing'
      ? issuingStory(rng, kind, facts, options.people)
      : side === 'executing'
        ? executingStory(rng, procedure, options.people)
        : redressStory(rng, options.people);
  // Every depth is as likely, so every stage of every story shows up; a draft is left half written.
  const depth = rng.int(0, beats.length);
  let current = opened.case;
  const events: AuditEvent[] = [opened.event];
  for (const beat of beats.slice(0, depth)) {
    const wait =
      typeof beat.after === 'function'
        ? beat.after(current, clock.ms)
        : rng.int(beat.after[0] * 24, beat.after[1] * 24) * HOUR;
    if (wait === null || clock.ms + wait > nowMs) break;
    clock.ms += wait;
    const action = beat.action(current, clock);
    const result = transition(current, beat.actor, action, context);
    if (!result.ok)
      throw new Error(
        `Sample case ${index} (${side} ${kind}): ${action.type} by ${beat.actor.id} refused: ${describeWorkflowMessages(result.refusal.missing).join('; ')}`,
      );
    current = result.case;
    events.push(result.event);
  }
  const notes = options.notesPerCase ? rng.int(0, 2 * options.notesPerCase) : 0;
  for (let n = 0; n < notes && current.stage !== 'purged'; n++) {
    // A few hours to two days after the last step, never past the generator's "now".
    clock.ms = Math.min(nowMs, clock.ms + rng.int(1, 48) * HOUR);
    const action: WorkflowAction = { type: 'add-note', text: rng.pick(SAMPLE_NOTES) };
    const result = transition(current, caseworker, action, context);
    if (!result.ok)
      throw new Error(
        `Sample case ${index}: a note was refused: ${describeWorkflowMessages(result.refusal.missing).join('; ')}`,
      );
    current = result.case;
    events.push(result.event);
  }
  return { case: current, events };
}

type Facts = Required<
  Pick<DraftChanges, 'purpose' | 'legalBasis' | 'dataCategoryCodes' | 'parties' | 'affectedPeople'>
>;

const LEGAL_BASES: Record<CaseKind, readonly string[]> = {
  'data-access-request': ['gdpr-61', 'eio-2014-41', 'epo-2023-1543-5'],
  'enforcement-action': ['gdpr-58-2', 'gdpr-58-1'],
  'rights-complaint': ['gdpr-77'],
};

function caseFacts(rng: SampleRandom, kind: CaseKind, platform: string, partner: string): Facts {
  const people = Array.from({ length: rng.int(1, 3) }, (_, n) => {
    const preferredLanguage = rng.pick(LANGUAGES);
    const names = SAMPLE_NAMES[preferredLanguage];
    const name = `${rng.pick(names.given)} ${rng.pick(names.family)}`;
    // The office's own id format (person-0000000N): a stored case accepts no other (R14).
    return { id: importedPersonId(n), name, contactForNotice: contactFor(rng, name), preferredLanguage };
  });
  const parties: Party[] = [{ id: 'platform', role: 'controller', name: platform, jurisdiction: partner }];
  return {
    purpose: SAMPLE_PURPOSES[kind],
    legalBasis: { code: rng.pick(LEGAL_BASES[kind]), text: 'Sample legal basis text.' },
    dataCategoryCodes:
      kind === 'data-access-request'
        ? rng.pick([['subscriber'], ['subscriber', 'traffic'], ['account-activity', 'financial']])
        : [],
    parties,
    affectedPeople: people,
  };
}

type IncomingContext = {
  readonly id: string;
  readonly reference: string;
  readonly kind: CaseKind;
  readonly title: string;
  readonly procedure: ProcedureRef | undefined;
  readonly facts: Facts;
  readonly partner: { readonly jurisdiction: string; readonly office: string; readonly code: string };
  readonly own: string;
  readonly side: 'executing' | 'redress-body';
  readonly clock: StoryClock;
  readonly caseworker: Actor;
};

function incomingInput(rng: SampleRandom, x: IncomingContext): IncomingCaseInput {
  const year = x.clock.iso().slice(0, 4);
  return {
    id: x.id,
    reference: x.reference,
    kind: x.kind,
    title: x.title,
    originatingJurisdiction: x.partner.jurisdiction,
    procedure: x.procedure,
    incoming: {
      receivedAt: x.clock.iso(),
      importedAt: x.clock.iso(),
      sentAt: x.clock.iso(-rng.int(1, 4) * DAY),
      from: {
        office: x.partner.office,
        jurisdiction: x.partner.jurisdiction,
        reference: `${x.partner.jurisdiction}-${x.partner.code}-${year}-${rng.int(100, 999)}`,
      },
      ownJurisdiction: x.own,
      bundleId: rng.hex(32),
      coveringNote: rng.chance(0.3) ? 'Sample covering note: please answer by the date in the procedure.' : null,
    },
    fields: { ...x.facts, assessment: { ...SAMPLE_ASSESSMENT } },
    opens:
      x.side === 'executing'
        ? { side: 'executing' }
        : {
            side: 'redress-body',
            challenge: {
              lodgedAt: x.clock.iso(),
              recordedBy: x.caseworker.id,
              personId: x.facts.affectedPeople[0]?.id ?? null,
              grounds: [rng.pick(['disproportionate', 'no-legal-basis', 'excessive-data', 'notice-not-given'])],
              statement: 'Sample statement: the person says more data was taken than the case needed.',
              attachmentIds: [],
            },
          },
  };
}

const days = (min: number, max: number): readonly [number, number] => [min, max];

/** After a decision: each remedy done, then the case closed. */
function decisionBeats(rng: SampleRandom, people: SamplePeople): Beat[] {
  const { caseworker, reviewer } = people;
  const remedies = rng.int(0, 2);
  const outcome = remedies === 0 ? 'upheld' : rng.pick(['modified', 'quashed'] as const);
  return [
    { after: days(1, 6), actor: reviewer, action: () => ({ type: 'begin-review' }) },
    {
      after: days(3, 20),
      actor: reviewer,
      action: (_c, clock) => ({
        type: 'decide',
        outcome,
        reasons: 'Sample reasons: the measure was weighed against the person’s statement.',
        remedies: Array.from({ length: remedies }, (_, n) => ({
          code: n === 0 ? 'erase-data' : 'inform-person',
          description:
            n === 0
              ? 'Erase the data taken beyond the case’s need (sample).'
              : 'Tell the person what was done (sample).',
          dueAt: clock.iso(rng.int(10, 40) * DAY),
        })),
      }),
    },
    ...Array.from({ length: remedies }, (): Beat => ({
      after: days(2, 25),
      actor: caseworker,
      action: (c) => ({
        type: 'complete-remedy',
        remedyId: c.remedies.find((r) => r.done === null)?.id ?? 'none',
        note: '',
      }),
    })),
    { after: days(1, 5), actor: caseworker, action: () => ({ type: 'close' }) },
  ];
}

/** Until the running challenge window has lapsed (an hour after its due time), or never if it has no end. */
function untilWindowLapsed(c: Case, clockMs: number): number | null {
  const window = c.deadlines.find((d) => d.purpose === 'challenge-window' && d.metAt === null);
  if (!window?.dueAt) return null;
  return Math.max(HOUR, Date.parse(window.dueAt) + HOUR - clockMs);
}

function issuingStory(rng: SampleRandom, kind: CaseKind, facts: Facts, people: SamplePeople): Beat[] {
  const { caseworker, authoriser } = people;
  const beats: Beat[] = [
    {
      after: days(0, 3),
      actor: caseworker,
      action: (_c, clock) => ({ type: 'update-draft', changes: draftChanges(kind, facts, clock) }),
    },
    { after: days(1, 5), actor: authoriser, action: () => ({ type: 'authorise' }) },
  ];
  // Some cases are withdrawn early, before they reach anyone (the right to know would hold them open after).
  if (rng.chance(0.08)) {
    const withdraw: Beat = {
      after: days(2, 15),
      actor: caseworker,
      action: () => ({ type: 'withdraw', reason: 'The platform fixed the problem itself (sample).' }),
    };
    return kind === 'data-access-request' ? [...beats, withdraw] : [...beats.slice(0, 1), withdraw];
  }
  if (kind === 'data-access-request') {
    beats.push(
      {
        after: days(0, 4),
        actor: caseworker,
        action: () => ({
          type: 'send-request',
          channel: rng.pick(['secure-network', 'post', 'courier'] as const),
          reference: `SN-${rng.int(1000, 9999)}`,
        }),
      },
      {
        after: days(5, 45),
        actor: caseworker,
        action: () => ({
          type: 'record-response',
          summary: 'Sample response: the subscriber record and three months of logins.',
        }),
      },
    );
  }
  if (kind !== 'rights-complaint') {
    for (const person of facts.affectedPeople)
      beats.push({
        after: days(1, 6),
        actor: caseworker,
        action: () => ({
          type: 'issue-notice',
          personId: person.id,
          method: rng.pick(['email', 'post', 'registered-post'] as const),
          language: person.preferredLanguage,
        }),
      });
  }
  const challenged = kind === 'rights-complaint' || rng.chance(0.55);
  if (!challenged) {
    return [
      ...beats,
      { after: untilWindowLapsed, actor: caseworker, action: () => ({ type: 'close-challenge-window' }) },
    ];
  }
  beats.push({
    after: days(1, 10),
    actor: caseworker,
    action: (c) => ({
      type: 'lodge-challenge',
      personId: c.affectedPeople[0]?.id ?? null,
      grounds: [rng.pick(['disproportionate', 'excessive-data', 'no-legal-basis', 'not-necessary'])],
      statement: 'Sample statement: the person objects to how much was taken.',
      attachmentIds: [],
    }),
  });
  return [...beats, ...decisionBeats(rng, people)];
}

function draftChanges(kind: CaseKind, facts: Facts, clock: StoryClock): DraftChanges {
  return {
    ...facts,
    // A complaint is admitted on its admissibility record; requests and measures on the four statements.
    ...(kind === 'rights-complaint'
      ? { admissibility: { ...SAMPLE_ADMISSIBILITY } }
      : { assessment: { ...SAMPLE_ASSESSMENT } }),
    retention: { purgeAt: clock.iso(730 * DAY), basis: 'Two years under the cooperation agreement (sample).' },
    partnerJurisdiction: facts.parties[0]?.jurisdiction ?? null,
  };
}

function executingStory(rng: SampleRandom, procedure: ProcedureRef | undefined, people: SamplePeople): Beat[] {
  const { caseworker } = people;
  const grounds = refusalGroundsFor(procedure?.id ?? '').map((g) => g.code);
  const draw = rng.next();
  const outcome = draw < 0.7 || grounds.length === 0 ? 'accepted' : draw < 0.85 ? 'accepted-in-part' : 'refused';
  return [
    {
      after: days(1, 12),
      actor: caseworker,
      action: () => ({
        type: 'decide-recognition',
        outcome,
        grounds: outcome === 'accepted' ? [] : [rng.pick(grounds)],
        reasons: outcome === 'accepted' ? '' : 'Sample reasons for not executing in full.',
      }),
    },
    {
      after: days(3, 30),
      actor: caseworker,
      action: () => ({ type: 'send-response', summary: 'Sample answer sent back to the partner office.' }),
    },
    { after: days(1, 5), actor: caseworker, action: () => ({ type: 'close' }) },
  ];
}

function redressStory(rng: SampleRandom, people: SamplePeople): Beat[] {
  return decisionBeats(rng, people);
}

function identity(options: SampleOfficeOptions, index: number, createdMs: number) {
  const year = new Date(createdMs).getUTCFullYear();
  const own = options.ownJurisdiction ?? 'DE';
  return {
    id: `sample-${(options.seed >>> 0).toString(36)}-${index}`,
    reference: `${own}-${options.officeCode ?? 'TRN'}-${year}-${String(index + 1).padStart(4, '0')}`,
  };
}

/**
 * The same story told of another case: new id, reference, platform, people's names and bundle, the same dates and
 * steps. Its events are sealed and signed again for the new case, exactly as the workflow sealed the story's.
 */
function retold(story: SampleCase, options: SampleOfficeOptions, index: number): SampleCase {
  const rng = sampleRandom(caseSeed(options.seed, index));
  const c = story.case;
  const { id, reference } = identity(options, index, Date.parse(c.createdAt));
  const platform = rng.pick(SAMPLE_PLATFORMS);
  const oldPlatform = c.parties[0]?.name ?? '';
  const bundleId = c.incoming ? rng.hex(32) : null;
  let head = EMPTY_AUDIT_HEAD;
  const events = story.events.map((event) => {
    const details = bundleId && 'bundleId' in event.details ? { ...event.details, bundleId } : event.details;
    const sealed = sealAuditEvent(id, head, { ...event, details }, options.sealing);
    head = sealed.head;
    return sealed.event;
  });
  const retoldCase: Case = {
    ...c,
    id,
    references: { ...c.references, local: reference },
    title: oldPlatform ? c.title.replace(oldPlatform, platform) : c.title,
    parties: c.parties.map((p) => (p.name === oldPlatform ? { ...p, name: platform } : p)),
    affectedPeople: c.affectedPeople.map((p) => {
      const names = SAMPLE_NAMES[p.preferredLanguage];
      const name = `${rng.pick(names.given)} ${rng.pick(names.family)}`;
      return { ...p, name, contactForNotice: contactFor(rng, name) };
    }),
    ...(c.incoming && bundleId ? { incoming: { ...c.incoming, bundleId } } : {}),
    audit: head,
  };
  return { case: retoldCase, events };
}

function contactFor(rng: SampleRandom, name: string): string {
  return rng.chance(0.7)
    ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`
    : `${rng.int(1, 99)} Sample Street, Exampletown`;
}
