import type { CaseKind } from '../domain/case-stage';
import type { Language } from '../domain/primitives';

/**
 * Invented words for the sample office. Every platform, office and person here is fictional, and reads as such
 * (no real company or authority is named), so a screenshot of the training office cannot be mistaken for a case.
 */
export const SAMPLE_PLATFORMS: readonly string[] = [
  'Quiet Harbour Social',
  'Lanternmail',
  'Northwind Cloud',
  'Heron Messaging',
  'Copper Kettle Payments',
  'Mosslight Video',
  'Tidewater Marketplace',
  'Bramble Dating',
  'Saltmarsh Forums',
  'Pebblestone Rides',
  'Juniper Health App',
  'Fernhollow Games',
];

/** The partner offices cases come from and go to; the first is the main partner of the training office. */
export const SAMPLE_PARTNER_OFFICES: readonly {
  readonly jurisdiction: string;
  readonly office: string;
  readonly code: string;
}[] = [
  { jurisdiction: 'FR', office: 'Bureau des Lanternes (fictif)', code: 'BDL' },
  { jurisdiction: 'NL', office: 'Autoriteit Stille Havens (fictief)', code: 'ASH' },
  { jurisdiction: 'ES', office: 'Oficina del Faro Dormido (ficticia)', code: 'OFD' },
  { jurisdiction: 'IE', office: 'Office of Quiet Waters (fictional)', code: 'OQW' },
  { jurisdiction: 'PL', office: 'Urząd Cichej Przystani (fikcyjny)', code: 'UCP' },
];

/** Given and family names per notice language, mixed freely: nobody real. */
export const SAMPLE_NAMES: Readonly<
  Record<Language, { readonly given: readonly string[]; readonly family: readonly string[] }>
> = {
  en: {
    given: ['Ada', 'Rowan', 'Imogen', 'Callum', 'Priya', 'Theo'],
    family: ['Marlowe', 'Finchley', 'Ashdown', 'Quill'],
  },
  fr: {
    given: ['Amélie', 'Bastien', 'Céline', 'Lucien', 'Noémie', 'Yves'],
    family: ['Durand-Lune', 'Bellerose', 'Chantemerle', 'Vautrin'],
  },
  de: {
    given: ['Anke', 'Jonas', 'Mareike', 'Till', 'Ulrike', 'Henrik'],
    family: ['Lindqvist-Bauer', 'Sommerfeld', 'Eichhorn', 'Brandt'],
  },
  es: {
    given: ['Ainhoa', 'Mateo', 'Lucía', 'Iker', 'Marisol', 'Tomás'],
    family: ['Robledo', 'Salinas', 'Peñalver', 'Olmedo'],
  },
};

/** What a caseworker notes on a case between steps (the office's working notes, in English). */
export const SAMPLE_NOTES: readonly string[] = [
  'Called the partner office; they confirmed receipt and expect to answer within the period.',
  'Checked the platform’s answer against the request: two data categories still missing.',
  'Reminder sent to the platform’s legal contact.',
  'Discussed with the authoriser; no change to the scope.',
  'Translation of the annex ordered.',
  'Person concerned asked by phone how long the case will take; told them the next step.',
  'File reviewed before the weekly meeting; nothing outstanding.',
  'Partner office asked for a status update; replied the same day.',
];

/** Titles per kind, in the language the case is written in; `{platform}` is replaced. */
export const SAMPLE_TITLES: Readonly<Record<CaseKind, Readonly<Record<Language, readonly string[]>>>> = {
  'data-access-request': {
    en: [
      'Subscriber data for a fraud account on {platform}',
      'Login records of a harassment account on {platform}',
      'Payment traces behind a fake shop on {platform}',
    ],
    fr: [
      'Données d’abonné d’un compte frauduleux sur {platform}',
      'Journaux de connexion d’un compte de harcèlement sur {platform}',
    ],
    de: ['Bestandsdaten eines Betrugskontos bei {platform}', 'Anmeldedaten eines Belästigungskontos bei {platform}'],
    es: [
      'Datos de abonado de una cuenta fraudulenta en {platform}',
      'Registros de acceso de una cuenta de acoso en {platform}',
    ],
  },
  'enforcement-action': {
    en: [
      'Unlawful tracking pixels on {platform}',
      'Excessive retention of chat logs by {platform}',
      'Missing consent for location sharing on {platform}',
    ],
    fr: ['Pixels de suivi illicites sur {platform}', 'Conservation excessive des messages par {platform}'],
    de: ['Unzulässige Zählpixel bei {platform}', 'Übermäßige Speicherung von Chatverläufen durch {platform}'],
    es: ['Píxeles de seguimiento ilícitos en {platform}', 'Conservación excesiva de chats por {platform}'],
  },
  'rights-complaint': {
    en: [
      'Access request left unanswered by {platform}',
      'Erasure refused by {platform}',
      'Profile data sold on by {platform}',
    ],
    fr: ['Demande d’accès restée sans réponse chez {platform}', 'Effacement refusé par {platform}'],
    de: ['Unbeantwortete Auskunftsanfrage bei {platform}', 'Löschung verweigert durch {platform}'],
    es: ['Solicitud de acceso sin respuesta de {platform}', 'Supresión denegada por {platform}'],
  },
};

export const SAMPLE_PURPOSES: Readonly<Record<CaseKind, string>> = {
  'data-access-request': 'Identify the holder of an account used to defraud buyers (sample case).',
  'enforcement-action': 'Stop processing without a lawful basis and order the data erased (sample case).',
  'rights-complaint': 'Have the complainant’s right of access or erasure honoured (sample case).',
};

export const SAMPLE_ADMISSIBILITY = {
  competent: 'yes',
  entitled: 'yes',
  inTime: 'yes',
  notUnfounded: 'yes',
  notDecidedElsewhere: 'yes',
  reasons: 'The controller’s main establishment is here; the complainant is the person concerned (sample).',
} as const;

export const SAMPLE_ASSESSMENT = {
  necessity: 'No other means identifies the account holder (sample).',
  proportionality: 'Three months of data only, no content (sample).',
  nonDiscrimination: 'Selected on transactions, not on protected traits (sample).',
  minimisation: 'Only the fields needed to identify the holder (sample).',
} as const;
