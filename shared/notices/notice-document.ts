import type { Case } from '../domain/case';
import type { Language } from '../domain/primitives';
import { citizenLabel, VOCABULARIES } from '../vocab/vocabulary';
import { labelList } from './label-list';
import { fill, NOTICE_TEXTS } from './notice-texts';
import { freeTextFor, type PrintedFreeText } from './free-text';

/**
 * A printable letter: a title, labelled fields (the legally required particulars), the salutation as a paragraph
 * of its own, sections of text, then the closing formula and the signature. Vocabulary terms are citizen labels
 * (shared/notices/terminology.md lists them per language).
 */
export type PrintableDocument = {
  readonly language: Language;
  readonly title: string;
  readonly fields: readonly { readonly label: string; readonly value: string }[];
  readonly salutation: string;
  readonly sections: readonly {
    readonly heading: string;
    readonly paragraphs: readonly string[];
    readonly list?: readonly string[];
  }[];
  readonly closing: string;
  readonly signature: string;
};

export type NoticeProblem = {
  readonly code: 'unknown-person' | 'no-decision' | 'no-challenge' | 'not-inadmissible';
  readonly message: string;
};

export type DocumentOptions = {
  readonly language: Language;
  readonly officeName: string;
  /** The date the document carries (ISO instant). */
  readonly at: string;
  /** Where dates are shown: the office's time zone. */
  readonly timeZone: string;
  /** How the person can reach the office (Settings → Office letterhead); each line only where it is set. */
  readonly letterhead?: { readonly postalAddress?: string; readonly email?: string; readonly phone?: string };
  /** Who signs: the person signed in when the document is made. Without one, the office signs. */
  readonly signer?: string;
};

