import { type Case } from '@shared/domain/case';
import { CASE_KINDS, type CaseKind } from '@shared/domain/case-stage';
import { type Language } from '@shared/domain/primitives';
import { type DocumentOptions, type PrintableDocument } from '@shared/notices/notice-document';
import { alice, apply, completeDraftChanges, makeContext, open } from '../workflow/workflow-fixtures';

/**
 * One fixed case per kind, with its free text written in the letter's language, so a rendered letter is all in one
 * language. Dates fall on the first of a month where that tests a convention (French « 1er »).
 */
export { CASE_KINDS };
export const LETTER_LANGUAGES = ['en', 'fr', 'de', 'es'] as const satisfies readonly Language[];

type FreeText = {
  readonly office: string;
  readonly purpose: string;
  readonly reasons: string;
  readonly eraseWhat: string;
  readonly statement: string;
};

const FREE_TEXT: Record<Language, FreeText> = {
  en: {
    office: 'Data Protection Office of Quiet Harbour',
    purpose: 'To identify the operator of an account used for fraud.',
    reasons: 'Traffic data went beyond what was needed.',
    eraseWhat: 'traffic data for March',
    statement: 'Too much data was taken.',
  },
  fr: {
    office: 'Autorité de protection des données de Port-Tranquille',
    purpose: 'Identifier l’exploitant d’un compte utilisé pour commettre une fraude.',
    reasons: 'Les données relatives au trafic allaient au-delà de ce qui était nécessaire.',
    eraseWhat: 'données relatives au trafic du mois de mars',
    statement: 'Trop de données ont été collectées.',
  },
  de: {
    office: 'Datenschutzbehörde Stillhafen',
    purpose: 'Ermittlung des Betreibers eines für Betrug genutzten Kontos.',
    reasons: 'Die Verkehrsdaten gingen über das Erforderliche hinaus.',
    eraseWhat: 'Verkehrsdaten für März',
    statement: 'Es wurden zu viele Daten erhoben.',
  },
  es: {
    office: 'Autoridad de Protección de Datos de Puerto Sereno',
    purpose: 'Identificar al titular de una cuenta utilizada para cometer un fraude.',
    reasons: 'Los datos de tráfico excedían de lo necesario.',
    eraseWhat: 'datos de tráfico del mes de marzo',
    statement: 'Se recabaron demasiados datos.',
  },
};

/** What differs between the kinds: the legal basis, the data, an emergency, the outcome and its remedies. */
const BY_KIND: Record<
  CaseKind,
  Pick<Case, 'legalBasis' | 'dataCategories' | 'dataTimeRange' | 'partnerJurisdiction'> & {
    readonly emergency: boolean;
    readonly outcome: 'upheld' | 'modified' | 'quashed';
    readonly remedies: readonly ('erase-data' | 'notify-partner')[];
    readonly challengeDeadline: string | null;
    readonly signer?: string;
  }
> = {
  'data-access-request': {
    legalBasis: { code: 'epo-2023-1543-5', text: '' },
    dataCategories: [
      { code: 'subscriber', sensitivity: 'personal' },
      { code: 'identification', sensitivity: 'personal' },
      { code: 'traffic', sensitivity: 'sensitive' },
    ],
    dataTimeRange: { from: '2026-01-01T12:00:00Z', to: '2026-03-31T12:00:00Z' },
    partnerJurisdiction: 'FR',
    emergency: false,
    outcome: 'modified',
    remedies: ['erase-data', 'notify-partner'],
    challengeDeadline: '2026-05-01T21:59:59Z',
    signer: 'Ana Silva',
  },
  'enforcement-action': {
    legalBasis: { code: 'gdpr-58-2', text: '' },
    dataCategories: [{ code: 'account-activity', sensitivity: 'personal' }],
    dataTimeRange: null,
    partnerJurisdiction: 'IE',
    emergency: true,
    outcome: 'upheld',
    remedies: [],
    challengeDeadline: '2026-05-01T21:59:59Z',
  },
  'rights-complaint': {
    legalBasis: { code: 'national-law', text: '§ 40 BDSG' },
    dataCategories: [],
    dataTimeRange: null,
    partnerJurisdiction: 'ES',
    emergency: false,
    outcome: 'quashed',
    remedies: ['erase-data'],
    challengeDeadline: null,
  },
};

