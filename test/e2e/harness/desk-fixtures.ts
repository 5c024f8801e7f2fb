import type { BundleKind } from '@shared/bundle/bundle-kinds';
import type { PayloadBody } from '@shared/bundle/bundle-payloads';
import { exportKeyCardBundle, readKeyCardBundle } from '@shared/bundle/key-card-bundle';
import { readBundleFrame } from '@shared/bundle/read-bundle-frame';
import { memorySink, memorySource } from '@shared/bytes/byte-io';
import { createKeyCard, type SignedKeyCard } from '@shared/offices/key-card';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { signingOffice } from '@shared/offices/signing-office';
import { fingerprintOf } from '@shared/offices/trust-store';
import { busyStories, officeReport, oversightBundle } from '../../unit/oversight/desk-reports';
import { CASEWORKER, PERSON_ID, Story, kit } from '../../unit/oversight/desk-trails';

/**
 * What three offices send an oversight desk, made in Node with the real workflow, audit export and bundle builders
 * (bundled by the spec with rolldown, which reads the vocabularies' JSON as the app's build does).
 */
const DAY = 86_400_000;
const H1 = { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' };
export const OFFICE_NAMES = ['Office Berlin', 'Office Hamburg', 'Office Munich'] as const;

function office(n: number, name: string, now: number) {
  const identity = generateOfficeIdentity(kit, {
    signing: new Uint8Array(32).fill(n),
    box: new Uint8Array(32).fill(n + 100),
  });
  const card = createKeyCard(
    signingOffice(kit, identity),
    { name, jurisdiction: 'DE' },
    { validFrom: now - DAY, validUntil: now + 365 * DAY },
  );
  return { identity, card, name };
}
type Office = ReturnType<typeof office>;

async function bundleBytes<K extends BundleKind>(
  kind: K,
  body: PayloadBody<K>,
  from: Office,
  to: SignedKeyCard,
  sequence: number,
  now: number,
  exportBytes?: Uint8Array,
): Promise<Uint8Array> {
  return oversightBundle(kind, body, from.identity, to, sequence, now, exportBytes);
}

/** Berlin's one late notice: deferred for 30 days, told 45 days later. */
function lateNotice(): Story {
  const story = new Story('berlin-late').answered();
  story.advance(1).act(CASEWORKER, {
    type: 'defer-notice',
    personId: PERSON_ID,
    reasons: 'Telling now would alert a suspect.',
    reviewAt: story.iso(30),
  });
  story.advance(45).act(CASEWORKER, { type: 'issue-notice', personId: PERSON_ID, method: 'email', language: 'fr' });
  return story;
}

/**
 * The offices' key-card files and fingerprints, each one's period report for the first half of 2026 addressed to the
 * desk whose key-card file is `deskCardFile`, and Berlin's answer to a recommendation file.
 */
export async function deskFixtures(deskCardFile: Uint8Array, now: number) {
  const desk = await readKeyCardBundle(kit, memorySource(deskCardFile));
  if (!desk.ok) throw new Error(desk.error.message);
  const offices = OFFICE_NAMES.map((name, i) => office(41 + i, name, now));
  const berlin = offices[0];
  if (!berlin) throw new Error('no office');
  const sent = await Promise.all(
    offices.map(async (o) => {
      const sink = memorySink();
      const card = await exportKeyCardBundle(kit, signingOffice(kit, o.identity), o.card, now, sink);
      if (!card.ok) throw new Error(card.error.message);
      const stories = [...busyStories(o.name.slice(7).toLowerCase()), ...(o === berlin ? [lateNotice()] : [])];
      const report = officeReport(o.identity, o.name, stories, H1, '2026-11-20T00:00:00.000Z');
      const tables = structuredClone(report.tables) as PayloadBody<'period-report'>['tables'];
      return {
        name: o.name,
        cardFile: sink.bytes(),
        fingerprint: formatFingerprint(fingerprintOf(kit, o.card)),
        reportFile: await bundleBytes(
          'period-report',
          { period: report.period, tables },
          o,
          desk.value,
          1,
          now,
          report.exportBytes,
        ),
      };
    }),
  );
  const answer = async (recommendationFile: Uint8Array, text: string) => {
    const { header } = await readBundleFrame(kit, memorySource(recommendationFile));
    return bundleBytes(
      'recommendation-response',
      { inReplyTo: header.bundleId, answer: text },
      berlin,
      desk.value,
      2,
      now,
    );
  };
  return { offices: sent, answer };
}

/**
 * The other end: an oversight body (made in Node) whose key-card file an office imports, and its recommendation to
 * the office whose key-card file is `officeCardFile`, about a case the office does not hold.
 */
export async function bodyFixtures(officeCardFile: Uint8Array, now: number) {
  const target = await readKeyCardBundle(kit, memorySource(officeCardFile));
  if (!target.ok) throw new Error(target.error.message);
  const body = office(60, 'Data Protection Board', now);
  const sink = memorySink();
  const card = await exportKeyCardBundle(kit, signingOffice(kit, body.identity), body.card, now, sink);
  if (!card.ok) throw new Error(card.error.message);
  const recommendation = await bundleBytes(
    'recommendation',
    {
      findings: [
        {
          type: 'notice-late',
          caseRef: 'case-00112233aabbccdd',
          eventHash: 'ab'.repeat(32),
          dueAt: new Date(now - 20 * DAY).toISOString(),
        },
      ],
      action: 'Give notice by the review date of each deferral.',
      answerBy: new Date(now + 14 * DAY).toISOString(),
    },
    body,
    target.value,
    1,
    now,
  );
  /** What the answer file's signed header says: its kind, who sent it and to whom. */
  const readAnswer = async (file: Uint8Array) => {
    const { header } = await readBundleFrame(kit, memorySource(file));
    return { kind: header.kind, sender: header.sender, toBody: header.recipients.length === 1 };
  };
  return {
    name: body.name,
    cardFile: sink.bytes(),
    fingerprint: formatFingerprint(fingerprintOf(kit, body.card)),
    recommendation,
    officeKey: target.value.card.signingKey,
    readAnswer,
  };
}