/** The sender's lines at the top: office and postal address, then email and phone where the office has set them. */
export function senderFields(options: DocumentOptions): { label: string; value: string }[] {
  const t = NOTICE_TEXTS[options.language];
  const address = (options.letterhead?.postalAddress ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const contact = [options.letterhead?.email, options.letterhead?.phone].map((v) => v?.trim() ?? '').filter(Boolean);
  return [
    { label: t.fields.from, value: [options.officeName, ...address].join(', ') },
    ...(contact.length > 0 ? [{ label: t.fields.contact, value: contact.join(' · ') }] : []),
  ];
}

/** The signature: the person who made the document, for the office; or the office alone. */
export function signatureOf(options: DocumentOptions): string {
  const t = NOTICE_TEXTS[options.language];
  const signer = options.signer?.trim() ?? '';
  return signer === ''
    ? fill(t.signature, { office: options.officeName })
    : fill(t.signatureSigned, { signer, office: options.officeName });
}

/** Free text as printed: its version in the document's language, or the original under the visible marker. */
export const printedParagraphs = (printed: PrintedFreeText): string[] =>
  printed.untranslatedMarker ? [printed.untranslatedMarker, printed.text] : [printed.text];

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', es: 'es-ES' };

export function formatDocumentDate(iso: string, language: Language, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat(LOCALES[language], { timeZone, dateStyle: 'long' }).format(new Date(iso));
  // French writes the first day of a month as an ordinal: « 1er avril 2026 », not « 1 avril 2026 ».
  return language === 'fr' ? formatted.replace(/^1 /u, '1er ') : formatted;
}

export const jurisdictionName = (code: string, language: Language) => citizenLabel('jurisdictions', code, language);

/**
 * The standard notice to one affected person, in `options.language`: who acted, what was done under which legal
 * basis and why, which data over which period, the person's rights, the challenge deadline and the remedies.
 */
export function buildNotice(
  c: Case,
  personId: string,
  options: DocumentOptions & { readonly challengeDeadline: string | null },
): PrintableDocument | NoticeProblem {
  const person = c.affectedPeople.find((p) => p.id === personId);
  if (!person) return { code: 'unknown-person', message: `affected person "${personId}" is not on this case` };
  const { language, officeName, timeZone } = options;
  const t = NOTICE_TEXTS[language];
  const date = (iso: string) => formatDocumentDate(iso, language, timeZone);
  const categories = labelList(
    c.dataCategories.map(
      (d) =>
        `${citizenLabel('data-categories', d.code, language)}${d.sensitivity === 'sensitive' ? ` (${t.body.sensitive})` : ''}`,
    ),
    language,
  );
  const legalBasis = [
    c.legalBasis.code ? citizenLabel('legal-bases', c.legalBasis.code, language) : '',
    c.legalBasis.text.trim(),
  ]
    .filter(Boolean)
    .join(' — ');
  const values = {
    name: person.name,
    office: officeName,
    kind: t.kinds[c.kind],
    reference: c.references.local,
    deadline: options.challengeDeadline ? date(options.challengeDeadline) : '',
  };
  const fields = [
    { label: t.fields.reference, value: c.references.local },
    { label: t.fields.date, value: date(options.at) },
    ...senderFields(options),
    { label: t.fields.to, value: `${person.name}, ${person.contactForNotice}` },
    { label: t.fields.legalBasis, value: legalBasis },
    ...(c.partnerJurisdiction
      ? [{ label: t.fields.partner, value: jurisdictionName(c.partnerJurisdiction, language) }]
      : []),
    ...(categories !== '' ? [{ label: t.fields.dataCategories, value: categories }] : []),
    {
      label: t.fields.timeRange,
      value: c.dataTimeRange ? `${date(c.dataTimeRange.from)} – ${date(c.dataTimeRange.to)}` : t.body.noTimeRange,
    },
    ...(options.challengeDeadline ? [{ label: t.fields.challengeBy, value: date(options.challengeDeadline) }] : []),
  ];
  const whatParagraphs = [fill(t.body.what, values)];
  if (c.emergency) whatParagraphs.push(fill(t.body.emergency, { sunset: date(c.emergency.sunsetAt) }));
  return {
    language,
    title: t.noticeTitle,
    fields,
    salutation: fill(t.salutation, values),
    sections: [
      { heading: t.headings.what, paragraphs: whatParagraphs },
      { heading: t.headings.why, paragraphs: printedParagraphs(freeTextFor(c, 'purpose', language)) },
      { heading: t.headings.rights, paragraphs: [t.body.rights] },
      {
        heading: t.headings.challenge,
        paragraphs: options.challengeDeadline
          ? [fill(t.body.challenge, values), t.body.notLimiting]
          : [fill(t.body.challengeNoDate, values)],
      },
      {
        heading: t.headings.remedies,
        paragraphs: [t.body.remediesIntro],
        list: VOCABULARIES.remedies.terms.map((term) => citizenLabel('remedies', term.code, language)),
      },
      {
        // Every remedy the person has, beyond the internal challenge: the courts of the issuing State, and a
        // complaint to a supervisory authority (GDPR Art. 77 and 79; Directive 2016/680 Art. 52 and 54).
        heading: t.headings.otherRemedies,
        paragraphs: [
          fill(t.body.judicialRemedy, { state: jurisdictionName(c.originatingJurisdiction, language) }),
          t.body.complaint,
        ],
      },
    ],
    closing: t.closings.notice,
    signature: signatureOf(options),
  };
}

/** The decision letter to the challenger (or the first affected person when a party challenged). */
export function buildDecisionLetter(c: Case, options: DocumentOptions): PrintableDocument | NoticeProblem {
  if (!c.challenge) return { code: 'no-challenge', message: 'the case has no challenge to decide' };
  if (!c.decision) return { code: 'no-decision', message: 'the challenge has not been decided yet' };
  const { language, timeZone } = options;
  const t = NOTICE_TEXTS[language];
  const date = (iso: string) => formatDocumentDate(iso, language, timeZone);
  const challengerId = c.challenge.personId;
  const person = c.affectedPeople.find((p) => p.id === challengerId) ?? c.affectedPeople[0];
  const name = person?.name ?? '';
  const remedies = c.remedies.map((r) => {
    const remedy = citizenLabel('remedies', r.code, language);
    const detail = r.description.trim();
    const what = detail === '' ? remedy : fill(t.body.remedyDetail, { remedy, detail });
    return `${what} — ${fill(t.body.remedyDue, { due: date(r.dueAt) })}`;
  });
  return {
    language,
    title: t.letterTitle,
    fields: [
      { label: t.fields.reference, value: c.references.local },
      { label: t.fields.date, value: date(options.at) },
      ...senderFields(options),
      ...(person ? [{ label: t.fields.to, value: `${person.name}, ${person.contactForNotice}` }] : []),
      {
        label: t.fields.grounds,
        value: labelList(
          c.challenge.grounds.map((g) => citizenLabel('challenge-grounds', g, language)),
          language,
        ),
      },
      { label: t.fields.outcome, value: citizenLabel('outcomes', c.decision.outcome, language) },
      { label: t.fields.decidedOn, value: date(c.decision.decidedAt) },
    ],
    salutation: fill(t.salutation, { name }),
    sections: [
      {
        heading: t.headings.decision,
        paragraphs: [fill(t.body.letterOpening, { date: date(c.challenge.lodgedAt) }), t.outcomes[c.decision.outcome]],
      },
      { heading: t.headings.reasons, paragraphs: printedParagraphs(freeTextFor(c, 'decision-reasons', language)) },
      remedies.length > 0
        ? { heading: t.headings.ordered, paragraphs: [], list: remedies }
        : { heading: t.headings.ordered, paragraphs: [t.body.noRemedies] },
      { heading: t.headings.further, paragraphs: [t.body.further] },
    ],
    closing: t.closings.decision,
    signature: signatureOf(options),
  };
}

export const isNoticeProblem = (value: PrintableDocument | NoticeProblem): value is NoticeProblem => 'code' in value;