const base = (() => {
  const { clock, context } = makeContext('2026-03-02T09:00:00Z');
  const trail = open('data-access-request', context);
  return apply(
    trail,
    alice,
    { type: 'update-draft', changes: completeDraftChanges('data-access-request', clock) },
    context,
  ).case;
})();

const person = (() => {
  const first = base.affectedPeople[0];
  if (!first) throw new Error('the draft fixture has no affected person');
  return first;
})();

/** Versions of the English free text in the other three languages, as a translator records them. */
const versions = (field: 'purpose' | 'reasons') =>
  Object.fromEntries((['fr', 'de', 'es'] as const).map((l) => [l, FREE_TEXT[l][field]]));

/**
 * The decided case of `kind`. Its purpose and reasons are written in English with a recorded version in each
 * other language, as notices print them; the statement and remedy details are given in `language`.
 */
export function letterCase(kind: CaseKind, language: Language): Case {
  const k = BY_KIND[kind];
  const text = FREE_TEXT[language];
  return {
    ...base,
    kind,
    legalBasis: k.legalBasis,
    purpose: FREE_TEXT.en.purpose,
    textVersions: { original: 'en', purpose: versions('purpose'), 'decision-reasons': versions('reasons') },
    dataCategories: k.dataCategories,
    dataTimeRange: k.dataTimeRange,
    partnerJurisdiction: k.partnerJurisdiction,
    emergency: k.emergency ? { justification: '-', sunsetAt: '2026-04-03T10:00:00Z', reviews: [] } : null,
    affectedPeople: [
      {
        ...person,
        name: 'Camille Martin',
        contactForNotice: '12 rue des Lilas, 75011 Paris',
        preferredLanguage: language,
      },
    ],
    challenge: {
      lodgedAt: '2026-04-10T09:00:00Z',
      recordedBy: 'alice',
      personId: 'p1',
      grounds: ['disproportionate', 'excessive-data', 'notice-not-given'],
      statement: text.statement,
      attachmentIds: [],
    },
    decision: {
      outcome: k.outcome,
      reasons: FREE_TEXT.en.reasons,
      decidedAt: '2026-04-20T14:00:00Z',
      decidedBy: 'rita',
    },
    remedies: k.remedies.map((code, index) => ({
      id: `remedy-${index + 1}`,
      code,
      description: code === 'erase-data' ? text.eraseWhat : '',
      dueAt: index === 0 ? '2026-05-01T10:00:00Z' : '2026-05-15T10:00:00Z',
      done: null,
    })),
  };
}

export function letterOptions(
  kind: CaseKind,
  language: Language,
  document: 'notice' | 'decision',
): DocumentOptions & { challengeDeadline: string | null } {
  const k = BY_KIND[kind];
  return {
    language,
    officeName: FREE_TEXT[language].office,
    // The notice goes out on the first of April (French « 1er »); the decision letter the day after the decision.
    at: document === 'notice' ? '2026-04-01T08:00:00Z' : '2026-04-21T08:00:00Z',
    timeZone: 'Europe/Berlin',
    letterhead: { postalAddress: 'Hafenstraße 1\n10115 Berlin', email: 'poststelle@example.org', phone: '+49 30 0000' },
    ...(k.signer !== undefined && { signer: k.signer }),
    challengeDeadline: k.challengeDeadline,
  };
}

/**
 * A letter as plain text, in print order: title, fields, salutation, sections, closing, signature. This is what a
 * golden file holds and what a translator reviews line by line.
 */
export function plainText(doc: PrintableDocument): string {
  const lines = [`# ${doc.title}`, '', ...doc.fields.map((f) => `${f.label} | ${f.value}`), '', doc.salutation];
  for (const section of doc.sections) {
    lines.push('', `## ${section.heading}`);
    for (const paragraph of section.paragraphs) lines.push('', paragraph);
    if (section.list) lines.push('', ...section.list.map((item) => `- ${item}`));
  }
  lines.push('', doc.closing, '', doc.signature);
  return `${lines.join('\n')}\n`;
}

/** Every string a citizen reads in `doc`, for the rule-based checks. */
export function readableStrings(doc: PrintableDocument): string[] {
  return [
    doc.title,
    ...doc.fields.flatMap((f) => [f.label, f.value]),
    doc.salutation,
    ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...(s.list ?? [])]),
    doc.closing,
    doc.signature,
  ];
}
